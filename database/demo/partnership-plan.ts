import type { ProtocolTemplate, Urgency } from '@escalation-insights/shared';
import { agenciesFor, localityOf, type DemoAgency } from './agencies.js';
import { apportion, type Prng } from './prng.js';

/** Months of history the demo covers, ending at `asOf`. */
export const MONTHS = 36;
const MONTH_MS = (365.2425 / 12) * 86_400_000;

/** Relative volume by calendar month (Jan … Dec): school holidays quieter, autumn term busiest. */
const SEASON = [1.05, 1.05, 1.1, 0.92, 1.05, 1.0, 0.88, 0.7, 1.05, 1.15, 1.12, 0.85];

/** Ladder reach by rung (2nd, 3rd, 4th, 5th …), before per-partnership variation. */
const RUNG_REACH = [1, 0.4, 0.15, 0.06, 0.02];

/**
 * Everything seeded about one demo partnership: its agencies and their habits, its
 * category mix, urgency mix, how far matters climb its ladder, how well it keeps to
 * timescales and how many escalations it records each month.
 */
export interface PartnershipPlan {
  readonly index: number;
  readonly template: ProtocolTemplate;
  readonly code: string;
  readonly prefix: string;
  readonly agencies: readonly DemoAgency[];
  readonly categoryWeights: readonly number[];
  readonly urgencyWeights: readonly number[];
  /** Probability of moving up from rung i to rung i + 1 (index i). */
  readonly climb: readonly number[];
  /** Probability that any one timescale is kept. */
  readonly compliance: number;
  readonly emailShare: number;
  /** A category × receiving-agency pair that grows over the last nine months (a theme to find). */
  readonly emergingTheme: { readonly category: number; readonly agency: number };
  /** Escalations raised in each of the MONTHS periods, oldest first. */
  readonly monthlyCounts: readonly number[];
  readonly total: number;
}

export const URGENCY_ORDER: readonly Urgency[] = ['immediate', 'urgent', 'standard'];

export function planPartnerships(templates: readonly ProtocolTemplate[], size: number, asOf: number, rng: Prng): PartnershipPlan[] {
  const policeSilentIn = rng.int(0, templates.length - 1);
  const shares = templates.map(() => rng.between(0.7, 1.3));
  const totals = apportion(size, shares);
  return templates.map((template, index) => {
    const own = rng.fork(index);
    const place = localityOf(template);
    const agencies = agenciesFor(template, index === policeSilentIn);
    const categoryWeights = template.categories.map(() => 0.25 + 3 * own.next() ** 2);
    const immediate = own.between(0.08, 0.12);
    const urgent = own.between(0.22, 0.28);
    const reachScale = own.between(0.85, 1.15);
    const climb = climbProbabilities(template.stages.length, reachScale);
    const receivers = agencies.map((a) => a.receives);
    return {
      index,
      template,
      code: place.code,
      prefix: place.prefix,
      agencies,
      categoryWeights,
      urgencyWeights: [immediate, urgent, 1 - immediate - urgent],
      climb,
      compliance: own.between(0.78, 0.9),
      emailShare: template.discouragesEmail ? own.between(0.02, 0.05) : own.between(0.15, 0.28),
      emergingTheme: { category: own.int(0, template.categories.length - 1), agency: own.weightedIndex(receivers) },
      monthlyCounts: monthlyCounts(totals[index]!, asOf, own),
      total: totals[index]!,
    };
  });
}

/** Conditional climb probabilities so that rung k is reached by about RUNG_REACH[k]; the top rung by ~2%. */
function climbProbabilities(rungs: number, scale: number): number[] {
  const reach: number[] = [];
  for (let k = 0; k < rungs; k++) {
    const top = k === rungs - 1 && k > 0;
    reach.push(k === 0 ? 1 : Math.min(0.95, (top ? 0.02 : (RUNG_REACH[k] ?? 0.02)) * scale));
  }
  for (let k = 1; k < rungs; k++) reach[k] = Math.min(reach[k]!, reach[k - 1]! * 0.8);
  return reach.slice(1).map((r, k) => r / reach[k]!);
}

/** Splits a partnership's total over the months with mild seasonality and a gentle trend. */
function monthlyCounts(total: number, asOf: number, rng: Prng): number[] {
  const trendPerYear = rng.between(-0.06, 0.14);
  const amplitude = rng.between(0.6, 1.0);
  const weights: number[] = [];
  for (let m = 0; m < MONTHS; m++) {
    const mid = new Date(monthStart(asOf, m) + MONTH_MS / 2);
    const season = 1 + amplitude * ((SEASON[mid.getUTCMonth()] ?? 1) - 1);
    const trend = 1 + trendPerYear * ((m - MONTHS / 2) / 12);
    weights.push(season * trend * rng.between(0.93, 1.07));
  }
  return apportion(total, weights);
}

/** Start (epoch ms) of period `m` of the MONTHS periods ending at `asOf`. */
export function monthStart(asOf: number, m: number): number {
  return Math.round(asOf - (MONTHS - m) * MONTH_MS);
}
