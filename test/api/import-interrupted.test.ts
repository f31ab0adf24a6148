import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InstalledPartnership } from '@escalation-insights/database';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeSyntheticLog } from '@escalation-insights/server';
import { DUDLEY } from '@escalation-insights/shared';
import { insertPartnership, STANDARD_AGENCIES } from '../support/fixtures.js';
import { importApi, mappingFrom, upload, waitForImport } from '../support/import-api.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/** The commit's advisory lock (ImportRunner): its holder is the backend running the commit's transaction. */
const COMMIT_LOCK_CLASS = 74_200_002;

describe('an import interrupted midway', () => {
  let app: TestApp;
  let dudley: InstalledPartnership;
  let bu: TestClient;
  const file = path.join(tmpdir(), `ei-interrupted-${process.pid}.csv`);

  beforeAll(async () => {
    app = await startTestApp({ seed: async (url) => (dudley = await insertPartnership(url, { template: DUDLEY })) });
    bu = await app.as('business_unit', { partnershipId: dudley.partnershipId });
    await writeSyntheticLog(file, { rows: 6_000, agencies: STANDARD_AGENCIES.map((a) => a.name), categories: DUDLEY.categories.map((c) => c.code) });
  });
  afterAll(async () => {
    await rm(file, { force: true });
    await app?.close();
  });

  it('leaves no partial data when its database connection is killed during the commit', async () => {
    const id = (await upload(app.url, bu.cookie, dudley.partnershipId, 'big.csv', await readFile(file))).body.id!;
    await importApi.setMapping(bu, dudley.partnershipId, id, mappingFrom(await importApi.suggestion(bu, dudley.partnershipId, id), { dateOrder: 'DAY_FIRST' }));
    await importApi.commit(bu, dudley.partnershipId, id);
    const writing = await waitForImport(bu, dudley.partnershipId, id, (s) => s.progress.rowsWritten >= 2_000 || s.status !== 'COMMITTING');
    expect(writing.status).toBe('COMMITTING');

    const killed = await withClient(app.databaseUrl, async (client) =>
      (await client.query(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_locks
         WHERE locktype = 'advisory' AND classid = $1 AND objsubid = 2 AND granted`,
        [COMMIT_LOCK_CLASS],
      )).rows);
    expect(killed).toEqual([{ killed: true }]);

    const failed = await waitForImport(bu, dudley.partnershipId, id, undefined, 240_000);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/Nothing was written\.$/);
    const stored = await withClient(app.databaseUrl, async (client) => {
      const count = async (sql: string) => (await client.query(sql, [dudley.partnershipId])).rows[0].n as number;
      return {
        escalations: await count('SELECT count(*)::int AS n FROM escalation WHERE partnership_id = $1'),
        stageEntries: await count('SELECT count(*)::int AS n FROM stage_entry WHERE partnership_id = $1'),
        outcomes: await count('SELECT count(*)::int AS n FROM timescale_outcome WHERE partnership_id = $1'),
        facts: await count('SELECT count(*)::int AS n FROM analytics_escalation WHERE partnership_id = $1'),
        monthly: await count('SELECT count(*)::int AS n FROM analytics_escalation_month WHERE partnership_id = $1'),
        audit: await count(`SELECT count(*)::int AS n FROM audit_event WHERE partnership_id = $1 AND action = 'escalations.imported'`),
      };
    });
    expect(stored).toEqual({ escalations: 0, stageEntries: 0, outcomes: 0, facts: 0, monthly: 0, audit: 0 });

    // The same file goes in whole on the next try.
    await importApi.commit(bu, dudley.partnershipId, id);
    const committed = await waitForImport(bu, dudley.partnershipId, id, undefined, 240_000);
    expect(committed).toMatchObject({ status: 'COMMITTED', counts: { toCreate: 6_000 } });
  }, 600_000);
});
