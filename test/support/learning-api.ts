import type { GraphqlError, GraphqlResponse } from './test-app.js';

/* GraphQL operations on learning items, for the API and browser tests. */

export const LEARNING_ITEM_FIELDS = `
  id partnershipId title gapKind description referredToGroup status background whyItMatters findings whatToDo questions
  completedOn version openActionCount overdueActionCount createdAt updatedAt
  escalationCount { value display suppressed }
  actions { id learningItemId description owner dueOn status evidenceOfImpact completedOn isOverdue version }
  theme { categories { code label } receivingAgencies { id name } }`;

export const LEARNING = {
  create: `mutation($input: CreateLearningItemInput!) { result: createLearningItem(input: $input) { ${LEARNING_ITEM_FIELDS} escalations { id reference } } }`,
  createAsReader: `mutation($input: CreateLearningItemInput!) { result: createLearningItem(input: $input) { ${LEARNING_ITEM_FIELDS} } }`,
  update: `mutation($input: UpdateLearningItemInput!) { result: updateLearningItem(input: $input) { ${LEARNING_ITEM_FIELDS} } }`,
  complete: `mutation($input: CompleteLearningItemInput!) { result: completeLearningItem(input: $input) { ${LEARNING_ITEM_FIELDS} } }`,
  link: `mutation($input: LearningEscalationsInput!) { result: linkLearningEscalations(input: $input) { ${LEARNING_ITEM_FIELDS} } }`,
  unlink: `mutation($input: LearningEscalationsInput!) { result: unlinkLearningEscalations(input: $input) { ${LEARNING_ITEM_FIELDS} } }`,
  addAction: `mutation($input: AddLearningActionInput!) { result: addLearningAction(input: $input) { ${LEARNING_ITEM_FIELDS} } }`,
  updateAction: `mutation($input: UpdateLearningActionInput!) { result: updateLearningAction(input: $input) { ${LEARNING_ITEM_FIELDS} } }`,
  get: `query($partnershipId: ID!, $id: ID!) { result: learningItem(partnershipId: $partnershipId, id: $id) { ${LEARNING_ITEM_FIELDS} } }`,
  list: `query($partnershipId: ID!, $filter: LearningItemFilter, $limit: Int, $offset: Int) {
    result: learningItems(partnershipId: $partnershipId, filter: $filter, limit: $limit, offset: $offset) {
      totalCount offset limit items { id title status overdueActionCount openActionCount escalationCount { value display } } } }`,
} as const;

export type LearningOperation = keyof typeof LEARNING;

export interface ApiLearningAction {
  id: string;
  learningItemId: string;
  description: string;
  owner: string;
  dueOn: string | null;
  status: string;
  evidenceOfImpact: string;
  completedOn: string | null;
  isOverdue: boolean;
  version: number;
}

export interface ApiLearningItem {
  id: string;
  partnershipId: string;
  title: string;
  gapKind: string;
  description: string;
  referredToGroup: string;
  status: string;
  background: string;
  whyItMatters: string;
  findings: string;
  whatToDo: string;
  questions: string[];
  completedOn: string | null;
  version: number;
  openActionCount: number;
  overdueActionCount: number;
  escalationCount: { value: number | null; display: string; suppressed: boolean };
  actions: ApiLearningAction[];
  theme: { categories: { code: string; label: string }[]; receivingAgencies: { id: string; name: string }[] };
  escalations?: { id: string; reference: string }[];
}

interface Caller {
  graphql<T = Record<string, unknown>>(query: string, variables?: object): Promise<GraphqlResponse<T>>;
}

/** Runs a learning operation; fails the test on any GraphQL error. */
export async function learning<T = ApiLearningItem>(caller: Caller, operation: LearningOperation, variables: object): Promise<T> {
  const response = await caller.graphql<{ result: T }>(LEARNING[operation], variables);
  if (response.errors?.length) throw new Error(`${operation} failed: ${JSON.stringify(response.errors)}`);
  return response.data!.result;
}

/** Runs a learning operation that must be refused; returns its one error. */
export async function learningRefused(caller: Caller, operation: LearningOperation, variables: object): Promise<GraphqlError> {
  const response = await caller.graphql(LEARNING[operation], variables);
  if (response.errors?.length !== 1) throw new Error(`${operation} was expected to fail with one error but answered ${JSON.stringify(response)}`);
  return response.errors[0]!;
}
