import { randomBytes } from 'node:crypto';
import { hashPassword, hashSessionToken, newSessionToken, sessionCookieName } from '@escalation-insights/server';
import type { UserRole } from '@escalation-insights/shared';
import { withClient } from './test-database.js';

export interface TestUserOptions {
  /** The user's partnership; null (the default for national viewers and administrators) for none. */
  readonly partnershipId?: string | null;
  readonly email?: string;
  /** Stored as an argon2id hash; without one the user can only use a session made by `signIn`. */
  readonly password?: string;
  readonly isActive?: boolean;
}

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly role: UserRole;
  readonly partnershipId: string | null;
}

/** Inserts a user as the database owner (fixtures bypass the app, and row-level security). */
export async function createUser(databaseUrl: string, role: UserRole, options: TestUserOptions = {}): Promise<TestUser> {
  const email = options.email ?? `${role.replace(/_/g, '-')}-${randomBytes(5).toString('hex')}@test.example`;
  const partnershipId = options.partnershipId ?? null;
  const passwordHash = options.password === undefined ? null : await hashPassword(options.password);
  const { rows } = await withClient(databaseUrl, (client) =>
    client.query<{ id: string }>(
      `INSERT INTO app_user (partnership_id, email, display_name, role, password_hash, is_active)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text`,
      [partnershipId, email, `Test ${role}`, role, passwordHash, options.isActive ?? true],
    ),
  );
  return { id: rows[0]!.id, email, role, partnershipId };
}

export interface SignedInUser extends TestUser {
  /** The Cookie header that carries the session. */
  readonly cookie: string;
}

/**
 * A user of `role` with a live session, made directly in the database (no password
 * hashing, no sign-in rate limit): the cookie is what the browser would hold after
 * signing in. `secure` picks the production cookie name.
 */
export async function signIn(databaseUrl: string, role: UserRole, options: TestUserOptions & { readonly secure?: boolean } = {}): Promise<SignedInUser> {
  const user = await createUser(databaseUrl, role, options);
  const token = newSessionToken();
  await withClient(databaseUrl, (client) =>
    client.query(`INSERT INTO user_session (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '12 hours')`, [
      user.id,
      hashSessionToken(token),
    ]),
  );
  return { ...user, cookie: `${sessionCookieName(options.secure ?? false)}=${token}` };
}
