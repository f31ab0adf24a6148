import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The dashboard's own GraphQL operations, read from the web app's sources (the `gql`
 * documents of web/src/features), so that the load benchmark sends exactly what a browser
 * on those pages sends, and follows the pages when they change.
 */
const SOURCES = [
  { name: 'overview', file: 'overview/overview.graphql.ts', constant: 'ANALYTICS_OVERVIEW', variables: {} },
  { name: 'stage reach', file: 'stages/stages.graphql.ts', constant: 'STAGE_REACH', variables: {} },
  { name: 'breach statistics', file: 'timeliness/timeliness.graphql.ts', constant: 'BREACH_STATISTICS', variables: {} },
  { name: 'drift', file: 'timeliness/timeliness.graphql.ts', constant: 'DRIFT', variables: {} },
  { name: 'themes', file: 'themes/themes.graphql.ts', constant: 'THEMES', variables: { interval: 'QUARTER' } },
  { name: 'theme signals', file: 'themes/themes.graphql.ts', constant: 'THEME_SIGNALS', variables: {} },
] as const;

export interface DashboardOperation {
  readonly name: string;
  readonly query: string;
  /** Variables besides `filter`. */
  readonly variables: Readonly<Record<string, unknown>>;
}

export async function dashboardOperations(repoRoot: string): Promise<DashboardOperation[]> {
  const operations: DashboardOperation[] = [];
  for (const source of SOURCES) {
    const file = path.join(repoRoot, 'web', 'src', 'features', source.file);
    const text = await readFile(file, 'utf8');
    const found = new RegExp(`export const ${source.constant}\\b[^=]*=\\s*gql\`([^\`]*)\``).exec(text);
    if (!found || found[1]!.includes('${')) throw new Error(`${file}: no plain gql document ${source.constant}`);
    operations.push({ name: source.name, query: found[1]!.trim(), variables: source.variables });
  }
  return operations;
}
