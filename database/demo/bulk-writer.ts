import type pg from 'pg';
import { batchInsert, type TableSpec } from './batch-statement.js';
import type { BuiltEscalation } from './escalation-builder.js';

/** Ids of the partnership a batch belongs to, and agency ids by the plan's agency index. */
export interface PartnershipIds {
  readonly partnershipId: string;
  readonly protocolId: string;
  readonly agencyIds: readonly string[];
}

/** What the outcome rows need to know about each rule of a template, by template code then rule code. */
export type RuleStages = ReadonlyMap<string, ReadonlyMap<string, { stageCode: string; tier: number; unit: string }>>;

/** A PostgreSQL array literal (`{"a","b"}`) for a text[] column sent through unnest as text. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
const col = (column: string, type: string, cast?: string) => ({ column, type, ...(cast ? { cast } : {}) });
const PARTNERSHIP = { column: 'partnership_id', type: 'bigint' };
const PROTOCOL = { column: 'protocol_id', type: 'bigint' };
const EVALUATED = { column: 'evaluated_at', type: 'timestamptz' };

const TABLES: readonly TableSpec[] = [
  { table: 'escalation', constants: [PARTNERSHIP, PROTOCOL], columns: [
    col('id', 'bigint'), col('reference', 'text'), col('child_key', 'text'), col('raised_at', 'timestamptz'), col('raising_agency_id', 'bigint'),
    col('raising_role', 'text'), col('receiving_agency_id', 'bigint'), col('category_code', 'text'), col('urgency', 'text'),
    col('raised_via', 'text'), col('summary', 'text'), col('status', 'text'), col('outcome', 'text'), col('closed_at', 'timestamptz'),
    col('current_stage_code', 'text'), col('highest_tier', 'smallint'), col('highest_stage_order', 'integer'), col('resolved_tier', 'smallint'),
    col('written_confirmation_given', 'boolean'), col('feedback_given', 'boolean'), col('created_at', 'timestamptz'), col('updated_at', 'timestamptz')] },
  { table: 'stage_entry', constants: [PARTNERSHIP, PROTOCOL], columns: [
    col('id', 'bigint'), col('escalation_id', 'bigint'), col('stage_code', 'text'), col('tier', 'smallint'), col('ladder_order', 'integer'),
    col('entered_at', 'timestamptz'), col('exited_at', 'timestamptz'), col('exit_reason', 'text'),
    col('skipped_stage_codes', 'text', 'text[]'), col('participants', 'text', 'text[]')] },
  { table: 'milestone', constants: [PARTNERSHIP], columns: [
    col('id', 'bigint'), col('escalation_id', 'bigint'), col('stage_code', 'text'), col('kind', 'text'), col('occurred_at', 'timestamptz'),
    col('recorded_at', 'timestamptz')] },
  { table: 'timescale_outcome', constants: [PARTNERSHIP, PROTOCOL, EVALUATED], columns: [
    col('escalation_id', 'bigint'), col('rule_code', 'text'), col('stage_code', 'text'), col('tier', 'smallint'), col('limit_unit', 'text'),
    col('status', 'text'), col('anchor_at', 'timestamptz'), col('deadline', 'timestamptz'), col('target_at', 'timestamptz'),
    col('elapsed', 'double precision'), col('lateness', 'double precision')] },
];
const STATEMENT = batchInsert(TABLES, ['partnership_id', 'protocol_id', 'evaluated_at']);
const emptyBatch = (): unknown[][][] => TABLES.map((t) => t.columns.map(() => []));

/**
 * Buffers generated escalations column by column and writes each batch as one
 * statement (its own transaction), over several connections in turn: a batch is
 * written while the next ones are generated, and `flush` waits only when the
 * connection it needs is still busy. Ids are explicit and sequential, so the order in
 * which batches land changes nothing.
 */
export class BulkWriter {
  private batch = emptyBatch();
  private buffered = 0;
  private ids: PartnershipIds | null = null;
  private readonly inFlight: Promise<number>[];
  private turn = 0;
  private failure: unknown = undefined;

