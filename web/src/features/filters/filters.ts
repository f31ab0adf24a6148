import { isIsoDate } from '../../lib/dates';
import { DEFAULT_PERIOD, isValidRange, type PeriodChoice } from './period';

/*
 * The filters every page shares, held in the URL's query string so that a view can be
 * bookmarked and shared. Anything the URL gets wrong (an unknown urgency, a date that
 * does not exist) is dropped rather than refused, and the page shows what it did use.
 *
 *   ?period=last-quarter | last-12-months | fy-2024        a quick choice
 *   ?from=2025-04-01&to=2025-07-01                          a range of one's own ([from, to))
 *   &partnership=<id>&raising=<agency id>&receiving=<agency id>&category=<code>&urgency=immediate
 */

export const URGENCIES = ['IMMEDIATE', 'URGENT', 'STANDARD'] as const;
export type FilterUrgency = (typeof URGENCIES)[number];

export interface DashboardFilters {
  readonly period: PeriodChoice;
  /** Only for roles that see more than one partnership; null: all they may see. */
  readonly partnershipId: string | null;
  readonly raisingAgencyId: string | null;
  readonly receivingAgencyId: string | null;
  readonly categoryCode: string | null;
  readonly urgency: FilterUrgency | null;
}

export const DEFAULT_FILTERS: DashboardFilters = {
  period: DEFAULT_PERIOD,
  partnershipId: null,
  raisingAgencyId: null,
  receivingAgencyId: null,
  categoryCode: null,
  urgency: null,
};

/** The URL parameters the shared filters own; a page may keep others of its own beside them. */
export const FILTER_PARAMS = ['period', 'from', 'to', 'partnership', 'raising', 'receiving', 'category', 'urgency'] as const;

const FINANCIAL_YEAR = /^fy-(\d{4})$/;
/** Ids and codes as the API makes them: no spaces, nothing that needs escaping in a sentence. */
const TOKEN = /^[A-Za-z0-9_.:-]{1,64}$/;

function token(value: string | null): string | null {
  return value !== null && TOKEN.test(value) ? value : null;
}

export function parsePeriod(params: URLSearchParams): PeriodChoice {
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null && to !== null && isValidRange({ from, to })) return { kind: 'custom', from, to };
  const period = params.get('period');
  if (period === 'last-quarter' || period === 'last-12-months') return { kind: period };
  const year = period ? FINANCIAL_YEAR.exec(period) : null;
  if (year) {
    const startYear = Number(year[1]);
    if (startYear >= 2000 && startYear <= 2100) return { kind: 'financial-year', startYear };
  }
  return DEFAULT_PERIOD;
}

/** The filters a query string holds; `search` with or without its leading "?". */
export function parseFilters(search: string | URLSearchParams): DashboardFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const urgency = params.get('urgency')?.toUpperCase() ?? null;
  return {
    period: parsePeriod(params),
    partnershipId: token(params.get('partnership')),
    raisingAgencyId: token(params.get('raising')),
    receivingAgencyId: token(params.get('receiving')),
    categoryCode: token(params.get('category')),
    urgency: URGENCIES.includes(urgency as FilterUrgency) ? (urgency as FilterUrgency) : null,
  };
}

function periodParams(period: PeriodChoice): [string, string][] {
  switch (period.kind) {
    case 'last-12-months':
      return []; // the default: a clean URL
    case 'last-quarter':
      return [['period', 'last-quarter']];
    case 'financial-year':
      return [['period', `fy-${period.startYear}`]];
    case 'custom':
      return [
        ['from', period.from],
        ['to', period.to],
      ];
  }
}

/**
 * Writes the filters into `base` (a page's other parameters are kept; the filters' own
 * are replaced), leaving defaults out so that the plain URL means the default view.
 * Returns the query string without "?" (empty when everything is default).
 */
export function serialiseFilters(filters: DashboardFilters, base: string | URLSearchParams = ''): string {
  const params = new URLSearchParams(base);
  for (const name of FILTER_PARAMS) params.delete(name);
  for (const [name, value] of periodParams(filters.period)) params.set(name, value);
  const optional: [string, string | null][] = [
    ['partnership', filters.partnershipId],
    ['raising', filters.raisingAgencyId],
    ['receiving', filters.receivingAgencyId],
    ['category', filters.categoryCode],
    ['urgency', filters.urgency?.toLowerCase() ?? null],
  ];
  for (const [name, value] of optional) if (value !== null) params.set(name, value);
  return params.toString();
}

/** How many filters narrow the view beyond the period. */
export function countNarrowingFilters(filters: DashboardFilters): number {
  return [filters.partnershipId, filters.raisingAgencyId, filters.receivingAgencyId, filters.categoryCode, filters.urgency].filter(
    (value) => value !== null,
  ).length;
}

export function isIsoDateParam(value: string | null): value is string {
  return value !== null && isIsoDate(value);
}
