import type { UserRole } from '@escalation-insights/shared';
import { insertAnalyticsDataset, NOW, PERIOD, type AnalyticsDataset } from './analytics-dataset.js';
import { startTestApp, type GraphqlResponse, type TestApp, type TestClient } from './test-app.js';

/** The app over the hand-built data set, its clock fixed at NOW; fixtures go in after start-up, so no refresh touches them. */
export interface AnalyticsTestApp {
  readonly app: TestApp;
  readonly data: AnalyticsDataset;
  /** A signed-in user of partnership A (or B). */
  as(role: UserRole, partnership?: 'a' | 'b'): Promise<TestClient>;
}

export async function startAnalyticsApp(): Promise<AnalyticsTestApp> {
  const app = await startTestApp({ clock: () => NOW, outcomeRefreshMinutes: 0, queryLimits: { maxCost: 1_000_000, costPerMinute: 100_000_000 } });
  try {
    const data = await insertAnalyticsDataset(app.databaseUrl);
    return {
      app,
      data,
      as: (role, partnership = 'a') => app.as(role, { partnershipId: (partnership === 'a' ? data.a : data.b).partnershipId }),
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** The data of a response, failing with its errors when there are any. */
export function dataOf<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

/** The code of a response's first error. */
export function errorCode(response: GraphqlResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

export const DEFAULT_FILTER = { ...PERIOD };

export const COUNT = `{ value display suppressed }`;

/** Values of counts by a key, e.g. `{ 1: 19, 2: 9 }`. */
export function values<T>(items: readonly T[], key: (item: T) => string | number, count: (item: T) => { value: number | null }): Record<string, number | null> {
  return Object.fromEntries(items.map((item) => [String(key(item)), count(item).value]));
}
