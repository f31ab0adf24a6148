import type { GraphqlError, GraphqlResponse } from './test-app.js';
import { withClient } from './test-database.js';

/** A clock the test moves by hand; pass `clock.now` to startTestApp. */
export class TestClock {
  private current: Date;

  constructor(start: string) {
    this.current = new Date(start);
  }

  readonly now = (): Date => new Date(this.current.getTime());

  set(iso: string): void {
    this.current = new Date(iso);
  }
}

export const TIMELINE = `
  fragment Timeline on Escalation {
    id partnershipId reference protocolId status outcome raisedAt closedAt urgency raisedVia categoryCode summary raisingRole
    raisingAgencyId receivingAgencyId currentStageCode highestTier highestStageOrder resolvedTier writtenConfirmationGiven
    feedbackGiven hasChildReference version isOverdue
    stages {
      id stageCode stageName tier order enteredAt exitedAt exitReason skippedStageCodes participants notes
      requirements { requirement status milestoneKind evidencedAt }
    }
    milestones { id kind stageCode occurredAt notes }
    timescaleOutcomes { ruleCode ruleName stageCode tier limitUnit limitAmount status anchorAt deadline targetAt elapsed lateness evaluatedAt }
    corrections { id target targetId reason correctedAt changes { field before after } }
  }`;

export const OPERATIONS = {
  record: `mutation($input: RecordEscalationInput!) { result: recordEscalation(input: $input) { ...Timeline } } ${TIMELINE}`,
  move: `mutation($input: MoveEscalationInput!) { result: moveEscalation(input: $input) { ...Timeline } } ${TIMELINE}`,
  milestone: `mutation($input: RecordMilestoneInput!) { result: recordMilestone(input: $input) { ...Timeline } } ${TIMELINE}`,
  resolve: `mutation($input: ResolveEscalationInput!) { result: resolveEscalation(input: $input) { ...Timeline } } ${TIMELINE}`,
  withdraw: `mutation($input: WithdrawEscalationInput!) { result: withdrawEscalation(input: $input) { ...Timeline } } ${TIMELINE}`,
  outOfScope: `mutation($input: MarkOutOfScopeInput!) { result: markEscalationOutOfScope(input: $input) { ...Timeline } } ${TIMELINE}`,
  correctEscalation: `mutation($input: CorrectEscalationInput!) { result: correctEscalation(input: $input) { ...Timeline } } ${TIMELINE}`,
  correctStageEntry: `mutation($input: CorrectStageEntryInput!) { result: correctStageEntry(input: $input) { ...Timeline } } ${TIMELINE}`,
  correctMilestone: `mutation($input: CorrectMilestoneInput!) { result: correctMilestone(input: $input) { ...Timeline } } ${TIMELINE}`,
  get: `query($partnershipId: ID!, $id: ID!) { result: escalation(partnershipId: $partnershipId, id: $id) { ...Timeline } } ${TIMELINE}`,
} as const;

export type Operation = keyof typeof OPERATIONS;

export interface ApiRequirement {
  requirement: string;
  status: string;
  milestoneKind: string | null;
  evidencedAt: string | null;
}

export interface ApiStageEntry {
  id: string;
  stageCode: string;
  stageName: string;
  tier: number;
  order: number;
  enteredAt: string;
  exitedAt: string | null;
  exitReason: string | null;
  skippedStageCodes: string[];
  participants: string[];
  notes: string;
  requirements: ApiRequirement[];
}

export interface ApiOutcome {
  ruleCode: string;
  ruleName: string;
  stageCode: string;
  tier: number;
  limitUnit: string;
  limitAmount: number;
  status: string;
  anchorAt: string | null;
  deadline: string | null;
  targetAt: string | null;
  elapsed: number | null;
  lateness: number | null;
  evaluatedAt: string;
}

export interface ApiEscalation {
  id: string;
  partnershipId: string;
  reference: string;
  protocolId: string;
  status: string;
  outcome: string | null;
  raisedAt: string;
  closedAt: string | null;
  urgency: string;
  raisedVia: string;
  categoryCode: string;
  summary: string;
  raisingRole: string;
  raisingAgencyId: string;
  receivingAgencyId: string;
  currentStageCode: string;
  highestTier: number;
  highestStageOrder: number;
  resolvedTier: number | null;
  writtenConfirmationGiven: boolean | null;
  feedbackGiven: boolean | null;
  hasChildReference: boolean;
  version: number;
  isOverdue: boolean;
  stages: ApiStageEntry[];
  milestones: { id: string; kind: string; stageCode: string | null; occurredAt: string; notes: string }[];
  timescaleOutcomes: ApiOutcome[];
  corrections: { id: string; target: string; targetId: string | null; reason: string; correctedAt: string; changes: { field: string; before: string | null; after: string | null }[] }[];
}

export interface GraphqlCaller {
  graphql<T = Record<string, unknown>>(query: string, variables?: object): Promise<GraphqlResponse<T>>;
}

