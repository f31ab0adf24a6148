import { FEWEST_ESCALATIONS, SHORTEST_WINDOW_DAYS, type ImpactWindows } from './theme-impact-windows.js';
import type { ThemeImpactWindow } from './theme-impact.model.js';

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const RATE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** A local date key as "3 March 2025". */
export function longDate(dateKey: string): string {
  return LONG_DATE.format(new Date(`${dateKey}T00:00:00Z`));
}

interface ImpactFacts {
  readonly windows: ImpactWindows;
  readonly before: ThemeImpactWindow;
  readonly after: ThemeImpactWindow;
  readonly change: number | null;
  readonly tooSoon: boolean;
  readonly tooFew: boolean;
}

/**
 * The comparison in words. Why 10: escalations arrive more or less at random, so a
 * window's count varies by about its square root from one window to the next (a
 * Poisson count); at 10 that is already a third of the count, and below it chance
 * alone moves the count by more than a third, so a rise or fall between the windows
 * cannot be told from chance. 28 days: a shorter window holds too little time for a
 * change of practice to show, whatever its count.
 */
export function describeImpact(facts: ImpactFacts): { summary: string; caveat: string | null } {
  const { windows, before, after } = facts;
  const completed = longDate(windows.completedOn);
  if (windows.days === 0) {
    return {
      summary: `Completed on ${completed}: no whole day has passed since, so there is nothing to compare yet.`,
      caveat: 'Too soon to tell: no whole day has passed since completion.',
    };
  }
  const counts = `${before.escalations.display} escalation${plural(before)} in the ${windows.days} days before ${completed} and ${after.escalations.display} in the ${windows.days} days from it`;
  const rates =
    before.perMonth !== null && after.perMonth !== null
      ? ` (${RATE.format(before.perMonth)} and ${RATE.format(after.perMonth)} a month${changeWords(facts.change)})`
      : '';
  const summary = `${counts}${rates}.`;
  if (facts.tooSoon) {
    return { summary, caveat: `Too soon to tell: only ${windows.days} days have passed since completion; the comparison needs at least ${SHORTEST_WINDOW_DAYS}.` };
  }
  if (facts.tooFew) {
    return {
      summary,
      caveat:
        `Too few to tell: a window holds fewer than ${FEWEST_ESCALATIONS} escalations. ` +
        'With so few, chance alone moves a count by a third or more, so a rise or fall cannot be told from chance.',
    };
  }
  return { summary, caveat: null };
}

function plural(window: ThemeImpactWindow): string {
  return window.escalations.value === 1 ? '' : 's';
}

function changeWords(change: number | null): string {
  if (change === null) return '';
  if (Math.abs(change) < 0.005) return ', no change';
  const percent = Math.round(Math.abs(change) * 100);
  return change < 0 ? `, down ${percent}%` : `, up ${percent}%`;
}
