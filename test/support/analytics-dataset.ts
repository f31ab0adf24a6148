import { DUDLEY, GLOUCESTERSHIRE_GSCP_2025 } from '@escalation-insights/shared';
import { insertEscalations, insertFixturePartnership, type FixtureEscalation, type FixturePartnership } from './analytics-fixture.js';
import { STANDARD_AGENCIES } from './fixtures.js';
import { insertPartnership } from './fixtures.js';

/**
 * The hand-built data set the analytics tests work out by hand. Partnership A follows
 * Dudley's protocol (stages 1 → 2 → 3a → 3b → exceptional, tiers 1 to 5); partnership B
 * Gloucestershire's (stages 1, 2, 3, 4 at tiers 1, 3, 4, 5). Times are UTC; "now" is
 * 1 July 2025 12:00 UTC; the period asked about is [2025-01-01, 2025-07-01).
 *
 * Categories of A: CA course_of_action, AANC agreed_action_not_completed,
 * PNMN plan_not_meeting_needs, ISS information_sharing_or_services.
 */
export const NOW = new Date('2025-07-01T12:00:00Z');
export const PERIOD = { from: '2025-01-01', to: '2025-07-01' };

const CSC = "Children's Social Care";
const CA = 'course_of_action';
const AANC = 'agreed_action_not_completed';
const PNMN = 'plan_not_meeting_needs';
const ISS = 'information_sharing_or_services';
const S1 = 'stage-1-standard-local-5wd';
const S1_URGENT = 'stage-1-urgent-24h';
const S1_IMMEDIATE = 'stage-1-immediate-same-day';
const S2 = 'stage-2-standard-local-5wd';
const WRITTEN = 'written-confirmation-local-2wd';

const day = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();
const resolved = (raisedAt: string, days: number) => ({ status: 'resolved' as const, closedAt: day(raisedAt, days) });
const withdrawn = (raisedAt: string, days: number) => ({ status: 'withdrawn' as const, closedAt: day(raisedAt, days) });

/** A row: reference, raised, raising → receiving, category, urgency, stages, status and closure, outcomes. */
function e(
  reference: string, raisedAt: string, raising: string, receiving: string, category: string, urgency: FixtureEscalation['urgency'],
  stages: string[], closure: Pick<FixtureEscalation, 'status' | 'closedAt'>, outcomes: FixtureEscalation['outcomes'] = [],
): FixtureEscalation {
  return { reference, raisedAt, raising, receiving, category, urgency, stages, ...closure, outcomes };
}

const J06 = '2025-01-06T09:00:00Z', J13 = '2025-01-13T09:00:00Z', J20 = '2025-01-20T09:00:00Z';
const F03 = '2025-02-03T09:00:00Z', F10 = '2025-02-10T09:00:00Z', F17 = '2025-02-17T09:00:00Z';
const M03 = '2025-03-03T09:00:00Z', M10 = '2025-03-10T09:00:00Z', M17 = '2025-03-17T09:00:00Z';
const A07 = '2025-04-07T09:00:00Z', A14 = '2025-04-14T09:00:00Z', A22 = '2025-04-22T09:00:00Z';
const Y06 = '2025-05-06T09:00:00Z', Y12 = '2025-05-12T09:00:00Z', Y19 = '2025-05-19T09:00:00Z';
const U02 = '2025-06-02T09:00:00Z', U09 = '2025-06-09T12:00:00Z', U16 = '2025-06-16T12:00:00Z', U23 = '2025-06-23T09:00:00Z', U30 = '2025-06-30T09:00:00Z';

export const HOUSING = 'Housing Options';

