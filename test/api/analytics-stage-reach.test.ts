import { COUNT, dataOf, DEFAULT_FILTER, startAnalyticsApp, values, type AnalyticsTestApp } from '../support/analytics-api.js';

const TIER = `{ tier reached ${COUNT} share }`;
const RESOLUTION = `{ state tier count ${COUNT} share }`;
const STAGE_REACH = `query ($filter: AnalyticsFilter!, $protocolId: ID) {
  stageReach(filter: $filter, protocolId: $protocolId) {
    cohort { escalations ${COUNT} outOfScope ${COUNT} smallNumbersSuppressed period { from to days } }
    tiers ${TIER}
    resolvedAt ${RESOLUTION}
    stages { protocolName escalations ${COUNT} stages { stageCode tier reached ${COUNT} entered ${COUNT} skipped ${COUNT} share } }
    byRaisingAgency { key label escalations ${COUNT} tiers ${TIER} resolvedAt ${RESOLUTION} }
    byReceivingAgency { key label escalations ${COUNT} tiers ${TIER} }
    byCategory { key label escalations ${COUNT} tiers ${TIER} }
  }
}`;

interface Count { value: number | null; display: string; suppressed: boolean }
interface Tier { tier: number; reached: Count; share: number | null }
interface Resolution { state: string; tier: number | null; count: Count; share: number | null }
interface StageReachData {
  stageReach: {
    cohort: { escalations: Count; outOfScope: Count; smallNumbersSuppressed: boolean; period: { days: number } };
    tiers: Tier[];
    resolvedAt: Resolution[];
    stages: { protocolName: string; escalations: Count; stages: { stageCode: string; tier: number; reached: Count; entered: Count; skipped: Count; share: number | null }[] } | null;
    byRaisingAgency: { key: string; label: string; escalations: Count; tiers: Tier[]; resolvedAt: Resolution[] }[];
    byReceivingAgency: { key: string; label: string; escalations: Count; tiers: Tier[] }[];
    byCategory: { key: string; label: string; escalations: Count; tiers: Tier[] }[];
  };
}

