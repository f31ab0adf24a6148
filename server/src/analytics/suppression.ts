/**
 * Small-number suppression (DESIGN.md §4.5), as a pure function over a set of counts.
 *
 * Primary: every count from 1 to {@link SMALLEST_SHOWN} − 1 is suppressed (shown "<5").
 * Zero is never suppressed.
 *
 * Secondary: counts are tied by additive relations, total = sum of members (a breakdown
 * and its total; each row and each column of a matrix and their totals). A relation in
 * which exactly one count is hidden gives it away by subtraction, so another is hidden
 * too: the smallest non-zero member still shown (ties: the first listed), or, when no
 * member is left, the total. This repeats until no relation has exactly one hidden
 * count. A relation may include counts that are never displayed ("unshown", e.g. the
 * escalations of other protocols): they count as hidden when non-zero, since a reader
 * cannot know them, and as known when zero.
 */
export const SMALLEST_SHOWN = 5;
export const SUPPRESSED_DISPLAY = '<5';

export interface Relation {
  readonly total: string;
  readonly members: readonly string[];
}

export interface SuppressionInput {
  /** Every count by id. */
  readonly counts: ReadonlyMap<string, number>;
  readonly relations: readonly Relation[];
  /** Ids of counts that are part of relations but never displayed. */
  readonly unshown?: ReadonlySet<string>;
}

/** The ids of the displayed counts to suppress. */
export function suppressedCounts(input: SuppressionInput): Set<string> {
  const { counts, relations } = input;
  const unshown = input.unshown ?? new Set<string>();
  const value = (id: string): number => {
    const v = counts.get(id);
    if (v === undefined) throw new Error(`Suppression: relation names unknown count "${id}"`);
    return v;
  };
  const suppressed = new Set<string>();
  for (const [id, v] of counts) if (!unshown.has(id) && v >= 1 && v < SMALLEST_SHOWN) suppressed.add(id);
  const hidden = (id: string): boolean => suppressed.has(id) || (unshown.has(id) && value(id) !== 0);

  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of relations) {
      const cells = [relation.total, ...relation.members];
      if (cells.filter(hidden).length !== 1) continue;
      const candidate = smallestShown(relation.members, value, hidden, unshown) ?? (hidden(relation.total) || unshown.has(relation.total) ? null : relation.total);
      if (candidate !== null && value(candidate) !== 0) {
        suppressed.add(candidate);
        changed = true;
      }
    }
  }
  return suppressed;
}

function smallestShown(
  members: readonly string[],
  value: (id: string) => number,
  hidden: (id: string) => boolean,
  unshown: ReadonlySet<string>,
): string | null {
  let best: string | null = null;
  for (const id of members) {
    if (hidden(id) || unshown.has(id) || value(id) === 0) continue;
    if (best === null || value(id) < value(best)) best = id;
  }
  return best;
}

/** A count as the API shows it. */
export interface CountFigure {
  readonly value: number | null;
  readonly display: string;
  readonly suppressed: boolean;
}

const NUMBER = new Intl.NumberFormat('en-GB');

export function countFigure(value: number, suppressed: boolean): CountFigure {
  return suppressed ? { value: null, display: SUPPRESSED_DISPLAY, suppressed: true } : { value, display: NUMBER.format(value), suppressed: false };
}

/**
 * Collects the counts of one answer and their relations, then suppresses them (or not)
 * in one go. Ids are the caller's, e.g. `tier:3` or `agency:12:open`.
 */
export class CountBook {
  private readonly counts = new Map<string, number>();
  private readonly relations: Relation[] = [];
  private readonly unshown = new Set<string>();

  /** Registers a count; registering the same id twice must give the same value. */
  add(id: string, value: number): string {
    const known = this.counts.get(id);
    if (known !== undefined && known !== value) throw new Error(`CountBook: ${id} is both ${known} and ${value}`);
    this.counts.set(id, value);
    return id;
  }

  /** A count that takes part in relations but is never displayed. */
  addUnshown(id: string, value: number): string {
    this.unshown.add(id);
    return this.add(id, value);
  }

  relate(total: string, members: readonly string[]): void {
    if (members.length > 0) this.relations.push({ total, members });
  }

  /** Fixes what is shown: with `enabled` false every count is shown as it is. */
  settle(enabled: boolean): SettledCounts {
    const suppressed = enabled ? suppressedCounts({ counts: this.counts, relations: this.relations, unshown: this.unshown }) : new Set<string>();
    return new SettledCounts(this.counts, suppressed, enabled);
  }
}

export class SettledCounts {
  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    private readonly suppressed: ReadonlySet<string>,
    /** Whether suppression was applied to this answer. */
    readonly applied: boolean,
  ) {}

  value(id: string): number {
    const v = this.counts.get(id);
    if (v === undefined) throw new Error(`Unknown count ${id}`);
    return v;
  }

  isSuppressed(id: string): boolean {
    return this.suppressed.has(id);
  }

  figure(id: string): CountFigure {
    return countFigure(this.value(id), this.isSuppressed(id));
  }

  /** numerator ÷ denominator; null when either is suppressed or the denominator is 0. */
  share(numerator: string, denominator: string): number | null {
    if (this.isSuppressed(numerator) || this.isSuppressed(denominator)) return null;
    const d = this.value(denominator);
    return d === 0 ? null : this.value(numerator) / d;
  }

  /** How many displayed counts were suppressed. */
  get suppressedCount(): number {
    return this.suppressed.size;
  }
}
