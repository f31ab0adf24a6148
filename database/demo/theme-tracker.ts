/** An escalation of one category × receiving-agency pair. */
export interface ThemeCase {
  readonly escalationId: number;
  readonly raisedAt: number;
}

export interface ThemePair {
  readonly category: number;
  readonly agency: number;
  /** In-scope escalations of the pair in the last year. */
  readonly count: number;
  /** The latest few cases of each quarter of the last year, most recent quarter first, oldest case first. */
  readonly byQuarter: readonly (readonly ThemeCase[])[];
}

const QUARTERS = 4;
const QUARTER_MS = (365 / QUARTERS) * 86_400_000;
const KEEP = 6;

/**
 * Counts the in-scope escalations of the last year by category × receiving agency,
 * keeping the latest few of each quarter, in bounded memory, so that strategic log
 * entries and learning items can cite real escalations of the strongest themes.
 */
export class ThemeTracker {
  private readonly pairs = new Map<number, { category: number; agency: number; count: number; byQuarter: ThemeCase[][] }>();

  constructor(private readonly asOf: number) {}

  record(category: number, agency: number, escalationId: number, raisedAt: number, outOfScope: boolean): void {
    const quarter = Math.floor((this.asOf - raisedAt) / QUARTER_MS);
    if (outOfScope || quarter < 0 || quarter >= QUARTERS) return;
    const key = category * 1000 + agency;
    let pair = this.pairs.get(key);
    if (!pair) {
      pair = { category, agency, count: 0, byQuarter: Array.from({ length: QUARTERS }, () => []) };
      this.pairs.set(key, pair);
    }
    pair.count++;
    const cases = pair.byQuarter[quarter]!;
    cases.push({ escalationId, raisedAt });
    if (cases.length > KEEP) cases.shift();
  }

  /** The strongest pairs, at most two per receiving agency, `first` (if it has any cases) leading. */
  top(n: number, first?: { category: number; agency: number }): ThemePair[] {
    const all = [...this.pairs.values()].sort((a, b) => b.count - a.count || a.category - b.category || a.agency - b.agency);
    const lead = first ? all.find((p) => p.category === first.category && p.agency === first.agency) : undefined;
    const chosen: ThemePair[] = lead ? [lead] : [];
    for (const pair of all) {
      if (chosen.length >= n) break;
      if (pair !== lead && chosen.filter((c) => c.agency === pair.agency).length < 2) chosen.push(pair);
    }
    return chosen;
  }
}

/** The cases of `quarter` (0: the latest), or of the nearest quarter that has at least `min`. */
export function casesAround(pair: ThemePair, quarter: number, min: number): readonly ThemeCase[] {
  for (let distance = 0; distance < QUARTERS; distance++) {
    for (const q of [quarter + distance, quarter - distance]) {
      const cases = pair.byQuarter[q];
      if (cases && cases.length >= min) return cases;
    }
  }
  return [];
}
