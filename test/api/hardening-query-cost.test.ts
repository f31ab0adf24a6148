import { describe, expect, it } from '@jest/globals';
import { ASSUMED_LIST_SIZE, measureOperation } from '@escalation-insights/server';
import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

const schema = buildSchema(`
  type Query { page(limit: Int, offset: Int): Page, items(first: Int): [Item!]!, item: Item }
  type Page { items: [Item!]!, total: Int! }
  type Item { id: ID!, name: String!, children: [Item!]! }
`);

function measure(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return measureOperation(schema, operation, fragments, variables);
}

describe('the estimated size of an operation', () => {
  it('costs one per field, lists times their assumed length', () => {
    expect(measure('{ item { id name } }')).toEqual({ depth: 2, cost: 3 });
    expect(measure('{ items { id name } }')).toEqual({ depth: 2, cost: 1 + ASSUMED_LIST_SIZE * 2 });
    expect(measure('{ items { children { id } } }')).toEqual({ depth: 3, cost: 1 + 10 * (1 + 10 * 1) });
  });

  it("takes a list's page size from its argument, literal or variable", () => {
    expect(measure('{ items(first: 3) { id } }')).toEqual({ depth: 2, cost: 4 });
    expect(measure('query ($n: Int) { items(first: $n) { id } }', { n: 50 })).toEqual({ depth: 2, cost: 51 });
  });

  it("gives a page's limit to the list inside it", () => {
    expect(measure('{ page(limit: 100) { total items { id name } } }')).toEqual({ depth: 3, cost: 1 + (1 + (1 + 100 * 2)) });
  });

  it('counts every alias, and expands fragments where they are spread', () => {
    expect(measure('{ a: item { id } b: item { id } }').cost).toBe(4);
    expect(measure('{ items { ...F } } fragment F on Item { children { id } }')).toEqual({ depth: 3, cost: 1 + 10 * 11 });
  });

  it('charges nothing for introspection', () => {
    expect(measure('{ __typename item { __typename id } }')).toEqual({ depth: 2, cost: 2 });
  });
});
