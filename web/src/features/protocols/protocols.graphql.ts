import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  GqlJurisdiction,
  GqlRequirement,
  GqlRuleSource,
  GqlTimescaleUnit,
  GqlUrgency,
} from './labels';

/*
 * The operations of the protocols page, with their result types written beside them.
 * The shapes follow the server's schema (Query.partnerships, Partnership.activeProtocol);
 * enum values arrive as the schema's UPPER_SNAKE names.
 */

export interface LadderStage {
  readonly code: string;
  readonly name: string;
  readonly order: number;
  readonly tier: number;
  readonly tierName: string;
  readonly roles: readonly string[];
  readonly description: string;
  readonly requirements: readonly GqlRequirement[];
}

export interface LadderCategory {
  readonly code: string;
  readonly label: string;
}

export interface LadderRule {
  readonly code: string;
  readonly name: string;
  readonly stageCode: string;
  readonly limitUnit: GqlTimescaleUnit;
  readonly limitAmount: number;
  /** Null when the rule applies whatever the urgency. */
  readonly urgencies: readonly GqlUrgency[] | null;
  readonly source: GqlRuleSource;
  readonly rationale: string;
  /** The code of another rule of the same protocol that must have been missed for this one to apply. */
  readonly appliesWhenRuleNotMet: string | null;
}

export interface LadderProtocol {
  readonly id: string;
  readonly code: string;
  readonly version: number;
  readonly name: string;
  readonly sourceDocument: string | null;
  readonly sourceVersion: string | null;
  readonly summary: string;
  readonly discouragesEmail: boolean;
  readonly skipAllowedFor: readonly GqlUrgency[];
  readonly outOfScope: readonly string[];
  readonly stages: readonly LadderStage[];
  readonly categories: readonly LadderCategory[];
  readonly rules: readonly LadderRule[];
}

export interface PartnershipLadder {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly jurisdiction: GqlJurisdiction;
  readonly activeProtocol: LadderProtocol | null;
}

export interface ProtocolLaddersData {
  readonly partnerships: readonly PartnershipLadder[];
}

export const PROTOCOL_LADDERS: TypedDocumentNode<ProtocolLaddersData, Record<string, never>> = gql`
  query ProtocolLadders {
    partnerships {
      id
      code
      name
      jurisdiction
      activeProtocol {
        id
        code
        version
        name
        sourceDocument
        sourceVersion
        summary
        discouragesEmail
        skipAllowedFor
        outOfScope
        stages {
          code
          name
          order
          tier
          tierName
          roles
          description
          requirements
        }
        categories {
          code
          label
        }
        rules {
          code
          name
          stageCode
          limitUnit
          limitAmount
          urgencies
          source
          rationale
          appliesWhenRuleNotMet
        }
      }
    }
  }
`;
