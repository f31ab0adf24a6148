import { errorCode, startAnalyticsApp, type AnalyticsTestApp } from '../support/analytics-api.js';
import type { TestClient } from '../support/test-app.js';

const REACH = `query ($filter: AnalyticsFilter!, $protocolId: ID) { stageReach(filter: $filter, protocolId: $protocolId) { cohort { escalations { value } } } }`;
const OVERVIEW = `query ($filter: AnalyticsFilter!) { analyticsOverview(filter: $filter) { raised { current { value } } } }`;

describe('analytics arguments', () => {
  let env: AnalyticsTestApp;
  let client: TestClient;
  const reach = (filter: object, protocolId?: string) => client.graphql(REACH, { filter, protocolId });

  beforeAll(async () => {
    env = await startAnalyticsApp();
    client = await env.as('business_unit');
  });
  afterAll(async () => {
    await env?.app.close();
  });

  it('refuses a period whose start is not before its end', async () => {
    const same = await reach({ from: '2025-03-01', to: '2025-03-01' });
    expect(errorCode(same)).toBe('INVALID_PERIOD');
    expect(same.errors![0]!.message).toMatch(/from \(2025-03-01\) must be before to \(2025-03-01\)/);
    expect(errorCode(await reach({ from: '2025-03-02', to: '2025-03-01' }))).toBe('INVALID_PERIOD');
  });

  it('refuses dates that do not exist or are not written YYYY-MM-DD', async () => {
    expect(errorCode(await reach({ from: '2025-02-30', to: '2025-03-01' }))).toBe('INVALID_PERIOD');
    expect(errorCode(await reach({ from: '1 March 2025', to: '2025-04-01' }))).toBe('BAD_USER_INPUT');
  });

  it('refuses a period longer than 20 years', async () => {
    expect(errorCode(await reach({ from: '2000-01-01', to: '2020-01-02' }))).toBe('PERIOD_TOO_LONG');
    expect(errorCode(await reach({ from: '2000-01-01', to: '2020-01-01' }))).toBeUndefined();
  });

  it('refuses a partnership that does not exist, or that the user may not see, by the same code', async () => {
    const unknown = await reach({ from: '2025-01-01', to: '2025-07-01', partnershipIds: ['987654'] });
    expect(errorCode(unknown)).toBe('PARTNERSHIP_NOT_FOUND');
    expect(unknown.errors![0]!.extensions).toMatchObject({ field: 'filter.partnershipIds', ids: ['987654'] });
    expect(errorCode(await reach({ from: '2025-01-01', to: '2025-07-01', partnershipIds: [env.data.b.partnershipId] }))).toBe('PARTNERSHIP_NOT_FOUND');
    expect(errorCode(await reach({ from: '2025-01-01', to: '2025-07-01', partnershipIds: ['not-a-number'] }))).toBe('BAD_USER_INPUT');
  });

  it('refuses agencies and protocols of other partnerships', async () => {
    const otherAgency = env.data.b.agencies['Police']!;
    expect(errorCode(await reach({ from: '2025-01-01', to: '2025-07-01', receivingAgencyIds: [otherAgency] }))).toBe('AGENCY_NOT_FOUND');
    expect(errorCode(await reach({ from: '2025-01-01', to: '2025-07-01' }, env.data.b.protocolId))).toBe('PROTOCOL_NOT_FOUND');
  });

  it('bounds the list arguments', async () => {
    const KM = `query ($filter: AnalyticsFilter!) { timeToResolution(filter: $filter, maxSteps: 5) { overall { medianDays } } }`;
    expect(errorCode(await client.graphql(KM, { filter: { from: '2025-01-01', to: '2025-07-01' } }))).toBe('BAD_USER_INPUT');
    const SIGNALS = `query ($filter: AnalyticsFilter!) { themeSignals(filter: $filter, minCount: 1) { signals { categoryCode } } }`;
    expect(errorCode(await client.graphql(SIGNALS, { filter: { from: '2025-01-01', to: '2025-07-01' } }))).toBe('BAD_USER_INPUT');
  });

  it('lets only partnership roles ask, never administrators or national viewers', async () => {
    const filter = { from: '2025-01-01', to: '2025-07-01' };
    expect(errorCode(await env.app.graphql(OVERVIEW, { filter }))).toBe('UNAUTHENTICATED');
    for (const role of ['administrator', 'national_viewer'] as const) {
      const outsider = await env.app.as(role);
      expect(errorCode(await outsider.graphql(OVERVIEW, { filter }))).toBe('FORBIDDEN');
    }
  });
});
