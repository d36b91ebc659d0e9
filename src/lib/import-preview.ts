/**
 * The import preview's words for a stored value, and which of the file's cells read differently
 * once stored ("£2,400,000" → 2400000, "25/11/2024" → 2024-11-25), so an officer sees both where
 * they differ. Browser-safe; unit-tested.
 */

const isDatedEvent = (v: object): v is { date: string; precision: string } =>
	'date' in v && 'precision' in v;

/** A stored value as the preview prints it: ISO dates, plain numbers, "—" for nothing. */
export function showStored(v: unknown): string {
	if (v === null || v === undefined || v === '') return '—';
	if (Array.isArray(v)) return v.map(showStored).join('; ');
	if (typeof v === 'object')
		return isDatedEvent(v)
			? v.precision === 'month'
				? v.date.slice(0, 7)
				: v.date
			: JSON.stringify(v);
	return String(v);
}

/**
 * The file's cells whose text is not one of the row's stored values as printed: the ones an
 * officer should check. Empty cells are left out (nothing was read from them).
 */
export function cellsThatDiffer(
	stored: Record<string, unknown>,
	file: Readonly<Record<string, string>>
): { column: string; text: string }[] {
	const shown = new Set(Object.values(stored).map(showStored));
	return Object.entries(file)
		.map(([column, text]) => ({ column, text: text.trim() }))
		.filter(({ text }) => text !== '' && !shown.has(text));
}
