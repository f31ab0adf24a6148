import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, Kind, parse, validate, type DocumentNode } from 'graphql';

/*
 * The web's operations live in `*.graphql.ts` files as gql documents. They are checked
 * here against the schema file the server writes and commits, so that a change to the
 * API that would break a page fails a test instead of a user's screen.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const schema = buildSchema(readFileSync(path.join(repoRoot, 'server', 'schema.graphql'), 'utf8'));

function webOperationFiles(): string[] {
  const webSrc = path.join(repoRoot, 'web', 'src');
  return readdirSync(webSrc, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.graphql.ts'))
    .map((file) => path.join(webSrc, file))
    .sort();
}

/**
 * Every operation a file sends, as the gql tag builds it: a template may embed another
 * of the same file's templates (`${LOG_ENTRY_SUMMARY}`, a fragment written once), which
 * is put in its place. Templates holding only fragments are checked where they are
 * embedded. An embedded name the file does not define fails the test.
 */
function gqlDocuments(file: string): DocumentNode[] {
  const source = readFileSync(file, 'utf8');
  const templates = [...source.matchAll(/(?:\bconst\s+(\w+)[^=`;]*=\s*)?\bgql`([^`]*)`/g)].map((match) => ({ name: match[1] ?? null, body: match[2]! }));
  const byName = new Map(templates.flatMap((template) => (template.name ? [[template.name, template.body] as const] : [])));
  const expand = (body: string, seen: readonly string[]): string =>
    body.replace(/\$\{\s*(\w+)\s*\}/g, (_whole, name: string) => {
      const embedded = byName.get(name);
      if (embedded === undefined || seen.includes(name)) throw new Error(`${path.basename(file)} embeds \${${name}}, which is not a gql template of the file`);
      return expand(embedded, [...seen, name]);
    });
  return templates
    .map((template) => parse(expand(template.body, template.name ? [template.name] : [])))
    .filter((document) => document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION));
}

describe('web GraphQL operations', () => {
  const files = webOperationFiles();

  it('finds the operation files', () => {
    expect(files.map((file) => path.relative(repoRoot, file))).toContain(
      path.join('web', 'src', 'features', 'protocols', 'protocols.graphql.ts'),
    );
  });

  it.each(files.map((file) => [path.relative(repoRoot, file), file]))(
    'sends only operations that are valid against server/schema.graphql: %s',
    (_name, file) => {
      const documents = gqlDocuments(file);
      expect(documents.length).toBeGreaterThan(0);
      for (const document of documents) {
        expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      }
    },
  );
});
