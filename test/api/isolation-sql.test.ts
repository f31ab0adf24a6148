import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateDemoData } from '@escalation-insights/database';
import { APP_DATABASE_ROLE } from '@escalation-insights/server';
import type { UserRole } from '@escalation-insights/shared';
import pg from 'pg';
import { appRoleUrl, inTenant, TENANT_TABLES_SQL, type TenantSettings } from '../support/app-role.js';
import { createUser } from '../support/sign-in.js';
import { createTestDatabase, withClient, type TestDatabase } from '../support/test-database.js';

/*
 * Partnership isolation as PostgreSQL enforces it: raw SQL as the app's own database
 * role, with the settings TenantDatabase sets, on every table that holds a partnership id.
 */

/**
 * Tables the app role holds no privilege on at all: sessions (read through a security-definer
 * function only) and the analytics bulk-load queue (written and drained by the facts triggers'
 * security-definer functions only).
 */
const NOT_GRANTED: ReadonlySet<string> = new Set(['user_session', 'analytics_pending_sync']);

const RECORD_ROLES: readonly UserRole[] = ['business_unit', 'executive', 'improvement_group', 'scrutineer'];

interface TenantTable {
  readonly table: string;
  readonly rls: boolean;
  readonly column: string;
}

describe('row-level security on the app role', () => {
  let database: TestDatabase;
  let appUrl: string;
  let app: pg.Client;
  let tables: TenantTable[];
  let partnerships: string[];
  /** Rows per table and partnership, as the owner counts them. */
  let owned: Record<string, Record<string, number>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await generateDemoData(database.url, { size: 400, seed: 11, asOf: new Date('2025-11-26T12:00:00Z'), childKeySecret: 'isolation-test-secret-of-32-characters!' });
    await withClient(database.url, async (owner) => {
      const ids = (await owner.query<{ id: string }>('SELECT id::text FROM partnership ORDER BY id')).rows.map((row) => row.id);
      for (const id of ids) {
        // Rows the demo data does not make: a correction and an audit event per partnership.
        await owner.query(
          `INSERT INTO escalation_correction (partnership_id, escalation_id, target, before, after, reason)
           SELECT partnership_id, id, 'escalation', '{}', '{}', 'test' FROM escalation WHERE partnership_id = $1 LIMIT 1`,
          [id],
        );
        await owner.query(
          `INSERT INTO audit_event (partnership_id, actor_label, action, entity_type, hash) VALUES ($1, 'test', 'test.done', 'test', repeat('a', 64))`,
          [id],
        );
      }
    });
    for (const id of (await ownerRows<{ id: string }>('SELECT id::text FROM partnership ORDER BY id')).map((row) => row.id)) {
      await createUser(database.url, 'business_unit', { partnershipId: id });
      await createUser(database.url, 'administrator', { partnershipId: id });
    }
    await createUser(database.url, 'national_viewer');
    tables = await ownerRows<TenantTable>(TENANT_TABLES_SQL);
    partnerships = (await ownerRows<{ id: string }>('SELECT id::text FROM partnership ORDER BY id')).map((row) => row.id);
    owned = {};
    for (const { table, column } of tables) {
      owned[table] = {};
      for (const row of await ownerRows<{ p: string; n: number }>(`SELECT ${column}::text AS p, count(*)::int AS n FROM ${table} GROUP BY 1`)) {
        owned[table][row.p] = row.n;
      }
    }
    appUrl = await appRoleUrl(database.url);
    app = new pg.Client({ connectionString: appUrl });
    await app.connect();
  }, 120_000);
  afterAll(async () => {
    await app?.end();
    await database?.drop();
  });

  function ownerRows<T>(sql: string, values: unknown[] = []): Promise<T[]> {
    return withClient(database.url, async (client) => (await client.query(sql, values)).rows as T[]);
  }

  /** Per table: [rows of the partnership asked for, rows of any other], or 'denied' without the privilege. */
  async function visible(settings: TenantSettings, own: string | null): Promise<Record<string, [number, number] | 'denied'>> {
    return inTenant(app, settings, async () => {
      const seen: Record<string, [number, number] | 'denied'> = {};
      for (const { table, column } of tables) {
        await app.query('SAVEPOINT probe');
        try {
          const { rows } = await app.query<{ mine: number; others: number }>(
            `SELECT count(*) FILTER (WHERE ${column} IS NOT DISTINCT FROM $1::bigint)::int AS mine,
                    count(*) FILTER (WHERE ${column} IS DISTINCT FROM $1::bigint)::int AS others FROM ${table}`,
            [own],
          );
          seen[table] = [rows[0]!.mine, rows[0]!.others];
          await app.query('RELEASE SAVEPOINT probe');
        } catch (error) {
          if ((error as { code?: string }).code !== '42501') throw error;
          seen[table] = 'denied';
          await app.query('ROLLBACK TO SAVEPOINT probe');
        }
      }
      return seen;
    });
  }

  it('runs as a role that cannot bypass it: no superuser, no BYPASSRLS, owner of nothing', async () => {
    expect(new URL(appUrl).username).toBe(APP_DATABASE_ROLE);
    const { rows } = await app.query(`
      SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypass,
             (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owns
      FROM pg_roles r WHERE r.rolname = current_user`);
    expect(rows).toEqual([{ superuser: false, bypass: false, owns: 0 }]);
  });

  it('is enabled on every table that holds a partnership id', () => {
    expect(tables.length).toBeGreaterThanOrEqual(20);
    expect(tables.filter((table) => !table.rls).map((table) => table.table)).toEqual([]);
  });

  it('shows a record role of each partnership all of its own rows and none of any other, in every table', async () => {
    for (const partnershipId of partnerships) {
      for (const role of RECORD_ROLES) {
        const seen = await visible({ partnershipId, role }, partnershipId);
        for (const { table } of tables) {
          const got = seen[table];
          if (got === 'denied') {
            expect([table, NOT_GRANTED.has(table)]).toEqual([table, true]);
            continue;
          }
          const mine = table === 'app_user' ? 0 : (owned[table]![partnershipId] ?? 0);
          expect([table, role, got]).toEqual([table, role, [mine, 0]]);
        }
      }
    }
  });

  it('shows nothing at all to a connection that has not said who is asking', async () => {
    const { rows } = await app.query('SELECT (SELECT count(*) FROM escalation)::int AS e, (SELECT count(*) FROM partnership)::int AS p, (SELECT count(*) FROM app_user)::int AS u');
    expect(rows).toEqual([{ e: 0, p: 0, u: 0 }]);
    const seen = await visible({ partnershipId: null, role: null }, null);
    for (const { table } of tables) expect([table, seen[table]]).toEqual([table, NOT_GRANTED.has(table) ? 'denied' : [0, 0]]);
  });

  it('never shows an administrator a record, but lets them see their partnership’s users and reference data', async () => {
    const [a] = partnerships;
    const seen = await visible({ partnershipId: a!, role: 'administrator' }, a!);
    expect(seen['escalation']).toEqual([0, 0]);
    expect(seen['milestone']).toEqual([0, 0]);
    expect(seen['learning_item']).toEqual([0, 0]);
    expect(seen['agency']).toEqual([owned['agency']![a!], 0]);
    expect(seen['app_user']).toEqual([owned['app_user']![a!], 0]);
    const everywhere = await visible({ partnershipId: null, role: 'administrator' }, a!);
    expect(everywhere['escalation']).toEqual([0, 0]);
    expect(everywhere['protocol']![1]).toBeGreaterThan(0);
  });

  it('lets a national viewer read the aggregate views across partnerships, and never a record', async () => {
    const total = await ownerRows<{ n: number }>('SELECT count(*)::int AS n FROM escalation');
    const seen = await visible({ partnershipId: null, role: 'national_viewer' }, null);
    for (const table of ['escalation', 'stage_entry', 'milestone', 'timescale_outcome', 'strategic_log_entry', 'learning_item']) {
      expect([table, seen[table]]).toEqual([table, [0, 0]]);
    }
    const summed = await inTenant(app, { partnershipId: null, role: 'national_viewer' }, async () =>
      (await app.query('SELECT sum(escalations)::int AS n, count(DISTINCT partnership_id)::int AS p FROM national_escalation_summary')).rows,
    );
    expect(summed).toEqual([{ n: total[0]!.n, p: partnerships.length }]);
    const own = await inTenant(app, { partnershipId: partnerships[0]!, role: 'executive' }, async () =>
      (await app.query('SELECT DISTINCT partnership_id::text AS p FROM national_escalation_summary')).rows,
    );
    expect(own).toEqual([{ p: partnerships[0] }]);
    const none = await inTenant(app, { partnershipId: null, role: 'administrator' }, async () =>
      (await app.query('SELECT count(*)::int AS n FROM national_timescale_summary')).rows,
    );
    expect(none).toEqual([{ n: 0 }]);
  });

  it("refuses to write into another partnership's rows", async () => {
    const [a, b] = partnerships;
    const business = { partnershipId: a!, role: 'business_unit' as const };
    await expect(
      inTenant(app, business, () => app.query(`INSERT INTO strategic_log_entry (partnership_id, title, added_on) VALUES ($1, 'x', '2025-01-01')`, [b])),
    ).rejects.toMatchObject({ code: '42501' });
    const changed = await inTenant(app, business, async () => [
      (await app.query(`UPDATE escalation SET summary = 'changed' WHERE partnership_id = $1`, [b])).rowCount,
      (await app.query(`DELETE FROM milestone WHERE partnership_id = $1`, [b])).rowCount,
    ]);
    expect(changed).toEqual([0, 0]);
    await expect(
      inTenant(app, { partnershipId: a!, role: 'administrator' }, () => app.query(`UPDATE agency SET name = name || '!' WHERE partnership_id = $1 RETURNING id`, [b])),
    ).resolves.toMatchObject({ rowCount: 0 });
  });

  it('keeps each transaction to its own partnership on a pool of two, with 50 interleaved transactions', async () => {
    const pool = new pg.Pool({ connectionString: appUrl, max: 2 });
    try {
      const [a, b] = partnerships;
      const results = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const own = i % 2 === 0 ? a! : b!;
          const client = await pool.connect();
          try {
            return await inTenant(client, { partnershipId: own, role: 'scrutineer' }, async () => {
              await client.query('SELECT pg_sleep($1)', [(i % 5) / 1000]);
              const { rows } = await client.query<{ others: number; mine: number }>(
                `SELECT count(*) FILTER (WHERE partnership_id <> $1)::int AS others, count(*)::int AS mine FROM escalation`,
                [own],
              );
              return { own, ...rows[0]! };
            });
          } finally {
            client.release();
          }
        }),
      );
      expect(results.filter((result) => result.others !== 0)).toEqual([]);
      expect(results.every((result) => result.mine === owned['escalation']![result.own])).toBe(true);
      // Transaction-local: nothing is left on the pooled connections afterwards.
      const after = await pool.query('SELECT count(*)::int AS n FROM escalation');
      expect(after.rows).toEqual([{ n: 0 }]);
    } finally {
      await pool.end();
    }
  });
});