describe('stage reach', () => {
  let env: AnalyticsTestApp;
  let result: StageReachData['stageReach'];

  beforeAll(async () => {
    env = await startAnalyticsApp();
    const client = await env.as('business_unit');
    result = dataOf(await client.graphql<StageReachData>(STAGE_REACH, { filter: DEFAULT_FILTER })).stageReach;
  });
  afterAll(async () => {
    await env?.app.close();
  });

  it('counts the cohort without the out-of-scope escalation, and that one on its own', () => {
    // Raised in [2025-01-01, 2025-07-01): A01–A20 = 20; A14 is out of scope → cohort 19, out of scope 1.
    // A21 (December 2024), A22 (October 2024) and partnership B's five are not in it.
    expect(result.cohort.escalations.value).toBe(19);
    expect(result.cohort.outOfScope.value).toBe(1);
    expect(result.cohort.smallNumbersSuppressed).toBe(false);
    expect(result.cohort.period.days).toBe(181); // 31 + 28 + 31 + 30 + 31 + 30
  });

  it('counts an escalation that reached a higher tier in every lower tier\'s reach', () => {
    // Highest tiers: tier 1 ×10 (A01 A02 A04 A07 A10 A12 A16 A17 A19 A20), tier 2 ×4 (A03 A08 A13 A18),
    // tier 3 ×3 (A05 A06 A15), tier 4 ×1 (A09), tier 5 ×1 (A11).
    // Reach(k) = #(highest ≥ k): 19, 4+3+1+1 = 9, 3+1+1 = 5, 1+1 = 2, 1.
    expect(values(result.tiers, (t) => t.tier, (t) => t.reached)).toEqual({ 1: 19, 2: 9, 3: 5, 4: 2, 5: 1 });
    expect(result.tiers.map((t) => t.share)).toEqual([19 / 19, 9 / 19, 5 / 19, 2 / 19, 1 / 19]);
  });

  it('splits the cohort into resolved at each tier, open and withdrawn, adding up to it', () => {
    // Resolved at tier 1: A01 A02 A04 A10 A12 A16 A19 A20 = 8; tier 2: A03 A08 = 2; tier 3: A05 A06 = 2;
    // tier 4: A09 = 1; tier 5: A11 = 1. Open: A15 A17 A18 = 3. Withdrawn: A07 A13 = 2. 8+2+2+1+1+3+2 = 19.
    expect(result.resolvedAt.map((r) => [r.state, r.tier, r.count.value])).toEqual([
      ['RESOLVED', 1, 8], ['RESOLVED', 2, 2], ['RESOLVED', 3, 2], ['RESOLVED', 4, 1], ['RESOLVED', 5, 1], ['OPEN', null, 3], ['WITHDRAWN', null, 2],
    ]);
    expect(result.resolvedAt.map((r) => r.share)).toEqual([8 / 19, 2 / 19, 2 / 19, 1 / 19, 1 / 19, 3 / 19, 2 / 19]);
  });

  it("shows the protocol's own stages, with the skipped stage 2 of an immediate-risk escalation", () => {
    // The active protocol of the only partnership (Dudley's), over its 19 escalations.
    // reached = highest stage order ≥ the stage's: stage 1 all 19; stage 2 (order 2): A03 A05 A06 A08 A09 A11 A13 A15 A18 = 9;
    // 3a: A05 A06 A09 A11 A15 = 5; 3b: A09 A11 = 2; exceptional: A11 = 1.
    // entered = has a stage entry: as reached, except A06 went 1 → 3a, so stage 2 entered 8, skipped 9 − 8 = 1.
    const stages = result.stages!;
    expect(stages.escalations.value).toBe(19);
    expect(stages.stages.map((s) => [s.stageCode, s.tier, s.reached.value, s.entered.value, s.skipped.value])).toEqual([
      ['1', 1, 19, 19, 0], ['2', 2, 9, 8, 1], ['3a', 3, 5, 5, 0], ['3b', 4, 2, 2, 0], ['exceptional', 5, 1, 1, 0],
    ]);
    expect(stages.stages.map((s) => s.share)).toEqual([1, 9 / 19, 5 / 19, 2 / 19, 1 / 19]);
  });

  it('splits reach by raising agency, receiving agency and category', () => {
    // Raising: Health A01 A04 A07 A09 A12 A15 A16 A20 = 8; Education A02 A06 A10 A18 = 4; Police A03 A08 A13 A19 = 4; CSC A05 A11 A17 = 3.
    expect(Object.fromEntries(result.byRaisingAgency.map((r) => [r.label, r.escalations.value]))).toEqual({
      "Children's Social Care": 3, Education: 4, Health: 8, Police: 4,
    });
    // Health's tier reach: A09 tier 4, A15 tier 3, the other six tier 1 → 8, 2, 2, 1, 0.
    const health = result.byRaisingAgency.find((r) => r.label === 'Health')!;
    expect(health.tiers.map((t) => t.reached.value)).toEqual([8, 2, 2, 1, 0]);
    // Its resolved-at: tier 1 A01 A04 A12 A16 A20 = 5, tier 4 A09 = 1, open A15 = 1, withdrawn A07 = 1.
    expect(health.resolvedAt.map((r) => r.count.value)).toEqual([5, 0, 0, 1, 0, 1, 1]);
    // Receiving: CSC A01 A02 A03 A06 A07 A09 A12 A13 A15 A18 A20 = 11; Police A04 A10 A11 A16 = 4; Health A05 A19 = 2; Education A08 A17 = 2.
    expect(Object.fromEntries(result.byReceivingAgency.map((r) => [r.label, r.escalations.value]))).toEqual({
      "Children's Social Care": 11, Education: 2, Health: 2, Police: 4,
    });
    // Categories: CA 9 (A01 A02 A06 A07 A11 A12 A17 A18 A20), AANC 3 (A03 A09 A15), PNMN 2 (A05 A13), ISS 5 (A04 A08 A10 A16 A19).
    expect(Object.fromEntries(result.byCategory.map((r) => [r.key, r.escalations.value]))).toEqual({
      course_of_action: 9, agreed_action_not_completed: 3, plan_not_meeting_needs: 2, information_sharing_or_services: 5,
    });
    // Course of action's reach: A18 tier 2, A06 tier 3, A11 tier 5, the other six tier 1 → 9, 3, 2, 1, 1.
    expect(result.byCategory.find((r) => r.key === 'course_of_action')!.tiers.map((t) => t.reached.value)).toEqual([9, 3, 2, 1, 1]);
  });

  it("shows partnership B's own figures to its users, and never A's", async () => {
    const client = await env.as('scrutineer', 'b');
    const b = dataOf(await client.graphql<StageReachData>(STAGE_REACH, { filter: DEFAULT_FILTER })).stageReach;
    // B01–B05; tiers (Gloucestershire: stage 1 → 1, 2 → 3, 3 → 4, 4 → 5): B01 1, B02 3, B03 4, B04 1, B05 5.
    expect(b.cohort.escalations.value).toBe(5);
    expect(b.tiers.map((t) => t.reached.value)).toEqual([5, 3, 3, 2, 1]);
    expect(b.stages!.stages.map((s) => [s.stageCode, s.reached.value])).toEqual([['1', 5], ['2', 3], ['3', 2], ['4', 1]]);
  });

  it('narrows the cohort by the filter lists', async () => {
    const client = await env.as('business_unit');
    const { partnershipId, agencies } = env.data.a;
    const filter = { ...DEFAULT_FILTER, partnershipIds: [partnershipId], receivingAgencyIds: [agencies['Police']], urgencies: ['STANDARD'] };
    const narrowed = dataOf(await client.graphql<StageReachData>(STAGE_REACH, { filter })).stageReach;
    // Received by Police and standard: A04, A11, A16 (A10 is urgent) → 3; A11 reached tier 5.
    expect(narrowed.cohort.escalations.value).toBe(3);
    expect(narrowed.tiers.map((t) => t.reached.value)).toEqual([3, 1, 1, 1, 1]);
  });

  it('counts the same over part-months as the whole months do (month facts and row edges agree)', async () => {
    const client = await env.as('business_unit');
    // [2025-01-10, 2025-06-20): drops A01 (6 Jan) and A19 (23 Jun), A20 (30 Jun) → 16; the months February–May come
    // from the month facts, 10–31 January and 1–19 June from the rows.
    const partial = dataOf(await client.graphql<StageReachData>(STAGE_REACH, { filter: { from: '2025-01-10', to: '2025-06-20' } })).stageReach;
    expect(partial.cohort.escalations.value).toBe(16);
    expect(partial.cohort.outOfScope.value).toBe(1);
    expect(partial.resolvedAt.map((r) => r.count.value)).toEqual([5, 2, 2, 1, 1, 3, 2]);
  });
});
