import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ThemeImpactModule } from '../theme-impact/theme-impact.module.js';
import { BriefingController } from './briefing/briefing.controller.js';
import { BriefingService } from './briefing/briefing.service.js';
import { EscalationLearningResolver } from './escalation-learning.resolver.js';
import { LearningActionsService } from './learning-actions.service.js';
import { LearningItemsResolver } from './learning-items.resolver.js';
import { LearningItemsService } from './learning-items.service.js';
import { LearningMutationsResolver } from './learning-mutations.resolver.js';
import { LearningRelationsService } from './learning-relations.service.js';
import { LearningWritesService } from './learning-writes.service.js';

/**
 * Learning items (DESIGN.md §2): gaps in practice, policy or procedure drawn from
 * escalations, referred to a group, with actions; "has it worked?" through the theme's
 * escalation rate (ThemeImpactModule); and the one-page 7-minute briefing as a PDF.
 */
@Module({
  imports: [AuditModule, ThemeImpactModule],
  controllers: [BriefingController],
  providers: [
    LearningItemsResolver,
    LearningMutationsResolver,
    EscalationLearningResolver,
    LearningItemsService,
    LearningRelationsService,
    LearningWritesService,
    LearningActionsService,
    BriefingService,
  ],
})
export class LearningModule {}