/** Runs an escalation operation and returns its escalation; fails the test on any GraphQL error. */
export async function perform(caller: GraphqlCaller, operation: Operation, variables: object): Promise<ApiEscalation> {
  const response = await caller.graphql<{ result: ApiEscalation }>(OPERATIONS[operation], variables);
  if (response.errors?.length) throw new Error(`${operation} failed: ${JSON.stringify(response.errors)}`);
  return response.data!.result;
}

/** Runs an escalation operation that must be refused; returns its one error. */
export async function refused(caller: GraphqlCaller, operation: Operation, variables: object): Promise<GraphqlError> {
  const response = await caller.graphql<{ result: ApiEscalation }>(OPERATIONS[operation], variables);
  if (response.errors?.length !== 1) throw new Error(`${operation} was expected to fail with one error but answered ${JSON.stringify(response)}`);
  return response.errors[0]!;
}

/**
 * Drives one escalation through its lifecycle, moving the clock to each event's time
 * first (as if each were recorded as it happened) and passing the version along.
 */
export class Journey {
  private current: ApiEscalation | undefined;

  constructor(
    private readonly caller: GraphqlCaller,
    private readonly clock: TestClock,
  ) {}

  get escalation(): ApiEscalation {
    if (!this.current) throw new Error('record the escalation first');
    return this.current;
  }

  async record(input: Record<string, unknown> & { raisedAt: string }): Promise<ApiEscalation> {
    this.clock.set(input.raisedAt);
    return (this.current = await perform(this.caller, 'record', { input }));
  }

  async move(stageCode: string, enteredAt: string): Promise<ApiEscalation> {
    return this.change('move', enteredAt, { stageCode, enteredAt });
  }

  async milestone(kind: string, occurredAt: string, extra: Record<string, unknown> = {}): Promise<ApiEscalation> {
    return this.change('milestone', occurredAt, { kind, occurredAt, ...extra });
  }

  async resolve(closedAt: string, fields: { outcome: string; writtenConfirmationGiven: boolean; feedbackGiven: boolean; stageCode?: string }): Promise<ApiEscalation> {
    return this.change('resolve', closedAt, { closedAt, ...fields });
  }

  async withdraw(closedAt: string, reason: string): Promise<ApiEscalation> {
    return this.change('withdraw', closedAt, { closedAt, reason });
  }

  async outOfScope(closedAt: string, reason: string): Promise<ApiEscalation> {
    return this.change('outOfScope', closedAt, { closedAt, reason });
  }

  private async change(operation: Operation, at: string, fields: Record<string, unknown>): Promise<ApiEscalation> {
    const { partnershipId, id, version } = this.escalation;
    this.clock.set(at);
    return (this.current = await perform(this.caller, operation, { input: { partnershipId, escalationId: id, expectedVersion: version, ...fields } }));
  }
}

/** The outcomes by rule code, reduced to what a hand-worked expectation states. */
export function outcomesByRule(escalation: ApiEscalation): Record<string, { status: string; anchorAt: string | null; deadline: string | null; targetAt: string | null }> {
  return Object.fromEntries(
    escalation.timescaleOutcomes.map((o) => [o.ruleCode, { status: o.status, anchorAt: o.anchorAt, deadline: o.deadline, targetAt: o.targetAt }]),
  );
}

/** Requirements per stage as `requirement: status@evidencedAt`. */
export function requirementsByStage(escalation: ApiEscalation): Record<string, string[]> {
  return Object.fromEntries(
    escalation.stages.map((stage) => [
      stage.stageCode,
      stage.requirements.map((r) => `${r.requirement}: ${r.status}${r.evidencedAt ? `@${r.evidencedAt}` : ''}`),
    ]),
  );
}

/** What is stored about an escalation, read as the database owner: to prove a refusal wrote nothing. */
export async function storedState(databaseUrl: string, partnershipId: string, escalationId?: string): Promise<Record<string, unknown>> {
  return withClient(databaseUrl, async (client) => {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql, [partnershipId])).rows[0]!.n);
    const row = escalationId
      ? (await client.query('SELECT * FROM escalation WHERE partnership_id = $1 AND id = $2', [partnershipId, escalationId])).rows[0]
      : null;
    return {
      escalations: await count('SELECT count(*) AS n FROM escalation WHERE partnership_id = $1'),
      stageEntries: await count('SELECT count(*) AS n FROM stage_entry WHERE partnership_id = $1'),
      stageEntryRows: (await client.query('SELECT * FROM stage_entry WHERE partnership_id = $1 ORDER BY id', [partnershipId])).rows,
      milestones: await count('SELECT count(*) AS n FROM milestone WHERE partnership_id = $1'),
      corrections: await count('SELECT count(*) AS n FROM escalation_correction WHERE partnership_id = $1'),
      outcomes: (await client.query('SELECT rule_code, status, deadline, evaluated_at FROM timescale_outcome WHERE partnership_id = $1 ORDER BY escalation_id, rule_code', [partnershipId])).rows,
      auditEvents: await count('SELECT count(*) AS n FROM audit_event WHERE partnership_id = $1'),
      escalation: row,
    };
  });
}
