/**
 * Rows sent to the browser as one list of field names and a list of value arrays, not as objects
 * that repeat every field name in every row: a chart's point for every council in the page's data
 * is then about half the size. Browser-safe; unit-tested.
 */
export interface PackedRows<K extends string> {
	fields: K[];
	values: unknown[][];
}

export function packRows<T, K extends keyof T & string>(
	rows: readonly T[],
	fields: readonly K[]
): PackedRows<K> {
	return { fields: [...fields], values: rows.map((r) => fields.map((f) => r[f])) };
}

/** The rows again, as objects with the packed fields. */
export function unpackRows<T>(packed: PackedRows<string>): T[] {
	return packed.values.map((v) => Object.fromEntries(packed.fields.map((f, i) => [f, v[i]])) as T);
}
