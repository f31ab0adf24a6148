import { registerEnumType } from '@nestjs/graphql';

/** `'england-and-wales'` → `'ENGLAND_AND_WALES'`, `'childrens_social_care'` → `'CHILDRENS_SOCIAL_CARE'`. */
export function toEnumKey(value: string): string {
  return value.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

/**
 * Registers a GraphQL enum over one of the domain's vocabulary tuples. GraphQL shows the
 * UPPER_SNAKE names; resolvers and inputs see the domain's own string values, so models
 * carry `'england-and-wales'` and clients read `ENGLAND_AND_WALES`.
 */
export function vocabularyEnum<const T extends string>(values: readonly T[], name: string, description: string): Record<string, T> {
  const enumObject: Record<string, T> = {};
  for (const value of values) {
    const key = toEnumKey(value);
    if (key in enumObject) throw new Error(`GraphQL enum ${name}: "${value}" and "${enumObject[key]}" both map to ${key}`);
    enumObject[key] = value;
  }
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
