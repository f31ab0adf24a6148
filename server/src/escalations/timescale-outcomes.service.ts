import { Injectable } from '@nestjs/common';
import { evaluateRules, workingCalendar, type Jurisdiction, type TimescaleRuleDefinition } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import type { TimescaleRuleEntity } from '../protocols/timescale-rule.entity.js';
import { eventsOf, toRuleDefinition, type EntryFacts, type EscalationFacts, type MilestoneFacts } from './escalation-journey.js';

export interface EscalationKey {
  readonly partnershipId: string;
  readonly id: string;
}

interface EscalationRow extends EscalationFacts {
  readonly partnershipId: string;
  readonly id: string;
  readonly protocolId: string;
  readonly jurisdiction: Jurisdiction;
}

interface RuleRow {
  readonly definition: TimescaleRuleDefinition;
  readonly tier: number;
}

const keyOf = (partnershipId: string, id: string) => `${partnershipId}:${id}`;

/**
 * Rows of the escalations with ids in $1 and partnerships in $2: a superset of the keys
 * asked for only if two partnerships' escalations shared an id (they draw ids from one
 * sequence), and the callers keep only the pairs asked for. Two = ANY conditions, which
 * an index scan serves whatever the planner believes about the table: in a bulk import's
 * transaction its statistics still say "empty", and a join against unnest would be
 * planned as a nested loop rescanning the arrays for every row.
 */
const KEYS_MATCH = (partnershipColumn: string, idColumn: string) => `${partnershipColumn} = ANY($2::bigint[]) AND ${idColumn} = ANY($1::bigint[])`;

