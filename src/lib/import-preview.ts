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

/** How a council cell was matched: by a code, a former GSS code, the council's name or an alias. */
export type CouncilMatch = 'code' | 'gss' | 'former_gss' | 'name' | 'alias';

/** The council a preview row's council cell resolved to, and how (import/preview-councils.ts). */
export interface PreviewCouncil {
	/** The feed's column and the file's text in it. */
	column: string;
	value: string;
	code: string;
	/** The council's official name ("Preston City Council"). */
	name: string;
	matchedBy: CouncilMatch;
	/** The abolished council the file named, when the row counts for its successor. */
	successorOf: { code: string; name: string } | null;
}

const MATCH_NOTES: Partial<Record<CouncilMatch, string>> = {
	former_gss: 'matched by a former GSS code',
	alias: 'matched by one of its other names'
};

/**
 * "Preston → Preston City Council (PRE)", saying when the file named an abolished council
 * (counted for its successor) or matched only by another name, which an officer should check.
 */
export function describeCouncil(c: PreviewCouncil): string {
	const notes = [
		c.successorOf && `successor of the abolished ${c.successorOf.name} (${c.successorOf.code})`,
		MATCH_NOTES[c.matchedBy]
	].filter(Boolean);
	return `${c.value} → ${c.name} (${c.code})${notes.map((n) => `, ${n}`).join('')}`;
}
