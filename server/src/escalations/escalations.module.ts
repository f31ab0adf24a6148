import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ProtocolsModule } from '../protocols/protocols.module.js';
import { ChildKeyService } from './child-key.js';
import { EscalationCorrectionEntity } from './entities/escalation-correction.entity.js';
import { EscalationEntity } from './entities/escalation.entity.js';
import { MilestoneEntity } from './entities/milestone.entity.js';
import { StageEntryEntity } from './entities/stage-entry.entity.js';
import { EscalationContextResolver } from './escalation-context.resolver.js';
import { EscalationCorrectionsService } from './escalation-corrections.service.js';
import { EscalationLifecycleResolver } from './escalation-lifecycle.resolver.js';
import { EscalationLifecycleService } from './escalation-lifecycle.service.js';
import { EscalationRecordingService } from './escalation-recording.service.js';
import { EscalationTimelineResolver } from './escalation-timeline.resolver.js';
import { EscalationTimelineService } from './escalation-timeline.service.js';
import { EscalationTransactionService } from './escalation-transaction.service.js';
import { EscalationsResolver } from './escalations.resolver.js';
import { EscalationsService } from './escalations.service.js';
import { OutcomeRefreshScheduler } from './outcome-refresh.scheduler.js';
import { OutcomeRefreshService } from './outcome-refresh.service.js';
import { StageEntryResolver } from './stage-entry.resolver.js';
import { TimescaleOutcomesService } from './timescale-outcomes.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([EscalationEntity, StageEntryEntity, MilestoneEntity, EscalationCorrectionEntity]),
    AgenciesModule,
    ProtocolsModule,
    AuditModule,
  ],
  providers: [
    EscalationsResolver,
    EscalationTimelineResolver,
    EscalationContextResolver,
    StageEntryResolver,
    EscalationLifecycleResolver,
    EscalationsService,
    EscalationTimelineService,
    EscalationRecordingService,
    EscalationLifecycleService,
    EscalationCorrectionsService,
    EscalationTransactionService,
    TimescaleOutcomesService,
    OutcomeRefreshService,
    OutcomeRefreshScheduler,
    ChildKeyService,
  ],
  exports: [EscalationsService, TimescaleOutcomesService],
})
export class EscalationsModule {}
