import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import { PartnershipArgs } from './dto/partnership.args.js';
import { Partnership } from './models/partnership.model.js';
import { PartnershipsService } from './partnerships.service.js';

@Resolver(() => Partnership)
export class PartnershipsResolver {
  constructor(private readonly partnershipsService: PartnershipsService) {}

  @Query(() => [Partnership], { description: 'Every partnership the user may see, by name: their own, or all for national viewers and administrators of every partnership.' })
  @Access('Query.partnerships')
  partnerships(): Promise<Partnership[]> {
    return this.partnershipsService.list();
  }

  @Query(() => Partnership, { description: 'One partnership; an unknown id, or one the user may not see, is an error with code PARTNERSHIP_NOT_FOUND.' })
  @Access('Query.partnership')
  partnership(@Args() args: PartnershipArgs): Promise<Partnership> {
    return this.partnershipsService.get(args.id);
  }
}