function keyArrays(keys: readonly EscalationKey[]): [string[], string[]] {
  return [keys.map((k) => k.id), [...new Set(keys.map((k) => k.partnershipId))]];
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Stores every timescale outcome of escalations (one row per escalation and rule of its
 * protocol), computed by `evaluateRules` from shared with the partnership's working
 * calendar. Works on the caller's transaction: a write that changes an escalation
 * recomputes its outcomes before it commits. Each call reads and upserts a whole batch
 * in a fixed number of statements, whatever its size.
 */
@Injectable()
export class TimescaleOutcomesService {
  /**
   * Recomputes the outcomes of `keys` as at `now`. With `skipLocked`, escalations another
   * transaction holds are left out (it recomputes them itself) and the rest are locked
   * until the caller's transaction ends. Returns the escalations recomputed.
   */
  async recompute(manager: EntityManager, keys: readonly EscalationKey[], now: Date, options: { skipLocked?: boolean } = {}): Promise<EscalationKey[]> {
    if (keys.length === 0) return [];
    const escalations = await this.loadEscalations(manager, keys, options.skipLocked ? 'skip locked' : 'wait');
    if (escalations.length === 0) return [];
    const locked = escalations.map(({ partnershipId, id }) => ({ partnershipId, id }));
    const entries = await this.loadEntries(manager, locked);
    const milestones = await this.loadMilestones(manager, locked);
    const rules = await this.loadRules(manager, escalations);
    await this.upsert(manager, this.evaluate(escalations, entries, milestones, rules, now), now);
    return locked;
  }

  /**
   * Recomputes the outcomes of escalations the caller's transaction wrote itself (so they
   * need no lock), `batchSize` at a time: each batch is evaluated here while the previous
   * one's rows are being written, the database and JavaScript working side by side.
   * `onBatch` hears each batch once it is written.
   */
  async recomputeWritten(
    manager: EntityManager,
    keys: readonly EscalationKey[],
    now: Date,
    batchSize: number,
    onBatch: () => Promise<void>,
  ): Promise<void> {
    const batches: EscalationKey[][] = [];
    for (let start = 0; start < keys.length; start += batchSize) batches.push(keys.slice(start, start + batchSize));
    if (batches.length === 0) return;
    const rules = await this.loadRules(manager, { partnershipIds: [...new Set(keys.map((k) => k.partnershipId))] });
    const load = async (batch: readonly EscalationKey[]) => {
      const found = await this.loadEscalations(manager, batch, 'none');
      const entries = await this.loadEntries(manager, batch);
      const milestones = await this.loadMilestones(manager, batch);
      return { found, entries, milestones };
    };
    const evaluate = ({ found, entries, milestones }: Awaited<ReturnType<typeof load>>) => this.evaluate(found, entries, milestones, rules, now);
    let rows = evaluate(await load(batches[0]!));
    for (let i = 0; i < batches.length; i += 1) {
      // One statement at a time on the connection: the next batch is read, then this one's rows are sent,
      // and the next batch is evaluated here while the database writes them.
      const next = i + 1 < batches.length ? await load(batches[i + 1]!) : null;
      const writing = this.upsert(manager, rows, now);
      writing.catch(() => undefined); // awaited below; never left unhandled if evaluating the next batch throws
      if (next) rows = evaluate(next);
      await writing;
      await onBatch();
    }
  }

  private evaluate(
    escalations: readonly EscalationRow[],
    entries: ReadonlyMap<string, EntryFacts[]>,
    milestones: ReadonlyMap<string, MilestoneFacts[]>,
    rules: ReadonlyMap<string, RuleRow[]>,
    now: Date,
  ): OutcomeColumns {
    const rows = new OutcomeColumns();
    for (const escalation of escalations) {
      const key = keyOf(escalation.partnershipId, escalation.id);
      const protocolRules = rules.get(keyOf(escalation.partnershipId, escalation.protocolId)) ?? [];
      const events = eventsOf(escalation, entries.get(key) ?? [], milestones.get(key) ?? []);
      const outcomes = evaluateRules(protocolRules.map((rule) => rule.definition), events, workingCalendar(escalation.jurisdiction), now);
      outcomes.forEach((outcome, i) => rows.add(escalation, protocolRules[i]!, outcome));
    }
    return rows;
  }

  private async loadEscalations(manager: EntityManager, keys: readonly EscalationKey[], lock: 'wait' | 'skip locked' | 'none'): Promise<EscalationRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT e.partnership_id::text, e.id::text, e.protocol_id::text, e.urgency, e.status, e.raised_at, e.closed_at, p.jurisdiction
       FROM escalation e
       JOIN partnership p ON p.id = e.partnership_id
       WHERE ${KEYS_MATCH('e.partnership_id', 'e.id')}
       ORDER BY e.partnership_id, e.id
       ${lock === 'none' ? '' : `FOR UPDATE OF e ${lock === 'skip locked' ? 'SKIP LOCKED' : ''}`}`,
      keyArrays(keys),
    );
    const wanted = new Set(keys.map((k) => keyOf(k.partnershipId, k.id)));
    return rows.filter((r) => wanted.has(keyOf(r['partnership_id'] as string, r['id'] as string))).map((r) => ({
      partnershipId: r['partnership_id'] as string,
      id: r['id'] as string,
      protocolId: r['protocol_id'] as string,
      urgency: r['urgency'] as EscalationRow['urgency'],
      status: r['status'] as EscalationRow['status'],
      raisedAt: r['raised_at'] as Date,
      closedAt: (r['closed_at'] as Date | null) ?? null,
      jurisdiction: r['jurisdiction'] as Jurisdiction,
    }));
  }

  private async loadEntries(manager: EntityManager, keys: readonly EscalationKey[]): Promise<Map<string, EntryFacts[]>> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT partnership_id::text, escalation_id::text, stage_code, tier, ladder_order, entered_at, exited_at, exit_reason
       FROM stage_entry
       WHERE ${KEYS_MATCH('partnership_id', 'escalation_id')}
       ORDER BY ladder_order`,
      keyArrays(keys),
    );
    return groupRows(rows, (r) => ({
      stageCode: r['stage_code'] as string,
      tier: r['tier'] as EntryFacts['tier'],
      ladderOrder: r['ladder_order'] as number,
      enteredAt: r['entered_at'] as Date,
      exitedAt: (r['exited_at'] as Date | null) ?? null,
      exitReason: (r['exit_reason'] as EntryFacts['exitReason']) ?? null,
    }));
  }

  private async loadMilestones(manager: EntityManager, keys: readonly EscalationKey[]): Promise<Map<string, MilestoneFacts[]>> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT partnership_id::text, escalation_id::text, kind, stage_code, occurred_at
       FROM milestone
       WHERE ${KEYS_MATCH('partnership_id', 'escalation_id')}`,
      keyArrays(keys),
    );
    return groupRows(rows, (r) => ({
      kind: r['kind'] as MilestoneFacts['kind'],
      stageCode: (r['stage_code'] as string | null) ?? null,
      occurredAt: r['occurred_at'] as Date,
    }));
  }

  /**
   * The rules, with the tier of the stage each is reported under, of every protocol the
   * escalations follow — or, given partnership ids, of every protocol of those partnerships.
   */
  private async loadRules(manager: EntityManager, of: readonly EscalationRow[] | { partnershipIds: readonly string[] }): Promise<Map<string, RuleRow[]>> {
    const protocols = Array.isArray(of) ? [...new Map(of.map((e) => [keyOf(e.partnershipId, e.protocolId), e])).values()] : [];
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT r.partnership_id::text, r.protocol_id::text, r.code, r.name, r.stage_code, r.anchor, r.targets, r.limit_unit,
              r.limit_amount::text, r.urgencies, r.applies_when_rule_not_met, r.source, r.rationale, s.tier
       FROM timescale_rule r
       JOIN protocol_stage s ON s.partnership_id = r.partnership_id AND s.protocol_id = r.protocol_id AND s.code = r.stage_code
       WHERE ${Array.isArray(of) ? '(r.partnership_id, r.protocol_id) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))' : 'r.partnership_id = ANY($1::bigint[])'}
       ORDER BY r.code`,
      Array.isArray(of) ? [protocols.map((e) => e.partnershipId), protocols.map((e) => e.protocolId)] : [[...(of as { partnershipIds: readonly string[] }).partnershipIds]],
    );
    const byProtocol = new Map<string, RuleRow[]>();
    for (const r of rows) {
      const key = keyOf(r['partnership_id'] as string, r['protocol_id'] as string);
      const definition = toRuleDefinition({
        code: r['code'] as string,
        name: r['name'] as string,
        stageCode: r['stage_code'] as string,
        anchor: r['anchor'] as TimescaleRuleEntity['anchor'],
        targets: r['targets'] as TimescaleRuleEntity['targets'],
        limitUnit: r['limit_unit'] as TimescaleRuleEntity['limitUnit'],
        limitAmount: r['limit_amount'] as string,
        urgencies: (r['urgencies'] as TimescaleRuleEntity['urgencies']) ?? null,
        appliesWhenRuleNotMet: (r['applies_when_rule_not_met'] as string | null) ?? null,
        source: r['source'] as TimescaleRuleEntity['source'],
        rationale: r['rationale'] as string,
      });
      byProtocol.set(key, [...(byProtocol.get(key) ?? []), { definition, tier: r['tier'] as number }]);
    }
    return byProtocol;
  }

  private async upsert(manager: EntityManager, rows: OutcomeColumns, now: Date): Promise<void> {
    if (rows.size === 0) return;
    await manager.query(
      `INSERT INTO timescale_outcome (partnership_id, escalation_id, rule_code, protocol_id, stage_code, tier, limit_unit, status,
                                      anchor_at, deadline, target_at, elapsed, lateness, evaluated_at)
       SELECT u.*, $14::timestamptz
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::smallint[], $7::text[], $8::text[],
                   $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::float8[], $13::float8[]) AS u
       ON CONFLICT (partnership_id, escalation_id, rule_code) DO UPDATE SET
         status = EXCLUDED.status, anchor_at = EXCLUDED.anchor_at, deadline = EXCLUDED.deadline, target_at = EXCLUDED.target_at,
         elapsed = EXCLUDED.elapsed, lateness = EXCLUDED.lateness, evaluated_at = EXCLUDED.evaluated_at`,
      [...rows.columns(), now.toISOString()],
    );
  }
}

/** The outcome rows of a batch, column by column, as unnest takes them. */
class OutcomeColumns {
  private readonly cols: unknown[][] = Array.from({ length: 13 }, () => []);

  get size(): number {
    return this.cols[0]!.length;
  }

  add(escalation: EscalationRow, rule: RuleRow, outcome: ReturnType<typeof evaluateRules>[number]): void {
    const values = [
      escalation.partnershipId, escalation.id, outcome.ruleCode, escalation.protocolId, rule.definition.stageCode, rule.tier,
      rule.definition.limit.unit, outcome.status, iso(outcome.anchorAt), iso(outcome.deadline), iso(outcome.targetAt),
      outcome.elapsed, outcome.lateness,
    ];
    values.forEach((value, i) => this.cols[i]!.push(value));
  }

  columns(): unknown[][] {
    return this.cols;
  }
}

function groupRows<T>(rows: readonly Record<string, unknown>[], map: (row: Record<string, unknown>) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row['partnership_id'] as string, row['escalation_id'] as string);
    const group = groups.get(key);
    if (group) group.push(map(row));
    else groups.set(key, [map(row)]);
  }
  return groups;
}
