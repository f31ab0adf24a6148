import { deriveAppDatabaseUrl } from '@escalation-insights/server';
import type { UserRole } from '@escalation-insights/shared';
import pg from 'pg';


/** The connection string the app uses for requests: the restricted role (prepared if need be). */
export async function appRoleUrl(ownerUrl: string): Promise<string> {
  return deriveAppDatabaseUrl(ownerUrl, { error: (message) => console.error(message) });
}

/** Who PostgreSQL is told is asking, as TenantDatabase tells it. */
export interface TenantSettings {
  readonly partnershipId: string | null;
  readonly role: UserRole | 'system' | null;
  readonly userId?: string | null;
}

/** Runs `work` in a transaction with the settings TenantDatabase would set for such an actor. */
export async function inTenant<T>(client: pg.ClientBase, settings: TenantSettings, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(
      `SELECT set_config('app.partnership_id', $1, true), set_config('app.role', $2, true),
              set_config('app.user_id', $3, true), set_config('app.national', $4, true)`,
      [settings.partnershipId ?? '', settings.role ?? '', settings.userId ?? '', settings.role === 'national_viewer' ? 'on' : ''],
    );
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Every table of the public schema with a partnership id (partnership itself included), as the catalogue says. */
export const TENANT_TABLES_SQL = `
  SELECT c.relname AS table, c.relrowsecurity AS rls,
         CASE WHEN c.relname = 'partnership' THEN 'id' ELSE 'partnership_id' END AS column
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    AND (c.relname = 'partnership' OR EXISTS (
      SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'partnership_id' AND NOT a.attisdropped))
  ORDER BY c.relname`;
