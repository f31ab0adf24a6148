import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import { NationalOverviewArgs } from './dto/national-overview.args.js';
import { NationalOverview } from './models/national-overview.model.js';
import { NationalOverviewService } from './national-overview.service.js';

@Resolver(() => NationalOverview)
export class NationalResolver {
  constructor(private readonly overviewService: NationalOverviewService) {}

  @Query(() => NationalOverview, {
    description:
      'Escalation figures per partnership and in total, for national and regional viewers, from aggregate views only; counts ' +
      'from 1 to 4 always suppressed. Errors: INVALID_PERIOD, PERIOD_TOO_LONG, PARTNERSHIP_NOT_FOUND, BAD_USER_INPUT.',
  })
  @Access('Query.nationalOverview')
  nationalOverview(@Args() args: NationalOverviewArgs): Promise<NationalOverview> {
    return this.overviewService.overview(args.filter);
  }
}
