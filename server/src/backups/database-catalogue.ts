import type pg from 'pg';
import type { AuditChainHead, BackupSequence } from './backup-manifest.js';

export interface CatalogueTable {
  readonly name: string;
  readonly columns: readonly string[];
}

/** Every table of the public schema with its stored columns (not generated ones), by name. */
export async function listTables(client: pg.ClientBase): Promise<CatalogueTable[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    GROUP BY c.relname
    ORDER BY c.relname`);
  return rows.map((row) => ({ name: row.name, columns: row.columns ?? [] }));
}

/** Every sequence of the public schema with where it stands (read as a plain row: not affected by any snapshot). */
export async function readSequences(client: pg.ClientBase): Promise<BackupSequence[]> {
  const { rows: names } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const sequences: BackupSequence[] = [];
  for (const { name } of names) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM public."${name.replace(/"/g, '""')}"`,
    );
    sequences.push({ name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
  }
  return sequences;
}

/** Names of the applied migrations in the order they ran; empty when the database was never migrated. */
export async function readMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows: [found] } = await client.query<{ exists: boolean }>(`SELECT to_regclass('public.migrations') IS NOT NULL AS exists`);
  if (!found?.exists) return [];
  const { rows } = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
  return rows.map((row) => row.name);
}

/** The last event of each audit chain (one per partnership, and one for events outside any partnership). */
export async function readAuditChainHeads(client: pg.ClientBase): Promise<AuditChainHead[]> {
  const { rows: [found] } = await client.query<{ exists: boolean }>(`SELECT to_regclass('public.audit_event') IS NOT NULL AS exists`);
  if (!found?.exists) return [];
  const { rows } = await client.query<{ partnership_id: string | null; events: string; last_id: string; last_hash: string }>(`
    SELECT c.partnership_id::text, c.events::text, c.last_id::text, e.hash AS last_hash
    FROM (SELECT partnership_id, count(*) AS events, max(id) AS last_id FROM audit_event GROUP BY partnership_id) c
    JOIN audit_event e ON e.id = c.last_id
    ORDER BY c.partnership_id NULLS FIRST`);
  return rows.map((row) => ({ partnershipId: row.partnership_id, events: Number(row.events), lastId: row.last_id, lastHash: row.last_hash }));
}

/** Exact row counts of the tables named. */
export async function countRows(client: pg.ClientBase, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM public."${table.replace(/"/g, '""')}"`);
    counts.set(table, Number(rows[0]!.n));
  }
  return counts;
}
