import DataLoader from 'dataloader';

/** Names one kind of loader; the type parameters tie `RequestLoaders.get` to its key and value types. */
export class LoaderKey<K, V> {
  declare private readonly types: [K, V];
  constructor(readonly name: string) {}
}

export interface LoaderSpec<K, V> {
  /** Loads the values for the keys, in key order: one query for many keys. */
  readonly batch: (keys: readonly K[]) => Promise<V[]>;
  /** Identity of a key for the per-request cache; needed when keys are objects. */
  readonly cacheKey?: (key: K) => string;
}

/**
 * The batching loaders of one GraphQL request, created lazily by the services that own
 * the queries. Field resolvers asking for the same kind of data in one request share one
 * loader, so a list of N parents costs one query per collection, not N.
 */
export class RequestLoaders {
  private readonly loaders = new Map<LoaderKey<unknown, unknown>, DataLoader<unknown, unknown, string>>();

  get<K, V>(key: LoaderKey<K, V>, spec: LoaderSpec<K, V>): DataLoader<K, V, string> {
    let loader = this.loaders.get(key as LoaderKey<unknown, unknown>) as DataLoader<K, V, string> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, string>((keys) => spec.batch(keys), {
        cacheKeyFn: spec.cacheKey ?? ((k: K) => String(k)),
      });
      this.loaders.set(key as LoaderKey<unknown, unknown>, loader as DataLoader<unknown, unknown, string>);
    }
    return loader;
  }
}

/** Puts rows into one list per key, in key order (what a DataLoader batch must return). */
export function groupByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOfKey: (key: K) => string, keyOfRow: (row: R) => string): R[][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const id = keyOfRow(row);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return keys.map((key) => groups.get(keyOfKey(key)) ?? []);
}
