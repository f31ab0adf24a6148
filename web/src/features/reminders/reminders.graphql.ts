import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GqlUserRole } from '../auth/auth.graphql';

/* Reminders of deadlines (Query.myReminders) and the people named on an escalation (docs/reminders.md). */

export type GqlReminderState = 'APPROACHING' | 'PASSED';

export interface ReminderItem {
  readonly escalationId: string;
  readonly reference: string;
  readonly ruleCode: string;
  readonly ruleName: string;
  readonly stageCode: string;
  readonly deadline: string;
  readonly state: GqlReminderState;
}

export interface MyRemindersData {
  readonly myReminders: {
    readonly asOf: string;
    readonly approachingUntil: string;
    readonly truncated: boolean;
    readonly items: readonly ReminderItem[];
  };
}

export const MY_REMINDERS: TypedDocumentNode<MyRemindersData, Record<string, never>> = gql`
  query MyReminders {
    myReminders {
      asOf
      approachingUntil
      truncated
      items {
        escalationId
        reference
        ruleCode
        ruleName
        stageCode
        deadline
        state
      }
    }
  }
`;

export interface NamedPerson {
  readonly userId: string;
  readonly displayName: string;
  readonly role: GqlUserRole | null;
  readonly namedAt: string;
}

export interface PartnershipPerson {
  readonly userId: string;
  readonly displayName: string;
  readonly role: GqlUserRole;
}

export const CONTACT_CANDIDATES: TypedDocumentNode<
  { readonly escalationContactCandidates: readonly PartnershipPerson[] },
  { readonly partnershipId: string }
> = gql`
  query EscalationContactCandidates($partnershipId: ID!) {
    escalationContactCandidates(partnershipId: $partnershipId) {
      userId
      displayName
      role
    }
  }
`;

export interface ContactVariables {
  readonly input: { readonly partnershipId: string; readonly escalationId: string; readonly userId: string };
}

export const NAME_CONTACT: TypedDocumentNode<{ readonly nameEscalationContact: readonly NamedPerson[] }, ContactVariables> = gql`
  mutation NameEscalationContact($input: EscalationContactInput!) {
    nameEscalationContact(input: $input) {
      userId
      displayName
      role
      namedAt
    }
  }
`;

export const UNNAME_CONTACT: TypedDocumentNode<{ readonly unnameEscalationContact: readonly NamedPerson[] }, ContactVariables> = gql`
  mutation UnnameEscalationContact($input: EscalationContactInput!) {
    unnameEscalationContact(input: $input) {
      userId
      displayName
      role
      namedAt
    }
  }
`;
