import { addDays, isoDateToUtc } from '../../lib/dates';
import { formatDate, formatMonth, formatNumber, pluralise } from '../../lib/format';
import type { AgencyActivity } from './silent-agencies.graphql';

/*
 * Agencies that raised no escalation in the period (Query.silentAgencies), beside the
 * periods of equal length before it.
 */

/** How many periods before this one the panel shows. */
export const PREVIOUS_PERIODS = 4;

const monthsBetween = (from: string, to: string) => {
  const a = isoDateToUtc(from);
  const b = isoDateToUtc(to);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
};

/**
 * A period [from, to) as a column header: "Mar 2025" for one whole month, "Nov 2025 to
 * Oct 2026" for whole months, else its first and last days ("3 March 2025 to 2 April 2025").
 */
export function periodLabel(period: { readonly from: string; readonly to: string }): string {
  const { from, to } = period;
  if (from.endsWith('-01') && to.endsWith('-01')) {
    const months = monthsBetween(from, to);
    if (months === 1) return formatMonth(from, { short: true });
    if (months > 1) return `${formatMonth(from, { short: true })} to ${formatMonth(addDays(to, -1), { short: true })}`;
  }
  return `${formatDate(from)} to ${formatDate(addDays(to, -1))}`;
}

/** The agencies to list: active ones that raised none in the period. */
export function silentAgencies(agencies: readonly AgencyActivity[]): AgencyActivity[] {
  return agencies.filter((agency) => agency.silent);
}

/** "2 agencies raised no escalations in the period", or that every active one raised some. */
export function silentFinding(silent: readonly AgencyActivity[], agencies: readonly AgencyActivity[]): string {
  const active = agencies.filter((agency) => agency.isActive).length;
  if (silent.length === 0) return 'Every active agency raised at least one escalation in the period';
  if (silent.length === active) return 'No agency raised an escalation in the period';
  return `${pluralise(silent.length, 'agency', 'agencies')} of ${formatNumber(active)} raised no escalations in the period`;
}

/**
 * How long an agency has been silent, over the periods shown: "None in any of the 5
 * periods", or "Last raised some in Nov 2024 to Oct 2025" (a hidden "<5" is some).
 */
export function silenceSpan(agency: AgencyActivity, periods: readonly { readonly from: string; readonly to: string }[]): string {
  const last = agency.raised.findIndex((count) => count.suppressed || (count.value ?? 0) > 0);
  if (last === -1) return `None in any of the ${formatNumber(periods.length)} periods`;
  const period = periods[last];
  return period ? `Last raised some in ${periodLabel(period)}` : 'Raised some before';
}
