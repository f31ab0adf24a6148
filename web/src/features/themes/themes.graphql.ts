import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AnalyticsFilterInput } from '../filters/analytics-filter';
import type { ApiCount } from '../../lib/suppression';

/* What keeps recurring (DESIGN.md §4.4): Query.themes and Query.themeSignals. */

export type ThemeInterval = 'MONTH' | 'QUARTER';

export interface PeriodChange {
  readonly current: ApiCount;
  readonly previous: ApiCount;
  readonly difference: number | null;
  readonly ratio: number | null;
}

export interface MatrixAxisItem {
  readonly key: string;
  readonly label: string;
  readonly total: ApiCount;
}

export interface ThemeMatrix {
  readonly rows: readonly MatrixAxisItem[];
  readonly columns: readonly MatrixAxisItem[];
  readonly cells: readonly { readonly rowKey: string; readonly columnKey: string; readonly count: ApiCount }[];
}

export interface CategoryTrend {
  readonly categoryCode: string;
  readonly label: string;
  readonly series: readonly ApiCount[];
  readonly change: PeriodChange;
}

export interface ThemesData {
  readonly themes: {
    readonly cohort: { readonly escalations: ApiCount };
    readonly buckets: readonly { readonly start: string; readonly end: string; readonly label: string; readonly partial: boolean }[];
    readonly bucketTotals: readonly ApiCount[];
    readonly categories: readonly CategoryTrend[];
    readonly change: PeriodChange;
    readonly agencyPairs: ThemeMatrix;
    readonly categoryByReceiving: ThemeMatrix;
  };
}

export const THEMES: TypedDocumentNode<ThemesData, { readonly filter: AnalyticsFilterInput; readonly interval: ThemeInterval }> = gql`
  query Themes($filter: AnalyticsFilter!, $interval: ThemeInterval!) {
    themes(filter: $filter, interval: $interval) {
      cohort {
        escalations {
          ...Count
        }
      }
      buckets {
        start
        end
        label
        partial
      }
      bucketTotals {
        ...Count
      }
      categories {
        categoryCode
        label
        series {
          ...Count
        }
        change {
          ...Change
        }
      }
      change {
        ...Change
      }
      agencyPairs {
        ...Matrix
      }
      categoryByReceiving {
        ...Matrix
      }
    }
  }

  fragment Count on AnalyticsCount {
    value
    display
    suppressed
  }

  fragment Change on PeriodChange {
    current {
      ...Count
    }
    previous {
      ...Count
    }
    difference
    ratio
  }

  fragment Matrix on ThemeMatrix {
    rows {
      key
      label
      total {
        ...Count
      }
    }
    columns {
      key
      label
      total {
        ...Count
      }
    }
    cells {
      rowKey
      columnKey
      count {
        ...Count
      }
    }
  }
`;

export interface ThemeSignal {
  readonly partnershipId: string;
  readonly categoryCode: string;
  readonly categoryLabel: string;
  readonly receivingAgencyId: string;
  readonly receivingAgencyName: string;
  readonly minCount: number;
  readonly windowDays: number;
  readonly escalationCount: ApiCount;
  readonly firstRaisedAt: string;
  readonly lastRaisedAt: string;
  readonly windows: readonly { readonly start: string; readonly end: string; readonly escalations: ApiCount }[];
}

export interface ThemeSignalsData {
  readonly themeSignals: {
    readonly settings: readonly { readonly partnershipId: string; readonly minCount: number; readonly windowDays: number }[];
    readonly signals: readonly ThemeSignal[];
  };
}

export const THEME_SIGNALS: TypedDocumentNode<ThemeSignalsData, { readonly filter: AnalyticsFilterInput }> = gql`
  query ThemeSignals($filter: AnalyticsFilter!) {
    themeSignals(filter: $filter, escalationLimit: 0) {
      settings {
        partnershipId
        minCount
        windowDays
      }
      signals {
        partnershipId
        categoryCode
        categoryLabel
        receivingAgencyId
        receivingAgencyName
        minCount
        windowDays
        escalationCount {
          value
          display
          suppressed
        }
        firstRaisedAt
        lastRaisedAt
        windows {
          start
          end
          escalations {
            value
            display
            suppressed
          }
        }
      }
    }
  }
`;
