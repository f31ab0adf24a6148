import { TIER_NAMES, TIERS, type Tier } from '@escalation-insights/shared';
import { CountBook, type SettledCounts } from '../analytics/suppression.js';
import type { NationalFigures } from './models/national-overview.model.js';
import type { PartnershipCounts } from './national-overview-sql.js';

/**
 * The counts of one row, by name. Besides those shown, the book holds the ones a reader
 * can work out from them, so that suppression protects those too:
 * - `closed` = raised − open;
 * - `peaked:k` = reached:k − reached:k+1 (escalations whose highest tier is k), k = 1…4;
 * - `met` and `late` (breached + overdue), which compliance and its denominator give away.
 */
const ROW_COUNTS = [
  'raised', 'open', 'closed', 'outOfScope', 'reached:2', 'reached:3', 'reached:4', 'reached:5',
  'peaked:1', 'peaked:2', 'peaked:3', 'peaked:4', 'met', 'late', 'decided',
] as const;
type RowCount = (typeof ROW_COUNTS)[number];

const TOTAL = 'total';
const id = (row: string, count: RowCount) => `${row}:${count}`;
/** reached:1 is the row's raised count: every escalation starts on tier 1 or above. */
const reachedId = (row: string, tier: Tier) => (tier === 1 ? id(row, 'raised') : id(row, `reached:${tier}` as RowCount));

function values(counts: Omit<PartnershipCounts, 'partnershipId' | 'name'>): Record<RowCount, number> {
  const [r2, r3, r4, r5] = counts.reachedFrom2;
  const late = counts.breached + counts.overdue;
  return {
    raised: counts.raised,
    open: counts.open,
    closed: counts.raised - counts.open,
    outOfScope: counts.outOfScope,
    'reached:2': r2,
    'reached:3': r3,
    'reached:4': r4,
    'reached:5': r5,
    'peaked:1': counts.raised - r2,
    'peaked:2': r2 - r3,
    'peaked:3': r3 - r4,
    'peaked:4': r4 - r5,
    met: counts.met,
    late,
    decided: counts.met + late,
  };
}

function addRow(book: CountBook, row: string, counts: Record<RowCount, number>): void {
  for (const name of ROW_COUNTS) book.add(id(row, name), counts[name]);
  book.relate(id(row, 'raised'), [id(row, 'open'), id(row, 'closed')]);
  book.relate(id(row, 'raised'), [id(row, 'reached:2'), id(row, 'peaked:1')]);
  book.relate(id(row, 'reached:2'), [id(row, 'reached:3'), id(row, 'peaked:2')]);
  book.relate(id(row, 'reached:3'), [id(row, 'reached:4'), id(row, 'peaked:3')]);
  book.relate(id(row, 'reached:4'), [id(row, 'reached:5'), id(row, 'peaked:4')]);
  book.relate(id(row, 'decided'), [id(row, 'met'), id(row, 'late')]);
}

/**
 * Every partnership's figures and their total, small numbers suppressed when `suppress`
 * (always, for national viewers): primary suppression of 1–4, then secondary so that no
 * hidden count can be worked out — from the total across partnerships, from a row's own
 * open and closed, from consecutive tiers of reach, or from compliance and its denominator.
 */
export function nationalFigures(
  partnerships: readonly PartnershipCounts[],
  suppress: boolean,
): { partnerships: NationalFigures[]; total: NationalFigures; applied: boolean } {
  const book = new CountBook();
  const rows = partnerships.map((p) => `p${p.partnershipId}`);
  partnerships.forEach((p, i) => addRow(book, rows[i]!, values(p)));
  const sum = (pick: (p: PartnershipCounts) => number) => partnerships.reduce((total, p) => total + pick(p), 0);
  addRow(book, TOTAL, values({
    raised: sum((p) => p.raised),
    outOfScope: sum((p) => p.outOfScope),
    open: sum((p) => p.open),
    reachedFrom2: [0, 1, 2, 3].map((i) => sum((p) => p.reachedFrom2[i]!)) as [number, number, number, number],
    met: sum((p) => p.met),
    breached: sum((p) => p.breached),
    overdue: sum((p) => p.overdue),
  }));
  for (const name of ROW_COUNTS) book.relate(id(TOTAL, name), rows.map((row) => id(row, name)));
  const settled = book.settle(suppress);
  return {
    partnerships: partnerships.map((p, i) => figuresOf(settled, rows[i]!, p.partnershipId, p.name)),
    total: figuresOf(settled, TOTAL, null, 'All partnerships'),
    applied: settled.applied,
  };
}

function figuresOf(settled: SettledCounts, row: string, partnershipId: string | null, name: string): NationalFigures {
  const raised = id(row, 'raised');
  const [met, late] = [id(row, 'met'), id(row, 'late')];
  const decided = settled.value(met) + settled.value(late);
  return {
    partnershipId,
    name,
    raised: settled.figure(raised),
    open: settled.figure(id(row, 'open')),
    openShare: settled.share(id(row, 'open'), raised),
    reachedTopTier: settled.figure(reachedId(row, 5)),
    topTierShare: settled.share(reachedId(row, 5), raised),
    reach: TIERS.map((tier) => ({
      tier,
      tierName: TIER_NAMES[tier],
      reached: settled.figure(reachedId(row, tier)),
      share: settled.share(reachedId(row, tier), raised),
    })),
    compliance: settled.isSuppressed(met) || settled.isSuppressed(late) || decided === 0 ? null : settled.value(met) / decided,
    timescalesDecided: settled.figure(id(row, 'decided')),
    outOfScope: settled.figure(id(row, 'outOfScope')),
  };
}
