import { gql, type TypedDocumentNode } from '@apollo/client';

/* The audit trail and its hash chain (Query.auditTrail, Query.verifyAuditChain). */

/** AuditTrailFilter: every field optional; dates are London calendar days, [from, to). */
export interface AuditTrailFilterInput {
  readonly from?: string;
  readonly to?: string;
  readonly partnershipId?: string;
  readonly entityType?: string;
  readonly entityId?: string;
  readonly action?: string;
  readonly actorUserId?: string;
}

export interface AuditEventRow {
  readonly id: string;
  readonly partnershipId: string | null;
  readonly occurredAt: string;
  readonly actorUserId: string | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  /** JSON {"before": {…}, "after": {…}}; null when withheld. */
  readonly changes: string | null;
  readonly changesWithheld: boolean;
  readonly requestIp: string | null;
  readonly requestId: string | null;
  readonly hash: string;
  readonly previousHash: string | null;
}

export interface AuditTrailData {
  readonly auditTrail: {
    readonly events: readonly AuditEventRow[];
    readonly totalCount: number;
    readonly hasNextPage: boolean;
    readonly endCursor: string | null;
  };
}

export interface AuditTrailVariables {
  readonly filter: AuditTrailFilterInput;
  readonly first: number;
  readonly after: string | null;
}

export const AUDIT_TRAIL: TypedDocumentNode<AuditTrailData, AuditTrailVariables> = gql`
  query AuditTrail($filter: AuditTrailFilter, $first: Int!, $after: String) {
    auditTrail(filter: $filter, first: $first, after: $after) {
      totalCount
      hasNextPage
      endCursor
      events {
        id
        partnershipId
        occurredAt
        actorUserId
        actorLabel
        action
        entityType
        entityId
        changes
        changesWithheld
        requestIp
        requestId
        hash
        previousHash
      }
    }
  }
`;

export interface ChainVerification {
  readonly partnershipId: string | null;
  readonly valid: boolean;
  readonly eventsChecked: number;
  readonly firstInvalidEventId: string | null;
  readonly problem: string | null;
}

export const VERIFY_AUDIT_CHAIN: TypedDocumentNode<{ readonly verifyAuditChain: ChainVerification }, { readonly partnershipId: string | null }> = gql`
  query VerifyAuditChain($partnershipId: ID) {
    verifyAuditChain(partnershipId: $partnershipId) {
      partnershipId
      valid
      eventsChecked
      firstInvalidEventId
      problem
    }
  }
`;
