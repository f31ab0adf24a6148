import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GqlEscalationStatus } from '../escalations/escalations.graphql';
import type { GqlRequirement } from '../protocols/labels';

/* The scrutineer's review of tier 4–5 escalations (Query.scrutinyReview, docs/scrutiny.md). */

export type GqlEscalationRequirementStatus = 'MET' | 'MISSING' | 'NOT_RECORDED' | 'NOT_REQUIRED';

export interface ScrutinyRequirement {
  readonly requirement: GqlRequirement;
  readonly status: GqlEscalationRequirementStatus;
  readonly requiredByProtocol: boolean;
  readonly requiredAtStages: readonly string[];
  readonly missingAtStages: readonly string[];
}

export interface ScrutinyAuditEvent {
  readonly id: string;
  readonly occurredAt: string;
  readonly actorLabel: string;
  readonly action: string;
}

export interface ScrutinyEscalation {
  readonly id: string;
  readonly reference: string;
  readonly raisedAt: string;
  readonly status: GqlEscalationStatus;
  readonly outcome: string | null;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly highestTier: number;
  readonly resolvedTier: number | null;
  readonly tiersReached: readonly number[];
  readonly requirements: readonly ScrutinyRequirement[];
  readonly timescales: { readonly met: number; readonly breached: number; readonly overdue: number; readonly pending: number };
  readonly auditEvents: readonly ScrutinyAuditEvent[];
}

export interface ScrutinyReviewData {
  readonly scrutinyReview: { readonly from: string; readonly to: string; readonly escalations: readonly ScrutinyEscalation[] };
}

export const SCRUTINY_REVIEW: TypedDocumentNode<ScrutinyReviewData, { readonly partnershipId: string; readonly from: string; readonly to: string }> = gql`
  query ScrutinyReview($partnershipId: ID!, $from: String!, $to: String!) {
    scrutinyReview(partnershipId: $partnershipId, from: $from, to: $to) {
      from
      to
      escalations {
        id
        reference
        raisedAt
        status
        outcome
        resolvedAt
        closedAt
        highestTier
        resolvedTier
        tiersReached
        requirements {
          requirement
          status
          requiredByProtocol
          requiredAtStages
          missingAtStages
        }
        timescales {
          met
          breached
          overdue
          pending
        }
        auditEvents {
          id
          occurredAt
          actorLabel
          action
        }
      }
    }
  }
`;
