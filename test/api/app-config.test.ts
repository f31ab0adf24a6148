import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { AppConfigError, loadAppConfig } from '@escalation-insights/server';

const REPO_ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const quiet = () => undefined;

describe('loadAppConfig', () => {
  it('defaults to an embedded database on 127.0.0.1:3000 with state in .data', () => {
    const warnings: string[] = [];
    const config = loadAppConfig({}, (message) => warnings.push(message));
    expect(config).toMatchObject({
      nodeEnv: 'development',
      production: false,
      databaseUrl: undefined,
      host: '127.0.0.1',
      port: 3000,
      dataDir: path.join(REPO_ROOT, '.data'),
      webDist: path.join(REPO_ROOT, 'web', 'dist'),
      serveWeb: true,
      seedDemoData: true,
      schemaFile: path.join(REPO_ROOT, 'server', 'schema.graphql'),
    });
    expect(warnings).toEqual([expect.stringContaining('CHILD_KEY_SECRET is not set')]);
  });

  it('reads every setting from the environment', () => {
    const config = loadAppConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://app:secret@db:5432/insights',
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/insights',
      CHILD_KEY_SECRET: 'a'.repeat(40),
      WEB_DIST: '/srv/web',
      SERVE_WEB: 'false',
    }, quiet);
    expect(config).toMatchObject({
      production: true,
      databaseUrl: 'postgres://app:secret@db:5432/insights',
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/insights',
      childKeySecret: 'a'.repeat(40),
      webDist: '/srv/web',
      serveWeb: false,
      seedDemoData: false,
      schemaFile: null,
    });
  });

  it('fails at once, naming every unusable variable', () => {
    const load = () => loadAppConfig({ NODE_ENV: 'production', PORT: '70000', DATABASE_URL: 'mysql://x', SERVE_WEB: 'maybe' }, quiet);
    expect(load).toThrow(AppConfigError);
    expect(load).toThrow(/PORT must be a whole number from 0 to 65535 \(got "70000"\)/);
    expect(load).toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ connection string/);
    expect(load).toThrow(/CHILD_KEY_SECRET is required in production/);
    expect(load).toThrow(/SERVE_WEB must be true or false \(got "maybe"\)/);
  });

  it('refuses a short CHILD_KEY_SECRET even outside production', () => {
    expect(() => loadAppConfig({ CHILD_KEY_SECRET: 'short' }, quiet)).toThrow(/CHILD_KEY_SECRET must be at least 32 characters/);
  });

  it('refreshes timescale outcomes every 15 minutes unless OUTCOME_REFRESH_MINUTES says otherwise (0: at start-up only)', () => {
    expect(loadAppConfig({}, quiet).outcomeRefreshMinutes).toBe(15);
    expect(loadAppConfig({ OUTCOME_REFRESH_MINUTES: '5' }, quiet).outcomeRefreshMinutes).toBe(5);
    expect(loadAppConfig({ OUTCOME_REFRESH_MINUTES: '0' }, quiet).outcomeRefreshMinutes).toBe(0);
    expect(() => loadAppConfig({ OUTCOME_REFRESH_MINUTES: 'often' }, quiet)).toThrow(/OUTCOME_REFRESH_MINUTES must be a number of minutes from 0/);
  });
});
