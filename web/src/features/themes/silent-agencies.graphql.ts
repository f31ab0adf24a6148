import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AnalyticsFilterInput } from '../filters/analytics-filter';
import type { ApiCount } from '../../lib/suppression';

/* Which agencies never escalate (DASHBOARD.md, improvement group): Query.silentAgencies. */

export interface AgencyActivity {
  readonly agencyId: string;
  readonly name: string;
  readonly silent: boolean;
  readonly isActive: boolean;
  /** Raised per period: this one first, then the previous ones, most recent first. */
  readonly raised: readonly ApiCount[];
}

export interface SilentAgenciesData {
  readonly silentAgencies: {
    readonly periods: readonly { readonly from: string; readonly to: string }[];
    readonly periodTotals: readonly ApiCount[];
    readonly agencies: readonly AgencyActivity[];
  };
}

export const SILENT_AGENCIES: TypedDocumentNode<SilentAgenciesData, { readonly filter: AnalyticsFilterInput; readonly previousPeriods: number }> = gql`
  query SilentAgencies($filter: AnalyticsFilter!, $previousPeriods: Int!) {
    silentAgencies(filter: $filter, previousPeriods: $previousPeriods) {
      periods {
        from
        to
      }
      periodTotals {
        ...Count
      }
      agencies {
        agencyId
        name
        silent
        isActive
        raised {
          ...Count
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
