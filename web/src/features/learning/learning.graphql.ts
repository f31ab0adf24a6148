import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GqlEscalationStatus } from '../escalations/escalations.graphql';

/* Learning items, their actions and "has it worked?"; the learning an escalation produced. */

export type GqlLearningItemStatus = 'OPEN' | 'IN_PROGRESS' | 'COMPLETED' | 'CLOSED';
export type GqlLearningGapKind = 'PRACTICE' | 'POLICY' | 'PROCEDURE';
export type GqlLearningActionStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';

export interface LearningCount {
  readonly value: number | null;
  readonly display: string;
  readonly suppressed: boolean;
}

export interface LearningListItem {
  readonly id: string;
  readonly title: string;
  readonly gapKind: GqlLearningGapKind;
  readonly status: GqlLearningItemStatus;
  readonly referredToGroup: string;
  readonly completedOn: string | null;
  readonly createdAt: string;
  readonly openActionCount: number;
  readonly overdueActionCount: number;
  readonly escalationCount: LearningCount;
}

export interface LearningListData {
  readonly learningItems: {
    readonly totalCount: number;
    readonly offset: number;
    readonly limit: number;
    readonly items: readonly LearningListItem[];
  };
}

export interface LearningListVariables {
  readonly partnershipId: string;
  readonly filter: { readonly statuses?: readonly GqlLearningItemStatus[]; readonly overdueOnly?: boolean };
  readonly limit: number;
  readonly offset: number;
}

export const LEARNING_LIST: TypedDocumentNode<LearningListData, LearningListVariables> = gql`
  query LearningList($partnershipId: ID!, $filter: LearningItemFilter, $limit: Int!, $offset: Int!) {
    learningItems(partnershipId: $partnershipId, filter: $filter, limit: $limit, offset: $offset) {
      totalCount
      offset
      limit
      items {
        id
        title
        gapKind
        status
        referredToGroup
        completedOn
        createdAt
        openActionCount
        overdueActionCount
        escalationCount {
          value
          display
          suppressed
        }
      }
    }
  }
`;

export interface LearningAction {
  readonly id: string;
  readonly description: string;
  readonly owner: string;
  readonly dueOn: string | null;
  readonly status: GqlLearningActionStatus;
  readonly evidenceOfImpact: string;
  readonly completedOn: string | null;
  readonly isOverdue: boolean;
  readonly version: number;
}

export interface ImpactWindow {
  readonly from: string;
  readonly to: string;
  readonly perMonth: number | null;
  readonly escalations: LearningCount;
}

export interface ThemeImpact {
  readonly completedOn: string;
  readonly windowDays: number;
  readonly tooFewToTell: boolean;
  readonly caveat: string | null;
  readonly summary: string;
  readonly fewestEscalations: number;
  readonly change: number | null;
  readonly before: ImpactWindow;
  readonly after: ImpactWindow;
}

export interface LearningEscalation {
  readonly id: string;
  readonly reference: string;
  readonly raisedAt: string;
  readonly status: GqlEscalationStatus;
  readonly category: { readonly label: string };
  readonly receivingAgency: { readonly name: string };
}

export interface LearningItemDetail extends LearningListItem {
  readonly partnershipId: string;
  readonly description: string;
  readonly background: string;
  readonly whyItMatters: string;
  readonly findings: string;
  readonly whatToDo: string;
  readonly questions: readonly string[];
  readonly version: number;
  readonly actions: readonly LearningAction[];
  readonly theme: {
    readonly categories: readonly { readonly code: string; readonly label: string }[];
    readonly receivingAgencies: readonly { readonly id: string; readonly name: string }[];
  };
  readonly hasItWorked: ThemeImpact | null;
  /** Record-level roles only. */
  readonly escalations?: readonly LearningEscalation[];
}

export interface LearningItemData {
  readonly learningItem: LearningItemDetail;
}

export interface LearningItemVariables {
  readonly partnershipId: string;
  readonly id: string;
  readonly recordLevel: boolean;
}

export const LEARNING_ITEM: TypedDocumentNode<LearningItemData, LearningItemVariables> = gql`
  query LearningItem($partnershipId: ID!, $id: ID!, $recordLevel: Boolean!) {
    learningItem(partnershipId: $partnershipId, id: $id) {
      id
      partnershipId
      title
      gapKind
      status
      referredToGroup
      completedOn
      createdAt
      openActionCount
      overdueActionCount
      escalationCount {
        value
        display
        suppressed
      }
      description
      background
      whyItMatters
      findings
      whatToDo
      questions
      version
      actions {
        id
        description
        owner
        dueOn
        status
        evidenceOfImpact
        completedOn
        isOverdue
        version
      }
      theme {
        categories {
          code
          label
        }
        receivingAgencies {
          id
          name
        }
      }
      hasItWorked {
        completedOn
        windowDays
        tooFewToTell
        caveat
        summary
        fewestEscalations
        change
        before {
          from
          to
          perMonth
          escalations {
            value
            display
            suppressed
          }
        }
        after {
          from
          to
          perMonth
          escalations {
            value
            display
            suppressed
          }
        }
      }
      escalations @include(if: $recordLevel) {
        id
        reference
        raisedAt
        status
        category {
          label
        }
        receivingAgency {
          name
        }
      }
    }
  }
`;

