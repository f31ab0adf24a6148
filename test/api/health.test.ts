import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MIGRATIONS } from '@escalation-insights/database';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

describe('health', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports a reachable database over GraphQL', async () => {
    const response = await app.graphql<{ health: { status: string; database: boolean } }>('{ health { status database } }');
    expect(response).toEqual({ data: { health: { status: 'ok', database: true } } });
  });

  it('answers GET /health/live with 200 and a JSON body', async () => {
    const response = await fetch(`${app.url}/health/live`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'live' });
  });

  it('answers GET /health/ready with 200 when every migration has been applied', async () => {
    const response = await fetch(`${app.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', ready: true, database: true, pendingMigrations: [] });
  });
});

describe('readiness with a migration pending', () => {
  let app: TestApp;
  const latest = MIGRATIONS[MIGRATIONS.length - 1]!;

  beforeAll(async () => {
    // Forget that the latest migration ran: the code now knows one the database lacks.
    app = await startTestApp({
      seed: (url) => withClient(url, (client) => client.query('DELETE FROM migrations WHERE name = $1', [new latest().name])),
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers GET /health/ready with 503 naming the pending migration', async () => {
    const response = await fetch(`${app.url}/health/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'not_ready',
      ready: false,
      reason: 'migrations_pending',
      database: true,
      pendingMigrations: [new latest().name],
    });
  });

  it('still answers GET /health/live with 200', async () => {
    const response = await fetch(`${app.url}/health/live`);
    expect(response.status).toBe(200);
  });
});
