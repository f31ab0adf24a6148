/** One table's part of a batch: its columns, each sent as one array parameter and unnested. */
export interface TableSpec {
  readonly table: string;
  /** Columns filled with one value for the whole batch (partnership, protocol …), in order. */
  readonly constants: readonly { readonly column: string; readonly type: string }[];
  /** Columns sent as arrays, in order; `cast` turns the unnested value into the column's type. */
  readonly columns: readonly { readonly column: string; readonly type: string; readonly cast?: string }[];
}

/**
 * A single `WITH … INSERT` statement writing several tables from unnested arrays, so
 * that a whole batch is one round trip and one implicit transaction. Foreign keys
 * between the tables hold: PostgreSQL checks them when the statement ends. Parameters:
 * `constants` first (shared by every table that names the same column), then each
 * table's arrays in turn.
 */
export function batchInsert(specs: readonly TableSpec[], constants: readonly string[]): string {
  let next = constants.length + 1;
  const parts = specs.map((spec) => {
    const constantExprs = spec.constants.map((c) => `$${constants.indexOf(c.column) + 1}::${c.type}`);
    const arrays = spec.columns.map((c) => `$${next++}::${c.type}[]`);
    const names = spec.columns.map((_, i) => `c${i}`);
    const values = spec.columns.map((c, i) => (c.cast ? `c${i}::${c.cast}` : `c${i}`));
    const columns = [...spec.constants.map((c) => c.column), ...spec.columns.map((c) => c.column)].join(', ');
    return `INSERT INTO ${spec.table} (${columns}) SELECT ${[...constantExprs, ...values].join(', ')} ` +
      `FROM unnest(${arrays.join(', ')}) AS u (${names.join(', ')})`;
  });
  const last = parts.pop()!;
  return parts.length === 0 ? last : `WITH ${parts.map((p, i) => `w${i} AS (${p})`).join(', ')} ${last}`;
}
