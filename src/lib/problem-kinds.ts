/**
 * An import's problems by kind, for the sources page. The report groups repeats of one message,
 * but many messages name their row's values ("row 1595 already gave …", "row 3 already gave …"):
 * here groups of the same severity, code and column are one kind, one message its example, the
 * rows added up, so a reader sees two kinds of problem, not 492. Browser-safe; unit-tested.
 */
export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface ProblemGroup {
	severity: ProblemSeverity;
	code: string;
	column: string | null;
	message: string;
	count: number;
	rows: number[];
}

export interface ProblemKind extends ProblemGroup {
	/** Other messages of this kind, besides the example. */
	alike: number;
}

const ORDER: ProblemSeverity[] = ['error', 'warning', 'info'];
const ROWS_SHOWN = 10;

export function problemKinds(groups: readonly ProblemGroup[]): ProblemKind[] {
	const kinds = new Map<string, ProblemKind>();
	for (const g of groups) {
		const key = `${g.severity}\u0000${g.code}\u0000${g.column ?? ''}`;
		const kind = kinds.get(key);
		if (!kind) {
			kinds.set(key, { ...g, rows: [...g.rows], alike: 0 });
			continue;
		}
		kind.alike++;
		kind.count += g.count;
		kind.rows = [...new Set([...kind.rows, ...g.rows])].sort((a, b) => a - b);
	}
	return [...kinds.values()]
		.map((k) => ({ ...k, rows: k.rows.slice(0, ROWS_SHOWN) }))
		.sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
}

/** How many times each severity was reported (a row can count in more than one kind). */
export function problemCounts(groups: readonly ProblemGroup[]): Record<ProblemSeverity, number> {
	const counts = { error: 0, warning: 0, info: 0 };
	for (const g of groups) counts[g.severity] += g.count;
	return counts;
}
