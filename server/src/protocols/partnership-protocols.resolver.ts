import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { Partnership } from '../partnerships/models/partnership.model.js';
import { Protocol } from './models/protocol.model.js';
import { ProtocolsService } from './protocols.service.js';

/** Adds `Partnership.protocols` and `Partnership.activeProtocol`. */
@Resolver(() => Partnership)
export class PartnershipProtocolsResolver {
  constructor(private readonly protocolsService: ProtocolsService) {}

  @ResolveField('activeProtocol', () => Protocol, { nullable: true, description: 'The protocol new escalations follow.' })
  @Access('Partnership.activeProtocol')
  activeProtocol(@Parent() partnership: Partnership, @Context('loaders') loaders: RequestLoaders): Promise<Protocol | null> {
    return this.protocolsService.activeFor(partnership.id, loaders);
  }

  @ResolveField('protocols', () => [Protocol], { description: 'Every protocol version, by code then version.' })
  @Access('Partnership.protocols')
  protocols(@Parent() partnership: Partnership, @Context('loaders') loaders: RequestLoaders): Promise<Protocol[]> {
    return this.protocolsService.forPartnership(partnership.id, loaders);
  }
}
