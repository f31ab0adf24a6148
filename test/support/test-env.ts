/** What global-setup.ts publishes to the test workers through the environment (it cannot import this file). */
export const TEST_ENV = {
  /** Connection string of a maintenance database on the test cluster (creates and drops databases). */
  adminUrl: 'EI_TEST_ADMIN_URL',
  /** The migrated database every test database is copied from. */
  template: 'EI_TEST_TEMPLATE',
} as const;

export function requireTestEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest, whose global setup starts the test database`);
  return value;
}

/** The same server and credentials as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
