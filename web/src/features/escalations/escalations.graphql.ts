import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GqlRequirement, GqlRuleSource, GqlTimescaleUnit, GqlUrgency } from '../protocols/labels';
import type { NamedPerson } from '../reminders/reminders.graphql';

/* The escalations themselves (record-level roles only): a filtered page of them, and one with its timeline. */

export type GqlEscalationStatus = 'OPEN' | 'RESOLVED' | 'WITHDRAWN' | 'OUT_OF_SCOPE';
export type GqlOutcomeStatus = 'MET' | 'BREACHED' | 'OVERDUE' | 'PENDING' | 'NOT_APPLICABLE';
export type GqlMilestoneKind =
  | 'BUSINESS_UNIT_NOTIFIED'
  | 'FEEDBACK_GIVEN'
  | 'JOINT_PLAN_AGREED'
  | 'LINE_MANAGER_CONTACTED'
  | 'NOTIFICATION_FORM_SUBMITTED'
  | 'RESOLUTION_MEETING_HELD'
  | 'SCRUTINEER_NOTIFIED'
  | 'WRITTEN_CONFIRMATION_SENT';
export type GqlRaisedVia = 'EMAIL' | 'IN_PERSON' | 'LETTER' | 'MEETING' | 'PHONE' | 'VIDEO';

export interface EscalationFilterInput {
  readonly partnershipId?: string;
  readonly raisedFrom?: string;
  readonly raisedTo?: string;
  readonly raisingAgencyId?: string;
  readonly receivingAgencyId?: string;
  readonly categoryCode?: string;
  readonly urgencies?: readonly GqlUrgency[];
  readonly statuses?: readonly GqlEscalationStatus[];
  readonly overdueOnly?: boolean;
}

export interface EscalationListItem {
  readonly id: string;
  readonly reference: string;
  readonly raisedAt: string;
  readonly status: GqlEscalationStatus;
  readonly urgency: GqlUrgency;
  readonly currentStageCode: string;
  readonly highestTier: number;
  readonly isOverdue: boolean;
  readonly closedAt: string | null;
  readonly category: { readonly code: string; readonly label: string };
  readonly raisingAgency: { readonly id: string; readonly name: string };
  readonly receivingAgency: { readonly id: string; readonly name: string };
}

export interface EscalationListData {
  readonly escalations: {
    readonly totalCount: number;
    readonly offset: number;
    readonly limit: number;
    readonly items: readonly EscalationListItem[];
  };
}

export interface EscalationListVariables {
  readonly filter: EscalationFilterInput;
  readonly limit: number;
  readonly offset: number;
  readonly sort: { readonly field: 'RAISED_AT' | 'HIGHEST_TIER' | 'REFERENCE' | 'UPDATED_AT'; readonly descending: boolean };
}

export const ESCALATION_LIST: TypedDocumentNode<EscalationListData, EscalationListVariables> = gql`
  query EscalationList($filter: EscalationFilter, $limit: Int!, $offset: Int!, $sort: EscalationSort) {
    escalations(filter: $filter, limit: $limit, offset: $offset, sort: $sort) {
      totalCount
      offset
      limit
      items {
        id
        reference
        raisedAt
        status
        urgency
        currentStageCode
        highestTier
        isOverdue
        closedAt
        category {
          code
          label
        }
        raisingAgency {
          id
          name
        }
        receivingAgency {
          id
          name
        }
      }
    }
  }
`;

export interface TimelineRequirement {
  readonly requirement: GqlRequirement;
  readonly status: 'MET' | 'MISSING' | 'NOT_RECORDED';
  readonly evidencedAt: string | null;
  readonly milestoneKind: GqlMilestoneKind | null;
}

export interface TimelineStage {
  readonly id: string;
  readonly stageCode: string;
  readonly stageName: string;
  readonly order: number;
  readonly tier: number;
  readonly enteredAt: string;
  readonly exitedAt: string | null;
  readonly exitReason: 'ESCALATED' | 'RESOLVED' | 'WITHDRAWN' | null;
  readonly skippedStageCodes: readonly string[];
  readonly participants: readonly string[];
  readonly notes: string;
  readonly requirements: readonly TimelineRequirement[];
}

export interface TimelineMilestone {
  readonly id: string;
  readonly kind: GqlMilestoneKind;
  readonly occurredAt: string;
  readonly stageCode: string | null;
  readonly notes: string;
}

export interface TimelineOutcome {
  readonly ruleCode: string;
  readonly ruleName: string;
  readonly stageCode: string;
  readonly tier: number;
  readonly status: GqlOutcomeStatus;
  readonly source: GqlRuleSource;
  readonly limitUnit: GqlTimescaleUnit;
  readonly limitAmount: number;
  readonly anchorAt: string | null;
  readonly deadline: string | null;
  readonly targetAt: string | null;
  readonly elapsed: number | null;
  readonly lateness: number | null;
  readonly evaluatedAt: string;
}

export interface EscalationDetail extends EscalationListItem {
  readonly summary: string;
  readonly outcome: string | null;
  readonly raisingRole: string;
  readonly raisedVia: GqlRaisedVia;
  readonly resolvedTier: number | null;
  readonly writtenConfirmationGiven: boolean | null;
  readonly feedbackGiven: boolean | null;
  readonly protocol: { readonly id: string; readonly name: string; readonly version: number };
  readonly stages: readonly TimelineStage[];
  readonly milestones: readonly TimelineMilestone[];
  readonly timescaleOutcomes: readonly TimelineOutcome[];
  /** Who is named on it (the reminders feature): they see its deadlines among their reminders. */
  readonly namedPeople: readonly NamedPerson[];
}

export const ESCALATION_TIMELINE: TypedDocumentNode<{ readonly escalation: EscalationDetail }, { readonly id: string; readonly partnershipId: string }> = gql`
  query EscalationTimeline($id: ID!, $partnershipId: ID!) {
    escalation(id: $id, partnershipId: $partnershipId) {
      id
      reference
      raisedAt
      status
      urgency
      currentStageCode
      highestTier
      isOverdue
      closedAt
      summary
      outcome
      raisingRole
      raisedVia
      resolvedTier
      writtenConfirmationGiven
      feedbackGiven
      category {
        code
        label
      }
      raisingAgency {
        id
        name
      }
      receivingAgency {
        id
        name
      }
      protocol {
        id
        name
        version
      }
      stages {
        id
        stageCode
        stageName
        order
        tier
        enteredAt
        exitedAt
        exitReason
        skippedStageCodes
        participants
        notes
        requirements {
          requirement
          status
          evidencedAt
          milestoneKind
        }
      }
      milestones {
        id
        kind
        occurredAt
        stageCode
        notes
      }
      timescaleOutcomes {
        ruleCode
        ruleName
        stageCode
        tier
        status
        source
        limitUnit
        limitAmount
        anchorAt
        deadline
        targetAt
        elapsed
        lateness
        evaluatedAt
      }
      namedPeople {
        userId
        displayName
        role
        namedAt
      }
    }
  }
`;
