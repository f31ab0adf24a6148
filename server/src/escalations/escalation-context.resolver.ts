import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import { AgenciesService } from '../agencies/agencies.service.js';
import { Agency } from '../agencies/models/agency.model.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { Category } from '../protocols/models/category.model.js';
import { Protocol } from '../protocols/models/protocol.model.js';
import { ProtocolPartsService } from '../protocols/protocol-parts.service.js';
import { ProtocolsService } from '../protocols/protocols.service.js';
import { EscalationTimelineService } from './escalation-timeline.service.js';
import { Escalation } from './models/escalation.model.js';

/** What an escalation points at: its protocol, agencies, category and escalations about the same child. */
@Resolver(() => Escalation)
export class EscalationContextResolver {
  constructor(
    private readonly protocols: ProtocolsService,
    private readonly protocolParts: ProtocolPartsService,
    private readonly agencies: AgenciesService,
    private readonly timeline: EscalationTimelineService,
  ) {}

  @ResolveField('protocol', () => Protocol, { description: 'The protocol version the escalation follows.' })
  @Access('Escalation.protocol')
  async protocol(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<Protocol> {
    const protocols = await this.protocols.forPartnership(escalation.partnershipId, loaders);
    return found(protocols.find((protocol) => protocol.id === escalation.protocolId), 'protocol', escalation.protocolId);
  }

  @ResolveField('raisingAgency', () => Agency)
  @Access('Escalation.raisingAgency')
  raisingAgency(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<Agency> {
    return this.agency(escalation.partnershipId, escalation.raisingAgencyId, loaders);
  }

  @ResolveField('receivingAgency', () => Agency)
  @Access('Escalation.receivingAgency')
  receivingAgency(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<Agency> {
    return this.agency(escalation.partnershipId, escalation.receivingAgencyId, loaders);
  }

  @ResolveField('category', () => Category)
  @Access('Escalation.category')
  async category(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<Category> {
    const categories = await this.protocolParts.categoriesOf({ partnershipId: escalation.partnershipId, id: escalation.protocolId }, loaders);
    return found(categories.find((category) => category.code === escalation.categoryCode), 'category', escalation.categoryCode);
  }

  @ResolveField('relatedEscalations', () => [Escalation], {
    description: 'Other escalations of the partnership about the same child (same case reference), oldest first.',
  })
  @Access('Escalation.relatedEscalations')
  relatedEscalations(@Parent() escalation: Escalation, @Context('loaders') loaders: RequestLoaders): Promise<Escalation[]> {
    return this.timeline.relatedOf(escalation, loaders);
  }

  private async agency(partnershipId: string, agencyId: string, loaders: RequestLoaders): Promise<Agency> {
    const agencies = await this.agencies.forPartnership(partnershipId, loaders);
    return found(agencies.find((agency) => agency.id === agencyId), 'agency', agencyId);
  }
}

/** Foreign keys guarantee these rows; a miss is a bug, reported as an internal error. */
function found<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new Error(`Escalation refers to ${what} ${id}, which could not be loaded`);
  return value;
}
