import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AnalyticsFilterInput } from '../filters/analytics-filter';
import type { ApiCount } from '../../lib/suppression';

/* The dashboard's first screen: six headline figures against the previous period (Query.analyticsOverview). */

export interface HeadlineCount {
  readonly current: ApiCount;
  readonly previous: ApiCount;
  readonly difference: number | null;
  readonly ratio: number | null;
  readonly share: number | null;
  readonly previousShare: number | null;
  readonly sparkline: readonly ApiCount[];
}

export interface HeadlineRatio {
  readonly current: number | null;
  readonly previous: number | null;
  readonly difference: number | null;
  readonly denominator: ApiCount;
  readonly previousDenominator: ApiCount;
  readonly sparkline: readonly (number | null)[];
}

export interface OverviewData {
  readonly analyticsOverview: {
    readonly cohort: { readonly period: { readonly from: string; readonly to: string }; readonly smallNumbersSuppressed: boolean };
    readonly previousPeriod: { readonly from: string; readonly to: string };
    readonly months: readonly string[];
    readonly raised: HeadlineCount;
    readonly open: HeadlineCount;
    readonly resolvedAtPractice: HeadlineCount;
    readonly reachedTopTier: HeadlineCount;
    readonly compliance: HeadlineRatio;
    readonly overdueNow: HeadlineCount;
  };
}

export const ANALYTICS_OVERVIEW: TypedDocumentNode<OverviewData, { readonly filter: AnalyticsFilterInput }> = gql`
  query AnalyticsOverview($filter: AnalyticsFilter!) {
    analyticsOverview(filter: $filter) {
      cohort {
        period {
          from
          to
        }
        smallNumbersSuppressed
      }
      previousPeriod {
        from
        to
      }
      months
      raised {
        ...Headline
      }
      open {
        ...Headline
      }
      resolvedAtPractice {
        ...Headline
      }
      reachedTopTier {
        ...Headline
      }
      compliance {
        current
        previous
        difference
        denominator {
          ...Count
        }
        previousDenominator {
          ...Count
        }
        sparkline
      }
      overdueNow {
        ...Headline
      }
    }
  }

  fragment Count on AnalyticsCount {
    value
    display
    suppressed
  }

  fragment Headline on HeadlineCount {
    current {
      ...Count
    }
    previous {
      ...Count
    }
    difference
    ratio
    share
    previousShare
    sparkline {
      ...Count
    }
  }
`;
