import type { FormattedExecutionResult } from 'graphql';

/** The `data` of GraphQL results the answer cache keeps and serves to many requests unchanged. */
const kept = new WeakSet<object>();
/** Their JSON, written once. */
const texts = new WeakMap<object, string>();

/**
 * Marks a result's `data` as kept: it is served to every request that asks the same
 * question until the data behind it changes, so it is never changed after this, and its
 * JSON can be written once for all of them.
 */
export function markKept(data: object): void {
  kept.add(data);
}

/**
 * Apollo's `stringifyResult`: the JSON of a GraphQL result, as Apollo writes it, with the
 * text of a kept result written once and reused (at a few hundred answers a second, writing
 * the same 50 KB answer again each time is much of what serving it costs).
 */
export function stringifyGraphqlResult(value: FormattedExecutionResult): string {
  const data = value.data;
  if (value.errors !== undefined || value.extensions !== undefined || !data || !kept.has(data)) return `${JSON.stringify(value)}\n`;
  let text = texts.get(data);
  if (text === undefined) {
    text = `${JSON.stringify({ data })}\n`;
    texts.set(data, text);
  }
  return text;
}
