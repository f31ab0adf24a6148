import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InstalledPartnership } from '@escalation-insights/database';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeSyntheticLog } from '@escalation-insights/server';
import { DUDLEY } from '@escalation-insights/shared';
import { insertPartnership, STANDARD_AGENCIES } from '../support/fixtures.js';
import { createTestDatabase, withClient, type TestDatabase } from '../support/test-database.js';

const CLI = fileURLToPath(new URL('../../server/dist/imports/cli/import-cli.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/imports/', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('npm run import (the command line)', () => {
  let database: TestDatabase;
  let dudley: InstalledPartnership;
  const log = path.join(tmpdir(), `ei-cli-${process.pid}.csv`);

  beforeAll(async () => {
    database = await createTestDatabase();
    dudley = await insertPartnership(database.url, { template: DUDLEY });
    await writeSyntheticLog(log, { rows: 3_000, agencies: STANDARD_AGENCIES.map((a) => a.name), categories: DUDLEY.categories.map((c) => c.code) });
  });
  afterAll(async () => {
    await rm(log, { force: true });
    await database?.drop();
  });

  const run = (...args: string[]) =>
    new Promise<Run>((resolve) => {
      execFile(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'test' } }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr }));
    });
  const count = () => withClient(database.url, async (client) => (await client.query('SELECT count(*)::int AS n FROM escalation WHERE partnership_id = $1', [dudley.partnershipId])).rows[0].n as number);

  it('imports a file with progress, then finds nothing to change in it the second time', async () => {
    const first = await run(log, '--partnership', dudley.partnershipId, '--date-order', 'day-first');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/importing: 2,000 rows checked, 2,000 written/);
    expect(first.stdout).toMatch(/recomputing timescales/);
    expect(first.stdout).toMatch(/3,000 rows: 3000 new, 0 changed, 0 unchanged, 0 with problems\./);
    expect(first.stdout).toMatch(/Import \d+: committed \(file SHA-256 [0-9a-f]{64}\)\./);
    expect(await count()).toBe(3_000);

    const again = await run(log, '--partnership', dudley.partnershipId);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/3,000 rows: 0 new, 0 changed, 3000 unchanged/);
    expect(await count()).toBe(3_000);
  }, 120_000);

  it('lists the problems of a bad file, writes nothing and exits 1', async () => {
    const before = await count();
    const result = await run(path.join(FIXTURES, 'dudley-bad-rows.csv'), '--partnership', dudley.partnershipId, '--default-raised-via', 'phone');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('row 2, Stage 3a date: Stage 3a (15/01/2025 09:00) is dated before stage 2 (20/01/2025 09:00).');
    expect(result.stdout).toContain('row 10, Ref: Reference "GOOD-001" is also on row 7: each escalation once.');
    expect(result.stderr).toContain('8 rows have problems: nothing was written.');
    expect(await count()).toBe(before);
  }, 60_000);

  it('says what is missing from the command', async () => {
    const result = await run(log);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--partnership must be a partnership id/);
  });
});
