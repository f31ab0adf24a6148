import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AnalyticsCount } from '../analytics/models/analytics-count.model.js';

@ObjectType({ description: 'One side of a before/after comparison: local dates (Europe/London), from included, to excluded.' })
export class ThemeImpactWindow {
  @Field({ description: 'First day of the window (YYYY-MM-DD).' })
  from: string;

  @Field({ description: 'The day after the window (YYYY-MM-DD), excluded.' })
  to: string;

  @Field(() => AnalyticsCount, { description: "The theme's escalations raised in the window (out-of-scope ones left out)." })
  escalations: AnalyticsCount;

  @Field(() => Float, {
    nullable: true,
    description: 'Escalations per month (a month being 365.25 ÷ 12 days) over the window; null when the count is suppressed or the window is empty.',
  })
  perMonth: number | null;
}

@ObjectType({
  description:
    '"Has it worked?": the rate of a theme\'s escalations in equal windows before and after a completion date C. ' +
    'Each window is L = min(182, days from C to today) days long: before = [C − L, C), after = [C, C + L).',
})
export class ThemeImpact {
  @Field({ description: 'The completion date compared around (YYYY-MM-DD).' })
  completedOn: string;

  @Field(() => Int, { description: 'L, the length of each window in days (0 when no whole day has passed since completion).' })
  windowDays: number;

  @Field(() => ThemeImpactWindow)
  before: ThemeImpactWindow;

  @Field(() => ThemeImpactWindow)
  after: ThemeImpactWindow;

  @Field(() => Float, {
    nullable: true,
    description: 'Change in the monthly rate, after against before, as a fraction (−0.5: halved); null when either count is suppressed or before is 0.',
  })
  change: number | null;

  @Field({
    description:
      'True when the counts cannot show whether practice changed: fewer than `fewestEscalations` in either window, or fewer than 28 days since completion.',
  })
  tooFewToTell: boolean;

  @Field(() => String, { nullable: true, description: 'Why the comparison cannot be read, in words; null when it can.' })
  caveat: string | null;

  @Field({ description: 'The comparison in one sentence, for screen readers and summaries.' })
  summary: string;

  @Field(() => Int, { description: 'The fewest escalations a window must hold for the comparison to be read (10).' })
  fewestEscalations: number;
}
