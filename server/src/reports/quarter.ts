import { localDateKey } from '@escalation-insights/shared';

/** A period of raising, [from, to) as local dates, with its name. */
export interface ReportPeriod {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Q2 2025/26" for the UK financial quarter starting in `month` (1-based) of `year`. */
function quarterLabel(year: number, month: number): string {
  const startYear = month >= 4 ? year : year - 1;
  const quarter = ((month - 4 + 12) % 12) / 3 + 1;
  return `Q${quarter} ${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

const key = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;

/**
 * The last complete UK financial quarter (April–June, July–September, October–December,
 * January–March) before `now` in UK time: what an executive meeting looks back on.
 */
export function lastCompleteQuarter(now: Date): ReportPeriod {
  const [year, month] = localDateKey(now).split('-').map(Number) as [number, number];
  const currentStart = month - ((month - 1) % 3);
  const startMonth = currentStart - 3 < 1 ? currentStart + 9 : currentStart - 3;
  const startYear = currentStart - 3 < 1 ? year - 1 : year;
  return { from: key(startYear, startMonth), to: key(year, currentStart), label: quarterLabel(startYear, startMonth) };
}

/** A period as given; named as a quarter when it is one, else by its dates. */
export function describePeriod(from: string, to: string): ReportPeriod {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm);
  if (fd === 1 && td === 1 && months === 3 && (fm - 1) % 3 === 0) return { from, to, label: quarterLabel(fy, fm) };
  const last = new Date(Date.UTC(ty, tm - 1, td) - 86_400_000);
  return { from, to, label: `${fd} ${MONTHS[fm - 1]} ${fy} to ${last.getUTCDate()} ${MONTHS[last.getUTCMonth()]} ${last.getUTCFullYear()}` };
}

/** "1 July to 30 September 2025" */
export function periodDates(period: ReportPeriod): string {
  const [fy, fm, fd] = period.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = period.to.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(ty, tm - 1, td) - 86_400_000);
  return `${fd} ${MONTHS[fm - 1]}${fy === last.getUTCFullYear() ? '' : ` ${fy}`} to ${last.getUTCDate()} ${MONTHS[last.getUTCMonth()]} ${last.getUTCFullYear()}`;
}