/** Partnership A: 20 escalations in the period (one out of scope), two before it. */
export const A_ESCALATIONS: readonly FixtureEscalation[] = [
  e('A01', J06, 'Health', CSC, CA, 'standard', ['1'], resolved(J06, 2), [
    { rule: S1, status: 'met', elapsed: 1.5 }, { rule: WRITTEN, status: 'met', elapsed: 1.0 }]),
  e('A02', J13, 'Education', CSC, CA, 'standard', ['1'], resolved(J13, 4), [
    { rule: S1, status: 'met', elapsed: 3.0 }, { rule: WRITTEN, status: 'breached', elapsed: 3.5, lateness: 1.5 }]),
  e('A03', J20, 'Police', CSC, AANC, 'urgent', ['1', '2'], resolved(J20, 6), [{ rule: S1_URGENT, status: 'met', elapsed: 10 }]),
  e('A04', F03, 'Health', 'Police', ISS, 'standard', ['1'], resolved(F03, 1), [{ rule: S1, status: 'met', elapsed: 0.5 }]),
  e('A05', F10, CSC, 'Health', PNMN, 'standard', ['1', '2', '3a'], resolved(F10, 10), [
    { rule: S1, status: 'breached', elapsed: 6.0, lateness: 1.0 }, { rule: S2, status: 'met', elapsed: 3.0 }]),
  // Immediate risk: straight from stage 1 to 3a, skipping stage 2.
  e('A06', F17, 'Education', CSC, CA, 'immediate', ['1', '3a'], resolved(F17, 3), [{ rule: S1_IMMEDIATE, status: 'met', elapsed: 0.2 }]),
  e('A07', M03, 'Health', CSC, CA, 'standard', ['1'], withdrawn(M03, 5), [{ rule: S1, status: 'met', elapsed: 2.0 }]),
  e('A08', M10, 'Police', 'Education', ISS, 'standard', ['1', '2'], resolved(M10, 8), [
    { rule: S1, status: 'breached', elapsed: 7.5, lateness: 2.5 }, { rule: S2, status: 'met', elapsed: 2.0 }]),
  e('A09', M17, 'Health', CSC, AANC, 'standard', ['1', '2', '3a', '3b'], resolved(M17, 20), [
    { rule: S1, status: 'met', elapsed: 4.0 }, { rule: S2, status: 'breached', elapsed: 8.0, lateness: 3.0 }]),
  e('A10', A07, 'Education', 'Police', ISS, 'urgent', ['1'], resolved(A07, 2), [{ rule: S1_URGENT, status: 'breached', elapsed: 30, lateness: 6 }]),
  e('A11', A14, CSC, 'Police', CA, 'standard', ['1', '2', '3a', '3b', 'exceptional'], resolved(A14, 30), [
    { rule: S1, status: 'breached', elapsed: 9.0, lateness: 4.0 }, { rule: S2, status: 'met', elapsed: 4.5 }]),
  e('A12', A22, 'Health', CSC, CA, 'standard', ['1'], resolved(A22, 4), [
    { rule: S1, status: 'met', elapsed: 2.5 },
    { rule: WRITTEN, status: 'overdue', elapsed: 50, lateness: 48, deadline: '2025-04-30T09:00:00Z' }]),
  e('A13', Y06, 'Police', CSC, PNMN, 'standard', ['1', '2'], withdrawn(Y06, 12), [
    { rule: S1, status: 'met', elapsed: 1.0 }, { rule: S2, status: 'breached', elapsed: 6.0, lateness: 1.0 }]),
  e('A14', Y12, 'Education', CSC, CA, 'standard', ['1'], { status: 'out_of_scope', closedAt: day(Y12, 1) }, [{ rule: S1, status: 'met', elapsed: 1.0 }]),
  e('A15', Y19, 'Health', CSC, AANC, 'urgent', ['1', '2', '3a'], { status: 'open' }, [{ rule: S1_URGENT, status: 'met', elapsed: 20 }]),
  e('A16', U02, 'Health', 'Police', ISS, 'standard', ['1'], resolved(U02, 6), [
    { rule: S1, status: 'met', elapsed: 5.0 }, { rule: WRITTEN, status: 'not_applicable' }]),
  e('A17', U09, CSC, 'Education', CA, 'standard', ['1'], { status: 'open' }, [
    { rule: S1, status: 'overdue', elapsed: 15, lateness: 10, deadline: '2025-06-16T12:00:00Z' }]),
  e('A18', U16, 'Education', CSC, CA, 'standard', ['1', '2'], { status: 'open' }, [
    { rule: S1, status: 'pending', elapsed: 10, deadline: '2025-07-03T12:00:00Z' }]),
  e('A19', U23, 'Police', 'Health', ISS, 'standard', ['1'], resolved(U23, 2), [{ rule: S1, status: 'met', elapsed: 0.25 }]),
  e('A20', U30, 'Health', CSC, CA, 'standard', ['1'], resolved(U30, 0.5), [{ rule: S1, status: 'met', elapsed: 0.4 }]),
  // Before the period: the previous six months.
  e('A21', '2024-12-09T09:00:00Z', 'Health', CSC, CA, 'standard', ['1'], resolved('2024-12-09T09:00:00Z', 3), [
    { rule: S1, status: 'met', elapsed: 2.0 }]),
  e('A22', '2024-10-14T09:00:00Z', HOUSING, CSC, ISS, 'standard', ['1'], resolved('2024-10-14T09:00:00Z', 2)),
];

