import type { SqlRunner } from './analytics-reader.js';
import { SqlParams, type AnalyticsScope } from './cohort-sql.js';
import { DIM_COLUMN, escalationCounts, type Dim } from './cube-source.js';
import type { ThemeInterval } from './dto/analytics.args.js';
import type { AxisEntry } from './matrix-figures.js';
import type { Period } from './period.js';

/** First day of the bucket holding month `m`: the month itself, or its UK financial-year quarter (Q1 = April–June). */
const BUCKET: Readonly<Record<ThemeInterval, (m: string) => string>> = {
  month: (m) => m,
  quarter: (m) => `(date_trunc('quarter', ${m} - interval '3 months') + interval '3 months')::date`,
};

/** Escalations of the cohort per category and bucket of raising. */
export async function readCategoryBuckets(run: SqlRunner, scope: AnalyticsScope, interval: ThemeInterval): Promise<{ code: string; bucket: string; count: number }[]> {
  const params = new SqlParams();
  const source = escalationCounts(scope, params, { dims: ['category'] });
  return run(
    `SELECT c.category_code AS code, ${BUCKET[interval]('c.raised_month')}::text AS bucket, sum(c.escalations)::int AS count
     FROM (${source}) c GROUP BY 1, 2`,
    params,
  );
}

/** Escalations of the cohort (or of another period's) per value of two dimensions. */
export async function readPairs(
  run: SqlRunner,
  scope: AnalyticsScope,
  row: Dim,
  column: Dim,
  period?: Period,
): Promise<{ row: string; column: string; count: number }[]> {
  const params = new SqlParams();
  const source = escalationCounts(scope, params, { dims: [row, column], ...(period ? { period } : {}) });
  return run(
    `SELECT c.${DIM_COLUMN[row]}::text AS row, c.${DIM_COLUMN[column]}::text AS column, sum(c.escalations)::int AS count
     FROM (${source}) c GROUP BY 1, 2`,
    params,
  );
}

/** Escalations per category in a period (the previous one, for the comparison). */
export async function readCategoryTotals(run: SqlRunner, scope: AnalyticsScope, period: Period): Promise<Map<string, number>> {
  const params = new SqlParams();
  const source = escalationCounts(scope, params, { dims: ['category'], period });
  const rows = await run<{ code: string; count: number }>(
    `SELECT c.category_code AS code, sum(c.escalations)::int AS count FROM (${source}) c GROUP BY 1`,
    params,
  );
  return new Map(rows.map((r) => [r.code, r.count]));
}

/** The categories of the partnerships' protocols, by code (label and order from any version that has it). */
export async function readCategories(run: SqlRunner, scope: AnalyticsScope): Promise<AxisEntry[]> {
  const rows = await run<{ code: string; label: string }>(
    `SELECT code, min(label) AS label FROM protocol_category WHERE partnership_id = ANY($1::bigint[])
     GROUP BY code ORDER BY min(display_order), code`,
    [scope.partnershipIds],
  );
  return rows.map((r) => ({ key: r.code, label: r.label, partnershipId: null }));
}

/** The partnerships' agencies, by name. */
export async function readAgencies(run: SqlRunner, scope: AnalyticsScope): Promise<AxisEntry[]> {
  const rows = await run<{ id: string; name: string; partnership_id: string }>(
    `SELECT id::text AS id, name, partnership_id::text AS partnership_id FROM agency
     WHERE partnership_id = ANY($1::bigint[]) ORDER BY name, id`,
    [scope.partnershipIds],
  );
  return rows.map((r) => ({ key: r.id, label: r.name, partnershipId: r.partnership_id }));
}
