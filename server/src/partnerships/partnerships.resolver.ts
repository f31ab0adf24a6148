import { Args, Query, Resolver } from '@nestjs/graphql';
import { PartnershipArgs } from './dto/partnership.args.js';
import { Partnership } from './models/partnership.model.js';
import { PartnershipsService } from './partnerships.service.js';

@Resolver(() => Partnership)
export class PartnershipsResolver {
  constructor(private readonly partnershipsService: PartnershipsService) {}

  @Query(() => [Partnership], { description: 'Every partnership, by name.' })
  partnerships(): Promise<Partnership[]> {
    return this.partnershipsService.list();
  }

  @Query(() => Partnership, { description: 'One partnership; an unknown id is an error with code PARTNERSHIP_NOT_FOUND.' })
  partnership(@Args() args: PartnershipArgs): Promise<Partnership> {
    return this.partnershipsService.get(args.id);
  }
}
