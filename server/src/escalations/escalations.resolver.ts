import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import { AuditedView } from '../auth/audited-view.decorator.js';
import { EscalationArgs } from './dto/escalation.args.js';
import { EscalationsArgs } from './dto/escalations.args.js';
import { EscalationsService } from './escalations.service.js';
import { EscalationPage } from './models/escalation-page.model.js';
import { Escalation } from './models/escalation.model.js';

@Resolver(() => Escalation)
export class EscalationsResolver {
  constructor(private readonly escalationsService: EscalationsService) {}

  @Query(() => Escalation, { description: 'One escalation with its timeline; an unknown id is an error with code ESCALATION_NOT_FOUND.' })
  @Access('Query.escalation')
  @AuditedView<EscalationArgs, Escalation>({
    action: 'escalation.timeline_viewed',
    entityType: 'escalation',
    identify: (_, escalation) => ({ partnershipId: escalation.partnershipId, entityId: escalation.id }),
  })
  escalation(@Args() args: EscalationArgs): Promise<Escalation> {
    return this.escalationsService.get(args.partnershipId, args.id);
  }

  @Query(() => EscalationPage, { description: 'A page of escalations matching the filter, sorted (newest raised first by default).' })
  @Access('Query.escalations')
  escalations(@Args() args: EscalationsArgs): Promise<EscalationPage> {
    return this.escalationsService.list(args);
  }
}
