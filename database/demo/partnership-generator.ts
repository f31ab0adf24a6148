import { workingCalendar } from '@escalation-insights/shared';
import type pg from 'pg';
import { installPartnership } from '../seeds/install-template.js';
import type { BulkWriter, PartnershipIds } from './bulk-writer.js';
import { buildEscalation, type BuildContext } from './escalation-builder.js';
import { FactDrawer } from './escalation-facts.js';
import { MONTHS, monthStart, type PartnershipPlan } from './partnership-plan.js';
import type { Prng } from './prng.js';
import { writeLearning, writeStrategicLog } from './strategic-records.js';
import { ThemeTracker } from './theme-tracker.js';
import { DAY_MS, localDay, WorkingClock } from './working-clock.js';

/** The window, before asOf, in which a partnership's emerging theme grows. */
const EMERGING_DAYS = 270;

export interface PartnershipRun {
  readonly client: pg.Client;
  readonly writer: BulkWriter;
  readonly asOf: number;
  readonly childKeySecret: string;
  readonly batchSize: number;
  /** Called with the number of escalations each completed write held. */
  readonly report: (written: number) => void;
}

export interface PartnershipResult {
  readonly ids: PartnershipIds;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly timescaleOutcomes: number;
  readonly strategicLogEntries: number;
  readonly learningItems: number;
}

/**
 * Installs one partnership and writes its escalations month by month, oldest first
 * (so references run in date order), then its strategic log and learning items.
 * Only one month's raise times are held at once.
 */
export async function writePartnership(run: PartnershipRun, plan: PartnershipPlan, rng: Prng): Promise<PartnershipResult> {
  const { client, writer, asOf } = run;
  const ids = await install(client, plan);
  const calendar = workingCalendar(plan.template.jurisdiction);
  const ctx: BuildContext = { plan, calendar, clock: new WorkingClock(calendar, rng.fork(4)), rng, asOf };
  const drawer = new FactDrawer(plan, run.childKeySecret, rng.fork(1));
  const tracker = new ThemeTracker(asOf);
  const byStatus: Record<string, number> = {};
  const sequence = new Map<number, number>();
  let timescaleOutcomes = 0;

  for (let m = 0; m < MONTHS; m++) {
    const from = monthStart(asOf, m);
    const to = m === MONTHS - 1 ? asOf : monthStart(asOf, m + 1);
    const times: number[] = [];
    for (let i = 0; i < plan.monthlyCounts[m]!; i++) times.push(ctx.clock.randomMoment(rng, from, to) ?? from);
    times.sort((a, b) => a - b);
    for (const raisedAt of times) {
      const facts = drawer.draw(from >= asOf - EMERGING_DAYS * DAY_MS);
      const year = new Date(localDay(raisedAt) * DAY_MS).getUTCFullYear();
      const n = (sequence.get(year) ?? 0) + 1;
      sequence.set(year, n);
      const built = buildEscalation(ctx, `${plan.prefix}-${year}-${String(n).padStart(5, '0')}`, raisedAt, facts);
      const id = writer.add(ids, plan.template.code, plan.template.categories[facts.category]!.code, built);
      tracker.record(facts.category, facts.receiving, id, raisedAt, built.status === 'out_of_scope');
      byStatus[built.status] = (byStatus[built.status] ?? 0) + 1;
      timescaleOutcomes += built.outcomes.length;
      if (writer.pending >= run.batchSize) run.report(await writer.flush());
    }
  }
  run.report(await writer.drain());

  const themes = tracker.top(4, plan.emergingTheme);
  const [strategicLogEntries, learningItems] = await inTransaction(client, async () => [
    await writeStrategicLog(client, plan, ids, themes, asOf, rng.fork(2)),
    await writeLearning(client, plan, ids, themes, asOf, rng.fork(3)),
  ]);
  return { ids, byStatus, timescaleOutcomes, strategicLogEntries, learningItems };
}

export async function inTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function install(client: pg.Client, plan: PartnershipPlan): Promise<PartnershipIds> {
  const installed = await inTransaction(client, () => installPartnership(client, {
    code: plan.code, name: plan.template.partnershipName, jurisdiction: plan.template.jurisdiction,
    template: plan.template, agencies: plan.agencies,
  }));
  return { ...installed, agencyIds: plan.agencies.map((a) => installed.agencyIds[a.name]!) };
}
