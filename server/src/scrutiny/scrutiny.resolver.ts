import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../auth/access.decorator.js';
import { ScrutinyReviewArgs } from './dto/scrutiny-review.args.js';
import { ScrutinyReview } from './models/scrutiny-review.model.js';
import { ScrutinyService } from './scrutiny.service.js';

@Resolver(() => ScrutinyReview)
export class ScrutinyResolver {
  constructor(private readonly scrutiny: ScrutinyService) {}

  @Query(() => ScrutinyReview, {
    description:
      'Every escalation raised in [from, to) that reached tier 4 or 5: outcome, protocol requirements met or missing, timescales and audit trail. ' +
      'A period that is not one gives INVALID_PERIOD.',
  })
  @Access('Query.scrutinyReview')
  scrutinyReview(@Args() args: ScrutinyReviewArgs): Promise<ScrutinyReview> {
    return this.scrutiny.review(args);
  }
}
