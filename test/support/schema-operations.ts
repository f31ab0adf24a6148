import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** A value GraphQL accepts for an input type (it may still fail the server's own validation). */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sampleValue(field.type);
    }
    return value;
  }
  if (isScalarType(type)) {
    const samples: Record<string, unknown> = {
      ID: '1', String: 'x', Int: 1, Float: 1, Boolean: true,
      DateTime: '2025-01-06T09:00:00.000Z', Date: '2025-01-06', JSON: {}, JSONObject: {},
    };
    return samples[type.name] ?? 'x';
  }
  return null;
}

export interface SampleOperation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** `field(required arguments) { __typename }` with its variables: enough to reach the field's guard. */
function callField(field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>, definitions: string[]): string {
  const args = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const passed = args.map((arg) => {
    const name = `v${definitions.length}`;
    definitions.push(`$${name}: ${arg.type.toString()}`);
    variables[name] = sampleValue(arg.type);
    return `${arg.name}: $${name}`;
  });
  return `${field.name}${passed.length > 0 ? `(${passed.join(', ')})` : ''}`;
}

/** One query or mutation calling `Type.field` (Type is Query or Mutation). */
export function rootOperation(schema: GraphQLSchema, kind: 'Query' | 'Mutation', fieldName: string): SampleOperation {
  const root = kind === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field = root.getFields()[fieldName]!;
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const call = callField(field, variables, definitions);
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  const header = definitions.length > 0 ? `(${definitions.join(', ')})` : '';
  return { query: `${kind.toLowerCase()} Check${header} { ${call}${selection} }`, variables };
}

/**
 * A query reaching `Parent.field` from Query through fields without required arguments
 * (the shortest such path), or undefined when there is none.
 */
export function queryReaching(schema: GraphQLSchema, parent: string, fieldName: string): SampleOperation | undefined {
  const queue: { type: GraphQLObjectType; path: string[] }[] = [{ type: schema.getQueryType()!, path: [] }];
  const seen = new Set<string>([schema.getQueryType()!.name]);
  while (queue.length > 0) {
    const { type, path } = queue.shift()!;
    if (type.name === parent) {
      const field = type.getFields()[fieldName];
      if (!field) return undefined;
      const selection = isCompositeType(getNamedType(field.type)) ? `${field.name} { __typename }` : field.name;
      return { query: `query Check { ${nest(path, selection)} }`, variables: {} };
    }
    for (const field of Object.values(type.getFields())) {
      const next = getNamedType(field.type);
      const free = field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);
      if (!free || !isObjectType(next) || seen.has(next.name)) continue;
      seen.add(next.name);
      queue.push({ type: next, path: [...path, field.name] });
    }
  }
  return undefined;
}

function nest(path: readonly string[], innermost: string): string {
  return path.reduceRight((inner, outer) => `${outer} { ${inner} }`, innermost);
}
