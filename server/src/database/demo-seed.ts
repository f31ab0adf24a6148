import { seedDemoData } from '@escalation-insights/database';
import type { Logger } from '@nestjs/common';
import pg from 'pg';

/**
 * On start: fills a database that has no partnership with the deterministic demo data.
 * The generator checks again under an advisory lock, so two processes starting together
 * seed once; the check here only decides whether to tell the user to wait. Child keys
 * use the deployment's secret.
 */
export async function seedDemoDataIfEmpty(url: string, childKeySecret: string, logger: Logger): Promise<void> {
  if (await hasPartnership(url)) return;
  logger.log('The database has no partnership: loading the demo data (takes a few seconds)');
  const started = Date.now();
  const seeded = await seedDemoData(url, { childKeySecret });
  if (seeded) logger.log(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function hasPartnership(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM partnership) AS found');
    return result.rows[0]?.found === true;
  } finally {
    await client.end();
  }
}
