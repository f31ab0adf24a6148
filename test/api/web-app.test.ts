import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const INDEX_HTML = '<!doctype html><title>Escalation Insights</title><div id="root"></div>';

describe('serving the built web app on the API port', () => {
  let folder: string;
  let app: TestApp;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'ei-web-'));
    await mkdir(path.join(folder, 'assets'));
    await writeFile(path.join(folder, 'index.html'), INDEX_HTML);
    await writeFile(path.join(folder, 'assets', 'app-1a2b.js'), 'console.log("app");');
    app = await startTestApp({ serveWeb: true, webDist: folder });
  });
  afterAll(async () => {
    await app.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('serves index.html at /', async () => {
    const response = await fetch(`${app.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('serves index.html for a client-side route, so a reload keeps the page', async () => {
    const response = await fetch(`${app.url}/partnerships/12/protocol`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('serves the built files as they are, cached for good', async () => {
    const response = await fetch(`${app.url}/assets/app-1a2b.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe('console.log("app");');
  });

  it('answers 404 for a missing file instead of the page', async () => {
    expect((await fetch(`${app.url}/assets/missing.js`)).status).toBe(404);
  });

  it('leaves /graphql and /health to the API', async () => {
    expect(await app.graphql('{ health { database } }')).toEqual({ data: { health: { database: true } } });
    expect(await (await fetch(`${app.url}/health/live`)).json()).toEqual({ status: 'live' });
    expect((await fetch(`${app.url}/health/nothing-here`)).status).toBe(404);
  });
});

describe('serving the web app when it has not been built', () => {
  it('still serves the API', async () => {
    const app = await startTestApp({ serveWeb: true, webDist: path.join(os.tmpdir(), 'ei-no-such-web-dist') });
    try {
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
      expect((await fetch(`${app.url}/partnerships`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
