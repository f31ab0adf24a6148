import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { Partnership } from '../partnerships/models/partnership.model.js';
import { AgenciesService } from './agencies.service.js';
import { Agency } from './models/agency.model.js';

/** Adds `Partnership.agencies`: the agencies module owns agency data wherever it appears. */
@Resolver(() => Partnership)
export class PartnershipAgenciesResolver {
  constructor(private readonly agenciesService: AgenciesService) {}

  @ResolveField('agencies', () => [Agency], { description: 'The agencies of the partnership, by name.' })
  @Access('Partnership.agencies')
  agencies(@Parent() partnership: Partnership, @Context('loaders') loaders: RequestLoaders): Promise<Agency[]> {
    return this.agenciesService.forPartnership(partnership.id, loaders);
  }
}
