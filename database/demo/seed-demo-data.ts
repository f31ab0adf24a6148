import pg from 'pg';
import { generateDemoData, type DemoDataOptions, type DemoSummary } from './generate-demo-data.js';

/** Advisory-lock key held while one process decides whether to seed (any fixed 64-bit number). */
const SEED_LOCK = 7_341_926_101;

/**
 * Seeds the demo data when the database holds no partnership at all; otherwise does
 * nothing. Returns whether it seeded. An advisory lock keeps two processes starting
 * together from both seeding.
 */
export async function seedDemoDataIfEmpty(url: string, options: DemoDataOptions): Promise<boolean> {
  return (await seedDemoDataIfEmptyWithSummary(url, options)) !== null;
}

/** As {@link seedDemoDataIfEmpty}, returning the summary when it seeded and null when it did not. */
export async function seedDemoDataIfEmptyWithSummary(url: string, options: DemoDataOptions): Promise<DemoSummary | null> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
    const found = await lock.query('SELECT 1 FROM partnership LIMIT 1');
    if (found.rowCount !== 0) return null;
    return await generateDemoData(url, options);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

/**
 * The development child-key secret (the server's default outside production). The demo
 * children are invented, so pseudonymising them under a well-known key exposes nothing;
 * pass the deployment's own secret to keep its child keys consistent.
 */
export const DEMO_CHILD_KEY_SECRET = 'escalation-insights-development-child-key-secret';

/**
 * What the server calls on start-up when demo data is enabled: the default size and seed,
 * ending now, only into an empty database. Returns whether it seeded.
 */
export async function seedDemoData(url: string, options: Partial<DemoDataOptions> = {}): Promise<boolean> {
  return seedDemoDataIfEmpty(url, { ...options, childKeySecret: options.childKeySecret ?? DEMO_CHILD_KEY_SECRET });
}
