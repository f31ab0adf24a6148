import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import pg from 'pg';

/** The role request traffic runs as (created by the EnforcePartnershipIsolation migration). */
export const APP_DATABASE_ROLE = 'escalation_insights_app';

const SCRAM_ITERATIONS = 4096;

/**
 * The connection string for request traffic, derived from the owner's: same server and
 * database, user `escalation_insights_app`, a password the owner sets on the role. The
 * password is an HMAC of the owner's own password, so every process on one server
 * derives the same one (tests start many apps on one cluster) and nobody needs to store
 * it; with an owner URL that carries no password, a random one is set for this process.
 * Returns the owner's URL, after a loud warning, when the role cannot be prepared: then
 * PostgreSQL does not enforce partnership isolation.
 */
export async function deriveAppDatabaseUrl(ownerUrl: string, logger: { error(message: string): void }): Promise<string> {
  const owner = new URL(ownerUrl);
  const secret = decodeURIComponent(owner.password);
  const password = secret
    ? createHmac('sha256', secret).update(APP_DATABASE_ROLE).digest('hex')
    : randomBytes(24).toString('hex');
  const appUrl = new URL(ownerUrl);
  appUrl.username = APP_DATABASE_ROLE;
  appUrl.password = password;
  const url = appUrl.toString();
  try {
    if (secret && (await canConnect(url))) return url;
    await setRolePassword(ownerUrl, password);
    return url;
  } catch (error) {
    logger.error(
      `Could not prepare the database role ${APP_DATABASE_ROLE} (${error instanceof Error ? error.message : String(error)}). ` +
        'REQUESTS WILL RUN AS THE DATABASE OWNER, WHICH BYPASSES ROW-LEVEL SECURITY: partnership isolation is then enforced by the ' +
        'application alone. Set APP_DATABASE_URL to a role that is a member of escalation_insights_app (see docs/security.md).',
    );
    return ownerUrl;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Sends a SCRAM verifier, never the password itself, so that it cannot end up in a server log. */
async function setRolePassword(ownerUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`ALTER ROLE ${APP_DATABASE_ROLE} WITH LOGIN PASSWORD '${scramVerifier(password)}'`);
        return;
      } catch (error) {
        // Two processes starting together on one server may both set it: "tuple concurrently updated".
        if (attempt >= 5 || (error as { code?: string }).code !== 'XX000') throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  } finally {
    await client.end();
  }
}

/** PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802, RFC 7677). */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, SCRAM_ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

export interface DatabaseRoleFacts {
  readonly user: string;
  readonly superuser: boolean;
  readonly bypassesRls: boolean;
  readonly ownsTables: boolean;
}

/** Whether PostgreSQL applies row-level security to the role a connection runs as. */
export function isRestricted(facts: DatabaseRoleFacts): boolean {
  return !facts.superuser && !facts.bypassesRls && !facts.ownsTables;
}

export const ROLE_FACTS_SQL = `
  SELECT current_user AS "user", r.rolsuper AS superuser, r.rolbypassrls AS "bypassesRls",
         EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS "ownsTables"
  FROM pg_roles r WHERE r.rolname = current_user`;
