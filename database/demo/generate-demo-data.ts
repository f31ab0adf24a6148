import { PROTOCOL_TEMPLATES } from '@escalation-insights/shared';
import pg from 'pg';
import { BulkWriter, type RuleStages } from './bulk-writer.js';
import { planPartnerships, type PartnershipPlan } from './partnership-plan.js';
import { writePartnership, type PartnershipResult, type PartnershipRun } from './partnership-generator.js';
import { Prng } from './prng.js';

export const DEFAULT_DEMO_SIZE = 6000;
export const DEFAULT_DEMO_SEED = 20251126;

export interface DemoDataOptions {
  /** Escalations in total across the five partnerships (default 6000). */
  readonly size?: number;
  readonly seed?: number;
  /** The moment the data ends at and timescales are evaluated at (default: now). */
  readonly asOf?: Date;
  /** HMAC key that pseudonymises the demo children's case references into child keys. */
  readonly childKeySecret: string;
  /** Escalations per write (default 5000). */
  readonly batchSize?: number;
  /** Connections writing batches side by side (default 3). */
  readonly connections?: number;
  readonly onProgress?: (progress: { written: number; total: number }) => void;
}

export interface DemoPartnershipSummary {
  readonly code: string;
  readonly name: string;
  readonly partnershipId: string;
  readonly escalations: number;
  readonly byStatus: Readonly<Record<string, number>>;
}

export interface DemoSummary {
  readonly seed: number;
  readonly size: number;
  readonly asOf: string;
  readonly partnerships: readonly DemoPartnershipSummary[];
  readonly rows: { escalations: number; stageEntries: number; milestones: number; timescaleOutcomes: number; strategicLogEntries: number; learningItems: number };
}

export class DemoDataError extends Error {
  override readonly name = 'DemoDataError';
}

/**
 * Fills the (migrated) database at `url` with deterministic demo data: one partnership
 * per protocol template and `size` escalations over the three years up to `asOf`.
 * The same seed, size and asOf give the same rows. Escalations are generated and
 * written in batches, so memory stays bounded whatever the size.
 */
export async function generateDemoData(url: string, options: DemoDataOptions): Promise<DemoSummary> {
  const size = options.size ?? DEFAULT_DEMO_SIZE;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const asOf = (options.asOf ?? new Date()).getTime();
  if (!Number.isInteger(size) || size < 0) throw new DemoDataError(`size must be a whole number of escalations (got ${size})`);
  if (Number.isNaN(asOf)) throw new DemoDataError('asOf must be a valid date');
  if (!options.childKeySecret) throw new DemoDataError('childKeySecret is required to pseudonymise the demo children');

  const root = new Prng(seed);
  const plans = planPartnerships(PROTOCOL_TEMPLATES, size, asOf, root.fork(1));
  const client = new pg.Client({ connectionString: url });
  const writers = Array.from({ length: Math.max(1, options.connections ?? 3) }, () => new pg.Client({ connectionString: url }));
  await client.connect();
  try {
    for (const writer of writers) {
      await writer.connect();
      // Each batch's analytics facts are brought up to date once as it commits, not once per table written (migration 1764253000000).
      await writer.query(`SET app.bulk_load = 'on'`);
    }
    const taken = await client.query<{ code: string }>('SELECT code FROM partnership WHERE code = ANY($1)', [plans.map((p) => p.code)]);
    if (taken.rows.length > 0) {
      throw new DemoDataError(`The database already holds demo partnership(s) ${taken.rows.map((r) => r.code).join(', ')}; use an empty database`);
    }
    const next = await firstFreeIds(client);
    const writer = new BulkWriter(writers, next, ruleStagesOf(plans), new Date(asOf));
    const first = { stageEntry: next.stageEntry, milestone: next.milestone };
    let written = 0;
    const run: PartnershipRun = {
      client, writer, asOf, childKeySecret: options.childKeySecret, batchSize: options.batchSize ?? 5000,
      report: (n) => {
        written += n;
        if (n > 0) options.onProgress?.({ written, total: size });
      },
    };
    const results: PartnershipResult[] = [];
    for (const plan of plans) results.push(await writePartnership(run, plan, root.fork(100 + plan.index)));
    await advanceSequences(client);

    const sum = (pick: (r: PartnershipResult) => number) => results.reduce((total, r) => total + pick(r), 0);
    return {
      seed, size, asOf: new Date(asOf).toISOString(),
      partnerships: plans.map((plan, i) => ({
        code: plan.code, name: plan.template.partnershipName, partnershipId: results[i]!.ids.partnershipId,
        escalations: plan.total, byStatus: results[i]!.byStatus,
      })),
      rows: {
        escalations: size, stageEntries: next.stageEntry - first.stageEntry, milestones: next.milestone - first.milestone,
        timescaleOutcomes: sum((r) => r.timescaleOutcomes), strategicLogEntries: sum((r) => r.strategicLogEntries),
        learningItems: sum((r) => r.learningItems),
      },
    };
  } finally {
    await Promise.all([client, ...writers].map((c) => c.end().catch(() => undefined)));
  }
}

/** The stage, tier and unit of every rule, which each timescale outcome row repeats. */
function ruleStagesOf(plans: readonly PartnershipPlan[]): RuleStages {
  return new Map(plans.map((plan) => [plan.template.code, new Map(plan.template.rules.map((rule) => {
    const stage = plan.template.stages.find((s) => s.code === rule.stageCode)!;
    return [rule.code, { stageCode: stage.code, tier: stage.tier, unit: rule.limit.unit }] as const;
  }))]));
}

const BULK_TABLES = ['escalation', 'stage_entry', 'milestone'] as const;

async function firstFreeIds(client: pg.Client): Promise<{ escalation: number; stageEntry: number; milestone: number }> {
  const max = async (table: string): Promise<number> =>
    Number((await client.query<{ max: string }>(`SELECT coalesce(max(id), 0) AS max FROM ${table}`)).rows[0]!.max) + 1;
  return { escalation: await max('escalation'), stageEntry: await max('stage_entry'), milestone: await max('milestone') };
}

/** Moves each identity sequence past the explicit ids written, then refreshes planner statistics. */
async function advanceSequences(client: pg.Client): Promise<void> {
  for (const table of BULK_TABLES) {
    await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${table}), false)`);
  }
  await client.query('ANALYZE escalation, stage_entry, milestone, timescale_outcome');
}
