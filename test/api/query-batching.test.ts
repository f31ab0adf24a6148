import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApp, type RunningApp } from '@escalation-insights/server';
import { DataSource } from 'typeorm';
import { insertAllTemplatePartnerships } from '../support/fixtures.js';
import { signIn, type SignedInUser } from '../support/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const EVERYTHING = `{
  partnerships {
    id agencies { id } protocols { id } activeProtocol {
      id stages { code } categories { code } rules { code }
    }
  }
}`;

describe('loading nested collections', () => {
  let database: TestDatabase;
  let server: RunningApp;
  let administrator: SignedInUser;
  const queries: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertAllTemplatePartnerships(database.url);
    administrator = await signIn(database.url, 'administrator');
    server = await createApp({ databaseUrl: database.url, port: 0, logger: ['error'] });
    const dataSource = server.app.get(DataSource);
    const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
    dataSource.logger.logQuery = (query, parameters, queryRunner) => {
      queries.push(query);
      logQuery(query, parameters, queryRunner);
    };
  });
  afterAll(async () => {
    await server.close();
    await database.drop();
  });

  it('asks the database once per collection, however many partnerships and protocols there are', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: administrator.cookie },
      body: JSON.stringify({ query: EVERYTHING }),
    });
    const body = (await response.json()) as { data: { partnerships: { activeProtocol: { stages: unknown[] } }[] } };
    expect(body.data.partnerships).toHaveLength(5);
    expect(body.data.partnerships.every((partnership) => partnership.activeProtocol.stages.length >= 4)).toBe(true);

    // Besides the reads: the session lookup, and each read's transaction with its row-level-security settings.
    const reads = queries.filter((query) => /FROM "/.test(query));
    const from = (table: string) => reads.filter((query) => new RegExp(`FROM "${table}"`).test(query)).length;
    expect({
      partnership: from('partnership'),
      agency: from('agency'),
      protocol: from('protocol'),
      stage: from('protocol_stage'),
      category: from('protocol_category'),
      rule: from('timescale_rule'),
    }).toEqual({ partnership: 1, agency: 1, protocol: 1, stage: 1, category: 1, rule: 1 });
    expect(reads).toHaveLength(6);
  });
});