/** What every mutation sends back: the item as changed (Apollo's cache updates the page from it). */
type ItemResult<K extends string> = { readonly [key in K]: { readonly id: string; readonly version: number } };

export interface CreateLearningItemInput {
  readonly partnershipId: string;
  readonly escalationIds: readonly string[];
  readonly title: string;
  readonly gapKind: GqlLearningGapKind;
  readonly referredToGroup?: string;
  readonly description?: string;
}

export const CREATE_LEARNING_ITEM: TypedDocumentNode<ItemResult<'createLearningItem'>, { readonly input: CreateLearningItemInput }> = gql`
  mutation CreateLearningItem($input: CreateLearningItemInput!) {
    createLearningItem(input: $input) {
      id
      version
    }
  }
`;

export interface UpdateLearningItemInput {
  readonly partnershipId: string;
  readonly id: string;
  readonly expectedVersion: number;
  readonly title?: string;
  readonly gapKind?: GqlLearningGapKind;
  readonly status?: GqlLearningItemStatus;
  readonly description?: string;
  readonly referredToGroup?: string;
  readonly background?: string;
  readonly whyItMatters?: string;
  readonly findings?: string;
  readonly whatToDo?: string;
  readonly questions?: readonly string[];
}

export const UPDATE_LEARNING_ITEM: TypedDocumentNode<ItemResult<'updateLearningItem'>, { readonly input: UpdateLearningItemInput }> = gql`
  mutation UpdateLearningItem($input: UpdateLearningItemInput!) {
    updateLearningItem(input: $input) {
      id
      version
    }
  }
`;

export const COMPLETE_LEARNING_ITEM: TypedDocumentNode<
  ItemResult<'completeLearningItem'>,
  { readonly input: { readonly partnershipId: string; readonly id: string; readonly expectedVersion: number; readonly completedOn: string } }
> = gql`
  mutation CompleteLearningItem($input: CompleteLearningItemInput!) {
    completeLearningItem(input: $input) {
      id
      version
    }
  }
`;

export interface AddLearningActionInput {
  readonly partnershipId: string;
  readonly learningItemId: string;
  readonly description: string;
  readonly owner: string;
  readonly dueOn?: string | null;
}

export const ADD_LEARNING_ACTION: TypedDocumentNode<ItemResult<'addLearningAction'>, { readonly input: AddLearningActionInput }> = gql`
  mutation AddLearningAction($input: AddLearningActionInput!) {
    addLearningAction(input: $input) {
      id
      version
    }
  }
`;

export interface UpdateLearningActionInput {
  readonly partnershipId: string;
  readonly id: string;
  readonly expectedVersion: number;
  readonly description?: string;
  readonly owner?: string;
  readonly dueOn?: string;
  readonly status?: GqlLearningActionStatus;
  readonly completedOn?: string;
  readonly evidenceOfImpact?: string;
}

export const UPDATE_LEARNING_ACTION: TypedDocumentNode<ItemResult<'updateLearningAction'>, { readonly input: UpdateLearningActionInput }> = gql`
  mutation UpdateLearningAction($input: UpdateLearningActionInput!) {
    updateLearningAction(input: $input) {
      id
      version
    }
  }
`;

export interface EscalationLearningItem {
  readonly id: string;
  readonly title: string;
  readonly status: GqlLearningItemStatus;
  readonly gapKind: GqlLearningGapKind;
  readonly referredToGroup: string;
  readonly overdueActionCount: number;
}

export interface EscalationLearningData {
  readonly escalation: { readonly id: string; readonly learningItems: readonly EscalationLearningItem[] };
}

export const ESCALATION_LEARNING: TypedDocumentNode<EscalationLearningData, { readonly partnershipId: string; readonly id: string }> = gql`
  query EscalationLearning($partnershipId: ID!, $id: ID!) {
    escalation(partnershipId: $partnershipId, id: $id) {
      id
      learningItems {
        id
        title
        status
        gapKind
        referredToGroup
        overdueActionCount
      }
    }
  }
`;
