import type { SqlRunner } from './analytics-reader.js';
import { cohortWhere, SqlParams, type AnalyticsScope } from './cohort-sql.js';
import { REPORT_UNITS, type ReportUnit } from './models/breach-statistics.model.js';

/**
 * The buckets of the lateness histogram, in the rule's unit as reported. A lateness x
 * falls in the bucket with `above` < x ≤ `upTo` (the first has no lower end, so a
 * lateness of 0 — late only within a weekend, say — falls in it; the last no upper
 * end). With whole-number ends this is the bucket of x rounded up: 1.2 working days late
 * is in "2", late into the second working day after the deadline.
 */
export interface LatenessBucketBounds {
  readonly label: string;
  readonly above: number | null;
  readonly upTo: number | null;
}

const DAY_BUCKETS: readonly LatenessBucketBounds[] = [
  { label: '≤1', above: null, upTo: 1 },
  { label: '2', above: 1, upTo: 2 },
  { label: '3', above: 2, upTo: 3 },
  { label: '4–5', above: 3, upTo: 5 },
  { label: '6–10', above: 5, upTo: 10 },
  { label: '11–20', above: 10, upTo: 20 },
  { label: '>20', above: 20, upTo: null },
];

export const LATENESS_BUCKETS: Readonly<Record<ReportUnit, readonly LatenessBucketBounds[]>> = {
  working_days: DAY_BUCKETS,
  calendar_days: DAY_BUCKETS,
  hours: [
    { label: '≤1', above: null, upTo: 1 },
    { label: '2–4', above: 1, upTo: 4 },
    { label: '5–8', above: 4, upTo: 8 },
    { label: '9–24', above: 8, upTo: 24 },
    { label: '25–48', above: 24, upTo: 48 },
    { label: '49–168', above: 48, upTo: 168 },
    { label: '>168', above: 168, upTo: null },
  ],
};

/** Lateness a hair above a bucket's end (the residue of working-time arithmetic) still counts as within it. */
const ROUNDING = 1e-9;

/** One rule's late outcomes in one bucket. */
export interface LatenessRow {
  readonly ruleCode: string;
  readonly unit: string;
  readonly stageCode: string;
  readonly tier: number;
  readonly reportUnit: ReportUnit;
  /** Index into LATENESS_BUCKETS[reportUnit]. */
  readonly bucket: number;
  readonly breached: number;
  readonly overdue: number;
}

/** `CASE` giving the bucket index of `lateness` for a rule reported in `unit`; the bounds are constants of this file, not request values. */
function bucketCase(unit: ReportUnit): string {
  const buckets = LATENESS_BUCKETS[unit];
  const arms = buckets.slice(0, -1).map((bucket, index) => `WHEN o.lateness <= ${bucket.upTo! + ROUNDING} THEN ${index}`);
  return `CASE ${arms.join(' ')} ELSE ${buckets.length - 1} END`;
}

/**
 * Per rule (code, unit, stage, tier, as breach statistics group rules) and lateness
 * bucket, the cohort's breached outcomes (lateness final) and overdue ones (lateness so
 * far, as last evaluated). Buckets without any are not returned.
 */
export async function readLateness(run: SqlRunner, scope: AnalyticsScope): Promise<LatenessRow[]> {
  const params = new SqlParams();
  const reportUnit = `CASE o.limit_unit WHEN 'same_working_day' THEN 'working_days' ELSE o.limit_unit END`;
  const rows = await run<Record<string, unknown>>(
    `SELECT o.rule_code, o.limit_unit, o.stage_code, o.tier::int AS tier, ${reportUnit} AS report_unit,
            CASE ${reportUnit} ${REPORT_UNITS.map((unit) => `WHEN '${unit}' THEN ${bucketCase(unit)}`).join(' ')} END AS bucket,
            count(*) FILTER (WHERE o.status = 'breached')::int AS breached,
            count(*) FILTER (WHERE o.status = 'overdue')::int AS overdue
     FROM analytics_outcome o
     WHERE ${cohortWhere('o', scope, params, { hasStatus: false })} AND o.status IN ('breached', 'overdue')
     GROUP BY 1, 2, 3, 4, 5, 6`,
    params,
  );
  return rows.map((row) => ({
    ruleCode: String(row['rule_code']),
    unit: String(row['limit_unit']),
    stageCode: String(row['stage_code']),
    tier: Number(row['tier']),
    reportUnit: row['report_unit'] as ReportUnit,
    bucket: Number(row['bucket']),
    breached: Number(row['breached']),
    overdue: Number(row['overdue']),
  }));
}
