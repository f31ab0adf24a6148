import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate, type DocumentNode } from 'graphql';

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

/** The body of every gql`…` template in a file; operations interpolate nothing. */
function gqlDocuments(file: string): DocumentNode[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/\bgql`([^`]*)`/g)].map((match) => parse(match[1]!));
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
