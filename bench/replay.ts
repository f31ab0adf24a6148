import type { AnalyticsStatement } from '@escalation-insights/server';
import pg from 'pg';

export interface Replayer {
  /** Runs the statements as the analytics do (same role, settings, snapshot); returns the total ms. */
  time(statements: readonly AnalyticsStatement[]): Promise<number>;
  /** PostgreSQL's own Execution Time, summed over EXPLAIN ANALYZE of each statement. */
  explain(statements: readonly AnalyticsStatement[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * A connection as the app's restricted role, telling PostgreSQL who is asking the way
 * TenantDatabase does, to run the analytics' SQL directly — without Nest, GraphQL or
 * the figures built in JavaScript around it.
 */
export async function openReplayer(appRoleUrl: string, actor: { partnershipId: string; userId: string }): Promise<Replayer> {
  const client = new pg.Client({ connectionString: appRoleUrl });
  await client.connect();
  const inSnapshot = async <T>(work: () => Promise<T>): Promise<T> => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      await client.query(
        `SELECT set_config('app.partnership_id', $1, true), set_config('app.role', 'business_unit', true), set_config('app.user_id', $2, true)`,
        [actor.partnershipId, actor.userId],
      );
      await client.query(`SET LOCAL work_mem = '64MB'`);
      return await work();
    } finally {
      await client.query('ROLLBACK');
    }
  };
  return {
    time: (statements) => inSnapshot(async () => {
      const started = performance.now();
      for (const s of statements) await client.query(s.sql, [...s.params]);
      return performance.now() - started;
    }),
    explain: (statements) => inSnapshot(async () => {
      let total = 0;
      for (const s of statements) {
        // A setting the analytics make for the statements after it (SET LOCAL …) is made, not explained.
        if (/^\s*SET\s/i.test(s.sql)) {
          await client.query(s.sql, [...s.params]);
          continue;
        }
        const { rows } = await client.query<{ 'QUERY PLAN': { 'Execution Time': number }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.sql}`, [...s.params]);
        total += rows[0]!['QUERY PLAN'][0]!['Execution Time'];
      }
      return total;
    }),
    close: () => client.end(),
  };
}
