import type { CountRow } from './breach-sql.js';
import { LATENESS_BUCKETS, type LatenessRow } from './lateness-sql.js';
import type { ReportUnit } from './models/breach-statistics.model.js';
import type { RuleLateness } from './models/lateness-distribution.model.js';
import type { CountBook, SettledCounts } from './suppression.js';

/** The id of a rule's own count of breached or overdue outcomes in the answer's CountBook. */
export type RuleCountId = (rule: CountRow, status: 'breached' | 'overdue') => string;

const LATE = ['breached', 'overdue'] as const;

const ruleKey = (row: { ruleCode: string | null; unit: string | null; stageCode: string | null; tier: number | null }) =>
  [row.ruleCode, row.unit, row.stageCode, row.tier].join('|');
const bucketId = (rule: CountRow, bucket: number, status: (typeof LATE)[number]) => `lateness|${ruleKey(rule)}|${bucket}|${status}`;

export function reportUnitOf(limitUnit: string): ReportUnit {
  return (limitUnit === 'same_working_day' ? 'working_days' : limitUnit) as ReportUnit;
}

/**
 * Registers every rule's lateness buckets, breached and overdue apart: each rule's
 * breached (overdue) count is the sum of its buckets', so a bucket hidden as a small
 * number cannot be worked out from the rule's total and the other buckets.
 */
export function addLatenessCounts(book: CountBook, rules: readonly CountRow[], lateness: readonly LatenessRow[], ruleCountId: RuleCountId): void {
  const counted = new Map(lateness.map((row) => [`${ruleKey(row)}|${row.bucket}`, row]));
  for (const rule of rules) {
    const buckets = LATENESS_BUCKETS[reportUnitOf(rule.unit ?? '')];
    for (const status of LATE) {
      const members = buckets.map((_, index) => book.add(bucketId(rule, index, status), counted.get(`${ruleKey(rule)}|${index}`)?.[status] ?? 0));
      book.relate(ruleCountId(rule, status), members);
    }
  }
}

/** Each rule's histogram as shown. `names` gives the rule's and its stage's names. */
export function latenessFigures(
  settled: SettledCounts,
  rules: readonly CountRow[],
  ruleCountId: RuleCountId,
  names: (rule: CountRow) => { readonly ruleName: string; readonly stageName: string },
): RuleLateness[] {
  return rules.map((rule) => {
    const unit = reportUnitOf(rule.unit ?? '');
    return {
      ruleCode: rule.ruleCode ?? '',
      ...names(rule),
      stageCode: rule.stageCode ?? '',
      tier: rule.tier ?? 0,
      unit,
      breached: settled.figure(ruleCountId(rule, 'breached')),
      overdue: settled.figure(ruleCountId(rule, 'overdue')),
      buckets: LATENESS_BUCKETS[unit].map((bounds, index) => ({
        ...bounds,
        breached: settled.figure(bucketId(rule, index, 'breached')),
        overdue: settled.figure(bucketId(rule, index, 'overdue')),
      })),
    };
  });
}
