import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApp, generateSchemaSdl } from '@escalation-insights/server';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const COMMITTED_SCHEMA = new URL('../../server/schema.graphql', import.meta.url);
const HOW_TO_FIX = 'server/schema.graphql is stale: run "npm run build && npm run schema -w server" and commit the file';

describe('server/schema.graphql', () => {
  let committed: string;

  beforeAll(async () => {
    committed = await readFile(COMMITTED_SCHEMA, 'utf8');
  });

  it('matches the schema the resolvers generate', async () => {
    const generated = await generateSchemaSdl();
    if (generated !== committed) throw new Error(HOW_TO_FIX);
    expect(generated).toBe(committed);
  });

  describe('as the running server writes it', () => {
    let database: TestDatabase;
    let folder: string;

    beforeAll(async () => {
      database = await createTestDatabase();
      folder = await mkdtemp(path.join(os.tmpdir(), 'ei-schema-'));
    });
    afterAll(async () => {
      await database.drop();
      await rm(folder, { recursive: true, force: true });
    });

    it('is the same file, so the server and the generator never disagree', async () => {
      const schemaFile = path.join(folder, 'schema.graphql');
      const server = await createApp({ databaseUrl: database.url, port: 0, schemaFile, logger: ['error'] });
      await server.close();
      expect(await readFile(schemaFile, 'utf8')).toBe(committed);
    });
  });

  it('keeps the contract the web app is built against', () => {
    expect(committed).toContain('partnership(id: ID!): Partnership!');
    expect(committed).toContain('activeProtocol: Protocol\n');
    expect(committed).toMatch(/enum Jurisdiction {\n {2}ENGLAND_AND_WALES\n {2}NORTHERN_IRELAND\n {2}SCOTLAND\n}/);
    expect(committed).toContain('urgencies: [Urgency!]\n');
  });
});
