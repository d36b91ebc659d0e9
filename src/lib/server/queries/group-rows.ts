/**
 * Rows grouped by a key, in their order: how a query attaches child rows (partners, dates) to
 * their parents after reading both with one query each, instead of building JSON in SQL.
 */
export function groupRows<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const row of rows) {
		const k = key(row);
		let list = groups.get(k);
		if (!list) groups.set(k, (list = []));
		list.push(row);
	}
	return groups;
}
