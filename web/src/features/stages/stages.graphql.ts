import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AnalyticsFilterInput } from '../filters/analytics-filter';
import type { ApiCount } from '../../lib/suppression';

/* How far up the ladder disagreements go (Query.stageReach, DESIGN.md §4.1). */

export interface TierReachRow {
  readonly tier: number;
  readonly tierName: string;
  readonly reached: ApiCount;
  readonly share: number | null;
}

export interface ResolutionShareRow {
  readonly state: 'RESOLVED' | 'OPEN' | 'WITHDRAWN';
  readonly tier: number | null;
  readonly count: ApiCount;
  readonly share: number | null;
}

export interface StageReachRow {
  readonly stageCode: string;
  readonly stageName: string;
  readonly ladderOrder: number;
  readonly tier: number;
  readonly reached: ApiCount;
  readonly entered: ApiCount;
  readonly skipped: ApiCount;
  readonly share: number | null;
}

export interface ReachBreakdownRow {
  readonly key: string;
  readonly label: string;
  readonly escalations: ApiCount;
  readonly tiers: readonly TierReachRow[];
}

export interface StageReachData {
  readonly stageReach: {
    readonly cohort: { readonly escalations: ApiCount; readonly outOfScope: ApiCount; readonly smallNumbersSuppressed: boolean };
    readonly tiers: readonly TierReachRow[];
    readonly resolvedAt: readonly ResolutionShareRow[];
    readonly stages: {
      readonly protocolId: string;
      readonly protocolName: string;
      readonly escalations: ApiCount;
      readonly stages: readonly StageReachRow[];
    } | null;
    readonly byReceivingAgency: readonly ReachBreakdownRow[];
    readonly byRaisingAgency: readonly ReachBreakdownRow[];
  };
}

export const STAGE_REACH: TypedDocumentNode<StageReachData, { readonly filter: AnalyticsFilterInput }> = gql`
  query StageReach($filter: AnalyticsFilter!) {
    stageReach(filter: $filter) {
      cohort {
        escalations {
          ...Count
        }
        outOfScope {
          ...Count
        }
        smallNumbersSuppressed
      }
      tiers {
        tier
        tierName
        reached {
          ...Count
        }
        share
      }
      resolvedAt {
        state
        tier
        count {
          ...Count
        }
        share
      }
      stages {
        protocolId
        protocolName
        escalations {
          ...Count
        }
        stages {
          stageCode
          stageName
          ladderOrder
          tier
          reached {
            ...Count
          }
          entered {
            ...Count
          }
          skipped {
            ...Count
          }
          share
        }
      }
      byReceivingAgency {
        ...Breakdown
      }
      byRaisingAgency {
        ...Breakdown
      }
    }
  }

  fragment Count on AnalyticsCount {
    value
    display
    suppressed
  }

  fragment Breakdown on ReachBreakdown {
    key
    label
    escalations {
      ...Count
    }
    tiers {
      tier
      tierName
      reached {
        ...Count
      }
      share
    }
  }
`;