/** Partnership B: five escalations in the period, which A's users must never see. */
export const B_ESCALATIONS: readonly FixtureEscalation[] = [
  e('B01', '2025-02-04T09:00:00Z', 'Police', CSC, 'referral_response', 'standard', ['1'], resolved('2025-02-04T09:00:00Z', 1), [
    { rule: 'line-manager-contact-24h', status: 'met', elapsed: 3 }]),
  e('B02', '2025-02-11T09:00:00Z', 'Health', CSC, 'referral_response', 'standard', ['1', '2'], resolved('2025-02-11T09:00:00Z', 5), [
    { rule: 'line-manager-contact-24h', status: 'met', elapsed: 20 }]),
  e('B03', '2025-03-04T09:00:00Z', 'Education', CSC, 'referral_response', 'standard', ['1', '2', '3'], resolved('2025-03-04T09:00:00Z', 9), [
    { rule: 'line-manager-contact-24h', status: 'breached', elapsed: 30, lateness: 6 }]),
  e('B04', '2025-03-25T09:00:00Z', CSC, 'Police', 'agreed_actions', 'urgent', ['1'], withdrawn('2025-03-25T09:00:00Z', 2)),
  e('B05', '2025-05-06T09:00:00Z', 'Health', 'Police', 'safeguarding_plans', 'standard', ['1', '2', '3', '4'], { status: 'open' }, [
    { rule: 'line-manager-contact-24h', status: 'met', elapsed: 12 }]),
];

export interface AnalyticsDataset {
  readonly a: FixturePartnership;
  readonly b: FixturePartnership;
  /** Escalation id by reference, both partnerships. */
  readonly ids: ReadonlyMap<string, string>;
}

/** Installs both partnerships (A with a fifth agency, Housing Options, that raised nothing in the period) and their escalations. */
export async function insertAnalyticsDataset(databaseUrl: string): Promise<AnalyticsDataset> {
  const installedA = await insertPartnership(databaseUrl, {
    template: DUDLEY, code: 'fixture-a', name: 'Fixture A (Dudley protocol)',
    agencies: [...STANDARD_AGENCIES, { name: HOUSING, sector: 'housing' }],
  });
  const a: FixturePartnership = { ...installedA, template: DUDLEY, agencies: installedA.agencyIds };
  const b = await insertFixturePartnership(databaseUrl, GLOUCESTERSHIRE_GSCP_2025, 'fixture-b');
  const ids = new Map([...(await insertEscalations(databaseUrl, a, A_ESCALATIONS)), ...(await insertEscalations(databaseUrl, b, B_ESCALATIONS))]);
  return { a, b, ids };
}
