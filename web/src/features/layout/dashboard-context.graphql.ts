import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GqlAgencySector } from '../protocols/labels';

/*
 * What every page needs to label its figures and fill the filters: the partnerships the
 * user may see, their agencies, and their active protocol's stages, categories and rules.
 * Reference data, so one query serves the header, the filters and every page's labels.
 */

export interface ContextAgency {
  readonly id: string;
  readonly name: string;
  readonly sector: GqlAgencySector;
  readonly isActive: boolean;
}

export interface ContextStage {
  readonly code: string;
  readonly name: string;
  readonly order: number;
  readonly tier: number;
  readonly tierName: string;
}

export interface ContextRule {
  readonly code: string;
  readonly name: string;
  readonly stageCode: string;
}

export interface ContextPartnership {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly themeMinCount: number;
  readonly themeWindowDays: number;
  readonly agencies: readonly ContextAgency[];
  readonly activeProtocol: {
    readonly id: string;
    readonly name: string;
    readonly stages: readonly ContextStage[];
    readonly categories: readonly { readonly code: string; readonly label: string }[];
    readonly rules: readonly ContextRule[];
  } | null;
}

export interface DashboardContextData {
  readonly partnerships: readonly ContextPartnership[];
}

export const DASHBOARD_CONTEXT: TypedDocumentNode<DashboardContextData, Record<string, never>> = gql`
  query DashboardContext {
    partnerships {
      id
      code
      name
      themeMinCount
      themeWindowDays
      agencies {
        id
        name
        sector
        isActive
      }
      activeProtocol {
        id
        name
        stages {
          code
          name
          order
          tier
          tierName
        }
        categories {
          code
          label
        }
        rules {
          code
          name
          stageCode
        }
      }
    }
  }
`;
