import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AnalyticsFilterInput } from '../filters/analytics-filter';
import type { ApiCount } from '../../lib/suppression';

/* Were timescales met, how long do escalations take, and what is overdue now (DESIGN.md §4.3)? */

export type GqlReportUnit = 'HOURS' | 'WORKING_DAYS' | 'CALENDAR_DAYS';

export interface TimeSummary {
  readonly count: number | null;
  readonly median: number | null;
  readonly p90: number | null;
}

export interface BreachGroup {
  readonly ruleCode: string | null;
  readonly ruleName: string | null;
  readonly stageCode: string | null;
  readonly stageName: string | null;
  readonly tier: number | null;
  readonly month: string | null;
  readonly monthLabel: string | null;
  readonly met: ApiCount;
  readonly breached: ApiCount;
  readonly overdue: ApiCount;
  readonly pending: ApiCount;
  readonly counted: ApiCount;
  readonly compliance: number | null;
  readonly durations: readonly { readonly unit: GqlReportUnit; readonly timeTaken: TimeSummary; readonly lateness: TimeSummary }[];
}

export interface LatenessBucket {
  /** "≤1", "4–5", ">20": the lateness rounded up to a whole unit. */
  readonly label: string;
  readonly above: number | null;
  readonly upTo: number | null;
  readonly breached: ApiCount;
  readonly overdue: ApiCount;
}

/** One rule's late outcomes by how late, in its unit. */
export interface RuleLateness {
  readonly ruleCode: string;
  readonly ruleName: string;
  readonly stageCode: string;
  readonly stageName: string;
  readonly tier: number;
  readonly unit: GqlReportUnit;
  readonly breached: ApiCount;
  readonly overdue: ApiCount;
  readonly buckets: readonly LatenessBucket[];
}

export interface SurvivalStep {
  readonly time: number;
  readonly atRisk: number | null;
  readonly events: number | null;
  readonly censored: number | null;
  readonly survival: number;
}

export interface SurvivalCurve {
  readonly tier: number | null;
  readonly escalations: ApiCount;
  readonly resolved: ApiCount;
  readonly censored: ApiCount;
  readonly medianDays: number | null;
  readonly medianLowerDays: number | null;
  readonly medianUpperDays: number | null;
  readonly thinned: boolean;
  readonly steps: readonly SurvivalStep[];
}

export interface OverdueTimescale {
  readonly partnershipId: string;
  readonly escalationId: string;
  readonly reference: string;
  readonly ruleCode: string;
  readonly ruleName: string;
  readonly stageCode: string;
  readonly deadline: string;
  readonly overdueDays: number;
  readonly unit: GqlReportUnit;
  readonly lateness: number | null;
}

export interface BreachData {
  readonly breachStatistics: {
    readonly cohort: { readonly escalations: ApiCount };
    readonly overall: BreachGroup;
    readonly byRule: readonly BreachGroup[];
    readonly byStage: readonly BreachGroup[];
    readonly byMonth: readonly BreachGroup[];
    readonly byRuleAndMonth: readonly BreachGroup[];
    readonly byStageAndMonth: readonly BreachGroup[];
    readonly latenessByRule: readonly RuleLateness[];
  };
}

export interface ResolutionTimeData {
  readonly timeToResolution: {
    readonly overall: SurvivalCurve;
    readonly byTier: readonly Omit<SurvivalCurve, 'steps' | 'thinned'>[];
  };
}

export interface AgeBucket {
  readonly label: string;
  readonly minDays: number;
  readonly maxDays: number | null;
  readonly escalations: ApiCount;
}

export interface DriftData {
  readonly drift: {
    readonly open: ApiCount;
    readonly byAge: readonly AgeBucket[];
    readonly overdue: { readonly timescales: ApiCount; readonly escalations: ApiCount; readonly list: readonly OverdueTimescale[] };
  };
}

type FilterVariables = { readonly filter: AnalyticsFilterInput };

export const BREACH_STATISTICS: TypedDocumentNode<BreachData, FilterVariables> = gql`
  query BreachStatistics($filter: AnalyticsFilter!) {
    breachStatistics(filter: $filter) {
      cohort {
        escalations {
          ...Count
        }
      }
      overall {
        ...Group
      }
      byRule {
        ...Group
      }
      byStage {
        ...Group
      }
      byMonth {
        ...Group
      }
      byRuleAndMonth {
        ruleCode
        ruleName
        stageCode
        month
        monthLabel
        met {
          ...Count
        }
        breached {
          ...Count
        }
        overdue {
          ...Count
        }
        counted {
          ...Count
        }
        compliance
      }
      byStageAndMonth {
        stageCode
        stageName
        tier
        month
        monthLabel
        met {
          ...Count
        }
        breached {
          ...Count
        }
        overdue {
          ...Count
        }
        counted {
          ...Count
        }
        compliance
      }
      latenessByRule {
        ruleCode
        ruleName
        stageCode
        stageName
        tier
        unit
        breached {
          ...Count
        }
        overdue {
          ...Count
        }
        buckets {
          label
          above
          upTo
          breached {
            ...Count
          }
          overdue {
            ...Count
          }
        }
      }
    }
  }

  fragment Count on AnalyticsCount {
    value
    display
    suppressed
  }

  fragment Group on BreachGroup {
    ruleCode
    ruleName
    stageCode
    stageName
    tier
    month
    monthLabel
    met {
      ...Count
    }
    breached {
      ...Count
    }
    overdue {
      ...Count
    }
    pending {
      ...Count
    }
    counted {
      ...Count
    }
    compliance
    durations {
      unit
      timeTaken {
        count
        median
        p90
      }
      lateness {
        count
        median
        p90
      }
    }
  }
`;

export const TIME_TO_RESOLUTION: TypedDocumentNode<ResolutionTimeData, FilterVariables> = gql`
  query TimeToResolution($filter: AnalyticsFilter!) {
    timeToResolution(filter: $filter, maxSteps: 400) {
      overall {
        tier
        escalations {
          ...Count
        }
        resolved {
          ...Count
        }
        censored {
          ...Count
        }
        medianDays
        medianLowerDays
        medianUpperDays
        thinned
        steps {
          time
          atRisk
          events
          censored
          survival
        }
      }
      byTier {
        tier
        escalations {
          ...Count
        }
        resolved {
          ...Count
        }
        censored {
          ...Count
        }
        medianDays
        medianLowerDays
        medianUpperDays
      }
    }
  }

  fragment Count on AnalyticsCount {
    value
    display
    suppressed
  }
`;

export const DRIFT: TypedDocumentNode<DriftData, FilterVariables> = gql`
  query Drift($filter: AnalyticsFilter!) {
    drift(filter: $filter, overdueLimit: 100) {
      open {
        ...Count
      }
      byAge {
        label
        minDays
        maxDays
        escalations {
          ...Count
        }
      }
      overdue {
        timescales {
          ...Count
        }
        escalations {
          ...Count
        }
        list {
          partnershipId
          escalationId
          reference
          ruleCode
          ruleName
          stageCode
          deadline
          overdueDays
          unit
          lateness
        }
      }
    }
  }

  fragment Count on AnalyticsCount {
    value
    display
    suppressed
  }
`;
