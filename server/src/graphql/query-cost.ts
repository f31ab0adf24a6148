import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** Arguments that bound how many items a list field returns. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last', 'limit', 'pageSize', 'take']);

/** What an unbounded list field is assumed to return. */
export const ASSUMED_LIST_SIZE = 10;

export interface OperationSize {
  /** Deepest chain of nested fields (introspection fields aside). */
  readonly depth: number;
  /**
   * Estimated work: each field costs 1 plus its selection's cost, times the number of
   * items for a list: its page-size argument, or that of the page object it belongs to
   * (`escalations(limit: 100) { items { … } }`), else ASSUMED_LIST_SIZE. Introspection costs nothing.
   */
  readonly cost: number;
}

interface Measured {
  readonly depth: number;
  readonly cost: number;
}

/**
 * Measures an operation from its document alone, before anything runs. Fragments are
 * expanded where they are spread (@skip and @include are ignored: the worst case counts).
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>>,
): OperationSize {
  const root = schema.getRootType(operation.operation);
  if (!root) return { depth: 0, cost: 0 };
  const visiting = new Set<string>();

  const measureSet = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, pageHint?: number): Measured => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      let measured: Measured;
      if (selection.kind === Kind.FIELD) {
        measured = measureField(selection.name.value, selection.arguments ?? [], selection.selectionSet, parent, pageHint);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
        if (!fragment) continue;
        const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
        if (name !== undefined && visiting.has(name)) return { depth: Infinity, cost: Infinity };
        if (name !== undefined) visiting.add(name);
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        measured = isCompositeType(condition) ? measureSet(fragment.selectionSet, condition, pageHint) : { depth: 0, cost: 0 };
        if (name !== undefined) visiting.delete(name);
      }
      depth = Math.max(depth, measured.depth);
      cost += measured.cost;
    }
    return { depth, cost };
  };

  const measureField = (
    name: string,
    args: readonly { readonly name: { readonly value: string }; readonly value: ValueNode }[],
    selectionSet: SelectionSetNode | undefined,
    parent: GraphQLCompositeType,
    pageHint: number | undefined,
  ): Measured => {
    if (name.startsWith('__')) return { depth: 0, cost: 0 };
    const field = 'getFields' in parent ? parent.getFields()[name] : undefined;
    if (!field) return { depth: 1, cost: 1 };
    const inner = getNamedType(field.type);
    const asked = pageSize(args, variables);
    const isList = isListType(getNullableType(field.type));
    // A page object (not a list) with a page size passes it on to the list inside it.
    const below = selectionSet && isCompositeType(inner) ? measureSet(selectionSet, inner, isList ? undefined : asked) : { depth: 0, cost: 0 };
    const items = isList ? (asked ?? pageHint ?? ASSUMED_LIST_SIZE) : 1;
    return { depth: below.depth + 1, cost: 1 + items * below.cost };
  };

  return measureSet(operation.selectionSet, root);
}

function pageSize(
  args: readonly { readonly name: { readonly value: string }; readonly value: ValueNode }[],
  variables: Readonly<Record<string, unknown>>,
): number | undefined {
  for (const arg of args) {
    if (!PAGE_SIZE_ARGUMENTS.has(arg.name.value)) continue;
    const value = arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : arg.value.kind === Kind.INT ? Number(arg.value.value) : undefined;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  }
  return undefined;
}