  constructor(
    private readonly clients: readonly pg.ClientBase[],
    private readonly next: { escalation: number; stageEntry: number; milestone: number },
    private readonly ruleStages: RuleStages,
    private readonly asOf: Date,
  ) {
    this.inFlight = clients.map(() => Promise.resolve(0));
  }

  get pending(): number {
    return this.buffered;
  }

  /** Buffers one escalation of `ids`' partnership (drain before switching partnership); returns its id. */
  add(ids: PartnershipIds, templateCode: string, categoryCode: string, e: BuiltEscalation): number {
    this.ids = ids;
    const id = this.next.escalation++;
    const [escalations, stages, milestones, outcomes] = this.batch as [unknown[][], unknown[][], unknown[][], unknown[][]];
    const f = e.facts;
    const lastActivity = e.closedAt ?? Math.max(e.raisedAt, ...e.stages.map((s) => s.enteredAt), ...e.milestones.map((m) => m.occurredAt));
    push(escalations, [id, e.reference, f.childKey, iso(e.raisedAt), ids.agencyIds[f.raising], f.raisingRole, ids.agencyIds[f.receiving],
      categoryCode, f.urgency, f.raisedVia, e.summary, e.status, e.outcome, iso(e.closedAt), e.currentStageCode, e.highestTier,
      e.highestStageOrder, e.resolvedTier, e.writtenConfirmationGiven, e.feedbackGiven, iso(e.raisedAt), iso(lastActivity)]);
    for (const s of e.stages) {
      push(stages, [this.next.stageEntry++, id, s.stageCode, s.tier, s.ladderOrder, iso(s.enteredAt), iso(s.exitedAt), s.exitReason,
        arrayLiteral(s.skipped), arrayLiteral(s.participants)]);
    }
    for (const m of e.milestones) push(milestones, [this.next.milestone++, id, m.stageCode, m.kind, iso(m.occurredAt), iso(m.occurredAt)]);
    const rules = this.ruleStages.get(templateCode)!;
    for (const o of e.outcomes) {
      const rule = rules.get(o.ruleCode)!;
      push(outcomes, [id, o.ruleCode, rule.stageCode, rule.tier, rule.unit, o.status, o.anchorAt?.toISOString() ?? null,
        o.deadline?.toISOString() ?? null, o.targetAt?.toISOString() ?? null, o.elapsed, o.lateness]);
    }
    this.buffered++;
    return id;
  }

  /**
   * Starts writing the buffered batch on the next connection, first waiting for that
   * connection's previous batch. Returns how many escalations that previous batch held.
   */
  async flush(): Promise<number> {
    const slot = this.turn;
    this.turn = (this.turn + 1) % this.clients.length;
    const written = await this.settle(slot);
    if (this.buffered > 0 && this.ids) {
      const params = [this.ids.partnershipId, this.ids.protocolId, this.asOf.toISOString(), ...this.batch.flat()];
      const count = this.buffered;
      const write = this.clients[slot]!.query(STATEMENT, params).then(() => count);
      write.catch((error: unknown) => (this.failure ??= error));
      this.inFlight[slot] = write;
      this.batch = emptyBatch();
      this.buffered = 0;
    }
    return written;
  }

  /** Writes whatever is buffered and waits for every write; returns how many escalations that was. */
  async drain(): Promise<number> {
    let written = await this.flush();
    for (let slot = 0; slot < this.clients.length; slot++) written += await this.settle(slot);
    return written;
  }

  private async settle(slot: number): Promise<number> {
    const written = await this.inFlight[slot]!.catch(() => 0);
    this.inFlight[slot] = Promise.resolve(0);
    if (this.failure !== undefined) throw this.failure;
    return written;
  }
}

function push(columns: unknown[][], values: readonly unknown[]): void {
  for (let i = 0; i < values.length; i++) columns[i]!.push(values[i]);
}
