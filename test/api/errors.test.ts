import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DUDLEY } from '@escalation-insights/shared';
import { insertPartnership } from '../support/fixtures.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/** A database whose agency table has gone: any query for agencies fails inside the server. */
async function seedBrokenAgencies(url: string): Promise<void> {
  await insertPartnership(url, { template: DUDLEY });
  await withClient(url, (client) => client.query('ALTER TABLE agency RENAME TO agency_gone'));
}

const AGENCIES = '{ partnerships { name agencies { name } } }';

describe.each([
  ['in production', true],
  ['outside production', false],
] as const)('an unexpected failure %s', (_, production) => {
  let app: TestApp;
  let administrator: TestClient;

  beforeAll(async () => {
    app = await startTestApp({ production, seed: seedBrokenAgencies });
    administrator = await app.as('administrator');
  });
  afterAll(async () => {
    await app.close();
  });

  it('is reported as INTERNAL_SERVER_ERROR on the failing field', async () => {
    const response = await administrator.graphql(AGENCIES);
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({ path: ['partnerships', 0, 'agencies'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  if (production) {
    it('says nothing about its cause: no SQL, no stack trace', async () => {
      const [error] = (await administrator.graphql(AGENCIES)).errors!;
      expect(error!.message).toBe('Internal server error');
      expect(error!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    });
  } else {
    it('shows the cause to the developer', async () => {
      const [error] = (await administrator.graphql(AGENCIES)).errors!;
      expect(error!.message).toMatch(/relation "agency" does not exist/);
      expect(error!.extensions?.['stacktrace']).toEqual(expect.any(Array));
    });
  }
});
