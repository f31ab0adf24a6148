import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DUDLEY } from '@escalation-insights/shared';
import { insertPartnership } from '../support/fixtures.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';

const PARTNERSHIP = 'query ($id: ID!) { partnership(id: $id) { id name } }';

describe('partnership by id', () => {
  let app: TestApp;
  let administrator: TestClient;
  let dudleyId: string;

  beforeAll(async () => {
    app = await startTestApp({
      seed: async (url) => {
        dudleyId = (await insertPartnership(url, { template: DUDLEY })).partnershipId;
      },
    });
    administrator = await app.as('administrator');
  });
  afterAll(async () => {
    await app.close();
  });

  it('returns the partnership with that id', async () => {
    const response = await administrator.graphql('query ($id: ID!) { partnership(id: $id) { id code name jurisdiction } }', { id: dudleyId });
    expect(response).toEqual({
      data: { partnership: { id: dudleyId, code: 'dudley', name: 'Dudley Safeguarding Children Board', jurisdiction: 'ENGLAND_AND_WALES' } },
    });
  });

  it('answers an unknown id with PARTNERSHIP_NOT_FOUND and nothing else', async () => {
    const response = await administrator.graphql(PARTNERSHIP, { id: '987654321' });
    expect(response).toEqual({
      data: null,
      errors: [
        {
          message: 'No partnership has id 987654321',
          locations: [{ line: 1, column: 20 }],
          path: ['partnership'],
          extensions: { code: 'PARTNERSHIP_NOT_FOUND' },
        },
      ],
    });
  });

  it.each(['abc', '-1', '0', '1.5', '01', ' 7', '1e3', '12345678901234567890'])(
    'rejects the malformed id "%s" with BAD_USER_INPUT before it reaches the database',
    async (id) => {
      const response = await administrator.graphql(PARTNERSHIP, { id });
      expect(response.data).toBeNull();
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: 'id must be a record id: a positive whole number written in digits',
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      ]);
    },
  );

  it('leaves a missing argument to GraphQL validation', async () => {
    const response = await administrator.graphql('{ partnership { id } }');
    expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
  });
});
