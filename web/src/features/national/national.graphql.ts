import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ApiCount } from '../../lib/suppression';
import type { TierReachRow } from '../stages/stages.graphql';

/* The national picture (Query.nationalOverview): counts across partnerships, always suppressed. */

export interface NationalFigures {
  /** Null for the total over every partnership shown. */
  readonly partnershipId: string | null;
  readonly name: string;
  readonly raised: ApiCount;
  readonly open: ApiCount;
  readonly openShare: number | null;
  readonly reachedTopTier: ApiCount;
  readonly topTierShare: number | null;
  readonly reach: readonly TierReachRow[];
  readonly compliance: number | null;
  readonly timescalesDecided: ApiCount;
  readonly outOfScope: ApiCount;
}

export interface NationalOverviewData {
  readonly nationalOverview: {
    readonly period: { readonly from: string; readonly to: string; readonly days: number };
    readonly smallNumbersSuppressed: boolean;
    readonly asOf: string;
    readonly partnerships: readonly NationalFigures[];
    readonly total: NationalFigures;
  };
}

export interface NationalFilterInput {
  readonly from: string;
  readonly to: string;
  readonly partnershipIds?: readonly string[];
}

export const NATIONAL_OVERVIEW: TypedDocumentNode<NationalOverviewData, { readonly filter: NationalFilterInput }> = gql`
  query NationalOverview($filter: NationalFilter!) {
    nationalOverview(filter: $filter) {
      period {
        from
        to
        days
      }
      smallNumbersSuppressed
      asOf
      partnerships {
        ...NationalFigures
      }
      total {
        ...NationalFigures
      }
    }
  }

  fragment NationalFigures on NationalFigures {
    partnershipId
    name
    raised {
      ...Count
    }
    open {
      ...Count
    }
    openShare
    reachedTopTier {
      ...Count
    }
    topTierShare
    reach {
      tier
      tierName
      reached {
        ...Count
      }
      share
    }
    compliance
    timescalesDecided {
      ...Count
    }
    outOfScope {
      ...Count
    }
  }

  fragment Count on AnalyticsCount {
    value
    display
    suppressed
  }
`;
