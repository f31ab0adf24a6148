import { hash, verify, type Options } from '@node-rs/argon2';

/** `Algorithm.Argon2id`, a const enum that isolated modules cannot read. */
const ARGON2ID = 2;

/** argon2id with OWASP's baseline: 19 MiB, 2 passes, 1 lane. */
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a malformed hash alike. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash of nothing anyone knows, verified when there is no real one to check (unknown
 * email, inactive or locked account), so that every failed sign-in takes as long.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hash(`no account ${Math.random()}`, OPTIONS);
  return dummy;
}
