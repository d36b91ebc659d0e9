/**
 * The one place a feed turns a council cell into an authority code and says what it did: every
 * feed calls these, so a council is found, refused or followed to its successor the same way and
 * in the same words whatever the file (templates, mySociety, DESNZ, 360Giving, funding facts).
 *
 * Money and emissions today follow an abolished council to its successor (a 2022 file that names
 * Allerdale means Cumberland now); commitments are historical facts, so `historical` keeps an
 * abolished council as itself. Lookups are memoised per import: DESNZ names the same few hundred
 * councils half a million times.
 */
import type { ImportContext } from './feed';
import type { Resolution } from './resolve-authority';
import type { IssueCollector } from './issues';

export interface CouncilCellOptions {
	/** Keep an abolished council as itself (its own promises), noting it. */
	historical?: boolean;
	/** An unknown council is an error (the row is refused) or only a warning. */
	severity?: 'error' | 'warning';
	/**
	 * A council the row names as a partner, not as its owner: an officer may name any council as
	 * a partner of a bid their council leads.
	 */
	partner?: boolean;
}

/** The issue code of a row owned by a council the importer may not write for. */
export const NOT_YOUR_AUTHORITY = 'not_your_authority';

/**
 * With the import limited to some councils (an officer's), a row owned by another is an error
 * naming the row, the council and the councils allowed. True when the row may go on.
 */
export function checkAllowed(
	ctx: ImportContext,
	rowNumber: number,
	column: string,
	value: string,
	code: string
): boolean {
	const allowed = ctx.allowedAuthorities;
	if (!allowed || allowed.has(code)) return true;
	const name = ctx.resolver.name(code) ?? code;
	const message = `this row is for ${name} (${code}), but you may import only for ${[...allowed].join(', ') || 'no council'}`;
	ctx.issues.error(rowNumber, column, value, NOT_YOUR_AUTHORITY, message);
	return false;
}

/** Report a failed authority resolution in one consistent wording. */
export function reportUnresolved(
	issues: IssueCollector,
	rowNumber: number,
	column: string,
	value: string,
	resolution: {
		reason: 'unknown' | 'ambiguous';
		candidates: string[];
		/** The nearest known council to an unknown name (nearestCouncil), if any is near. */
		nearest?: string | null;
	},
	severity: 'error' | 'warning' = 'error'
) {
	const message =
		resolution.reason === 'ambiguous'
			? `authority "${value}" matches several councils (${resolution.candidates.join(', ')})`
			: `unknown authority "${value}"${resolution.nearest ? ` (nearest known: ${resolution.nearest})` : ''}`;
	issues.add({
		rowNumber,
		column,
		value,
		severity,
		code: `${resolution.reason}_authority`,
		message
	});
}

type Memo = Map<string, Resolution>;
const MEMOS = new WeakMap<ImportContext, { current: Memo; historical: Memo }>();

/** The resolution of a cell, memoised for this import. */
export function resolutionOf(ctx: ImportContext, cell: string, historical = false): Resolution {
	let memos = MEMOS.get(ctx);
	if (!memos) MEMOS.set(ctx, (memos = { current: new Map(), historical: new Map() }));
	const memo = historical ? memos.historical : memos.current;
	let r = memo.get(cell);
	if (!r) memo.set(cell, (r = ctx.resolver.resolve(cell, { historical })));
	return r;
}

const NEAREST = new WeakMap<ImportContext, Map<string, string | null>>();

/**
 * The known council nearest a name that matched none, as "Trafford (TRF)", or null when none is
 * near: said beside "unknown authority" so a misspelling is fixed at once. Memoised per import.
 */
export function nearestCouncil(ctx: ImportContext, value: string): string | null {
	let memo = NEAREST.get(ctx);
	if (!memo) NEAREST.set(ctx, (memo = new Map()));
	if (!memo.has(value)) {
		const best = ctx.resolver.suggest(value, 1)[0];
		memo.set(value, best ? `${best.name} (${best.code})` : null);
	}
	return memo.get(value)!;
}

/** Abolished councils an import's rows named: by code, its successor (null: kept) and rows. */
const ABOLISHED = new WeakMap<
	ImportContext,
	Map<string, { successor: string | null; rows: number; lastRow: number }>
>();

function tallyAbolished(
	ctx: ImportContext,
	rowNumber: number,
	former: string,
	successor: string | null
) {
	let seen = ABOLISHED.get(ctx);
	if (!seen) ABOLISHED.set(ctx, (seen = new Map()));
	const entry = seen.get(former) ?? { successor, rows: 0, lastRow: -1 };
	if (entry.lastRow !== rowNumber)
		Object.assign(entry, { rows: entry.rows + 1, lastRow: rowNumber });
	seen.set(former, entry);
}

/**
 * One note for the whole file naming each abolished council its rows named, with how many rows
 * and what was done (counted for its successor, or kept against it), so none passes unsaid among
 * per-row notes. Called once the file has been read, on the thread that resolved its rows.
 */
export function noteAbolishedCouncils(ctx: ImportContext): void {
	const seen = ABOLISHED.get(ctx);
	if (!seen?.size) return;
	const rows = (n: number) => `${n.toLocaleString('en-GB')} row${n === 1 ? '' : 's'}`;
	const name = (code: string) => `${ctx.resolver.name(code) ?? code} (${code})`;
	const total = [...seen.values()].reduce((n, e) => n + e.rows, 0);
	const parts = [...seen]
		.sort(([a, x], [b, y]) => y.rows - x.rows || a.localeCompare(b))
		.map(
			([former, e]) =>
				`${name(former)}, ${rows(e.rows)}, ${e.successor ? `counted for its successor ${name(e.successor)}` : 'kept against it'}`
		);
	const message = `${rows(total)} name${total === 1 ? 's' : ''} a council that has been abolished: ${parts.join('; ')}.`;
	ctx.issues.info(null, null, null, 'abolished_councils', message);
}

/** "Allerdale (ALL) is abolished; counted for its successor Cumberland (E06000063, CBD)". */
function successorNote(ctx: ImportContext, former: string, code: string): string {
	const gss = ctx.resolver.gssCode(code);
	return `${ctx.resolver.name(former) ?? former} (${former}) has been abolished; counted for its successor ${ctx.resolver.name(code) ?? code} (${gss ? `${gss}, ` : ''}${code})`;
}

/**
 * A council by GSS code, 3-letter code or name. Unknown or ambiguous: reported, null. An
 * abolished council becomes its successor (noted), or with `historical` stays itself (noted).
 */
export function resolveCouncil(
	ctx: ImportContext,
	rowNumber: number,
	column: string,
	cell: string,
	options: CouncilCellOptions = {}
): string | null {
	const value = cell.trim();
	const r = resolutionOf(ctx, value, options.historical);
	if (!r.ok) {
		const nearest = r.reason === 'unknown' ? nearestCouncil(ctx, value) : null;
		reportUnresolved(ctx.issues, rowNumber, column, value, { ...r, nearest }, options.severity);
		return null;
	}
	if (r.successorOf) {
		const note = successorNote(ctx, r.successorOf, r.code);
		ctx.issues.info(rowNumber, column, value, 'successor_used', note);
		tallyAbolished(ctx, rowNumber, r.successorOf, r.code);
	} else if (options.historical && !ctx.resolver.isCurrent(r.code)) {
		const note = `${ctx.resolver.name(r.code) ?? r.code} (${r.code}) has been abolished; kept against it, not its successor`;
		ctx.issues.info(rowNumber, column, value, 'abolished_council', note);
		tallyAbolished(ctx, rowNumber, r.code, null);
	}
	if (options.partner) return r.code;
	if (!checkAllowed(ctx, rowNumber, column, value, r.code)) return null;
	ctx.onCouncil?.(rowNumber, {
		column,
		value,
		code: r.code,
		matchedBy: r.matchedBy,
		successorOf: r.successorOf
	});
	return r.code;
}

/**
 * The mySociety climate files carry a 3-letter code, a GSS code and the council's name, about
 * commitments (historical). Resolve by the 3-letter code (falling back to the GSS code, then the
 * name, when it is blank), and warn when the GSS code on the same row points elsewhere (a stale
 * row upstream).
 */
export function resolveCodedRow(
	record: Record<string, string>,
	rowNumber: number,
	ctx: ImportContext,
	codeColumn = 'local-authority-code',
	gssColumn = 'gss_code',
	nameColumn = 'council'
): string | null {
	const column = [codeColumn, gssColumn, nameColumn].find((c) => record[c]?.trim()) ?? codeColumn;
	const code = resolveCouncil(ctx, rowNumber, column, record[column] ?? '', { historical: true });
	if (!code) return null;
	const gss = (record[gssColumn] ?? '').trim();
	if (gss) {
		const byGss = resolutionOf(ctx, gss, true);
		if (byGss.ok && byGss.code !== code) {
			ctx.issues.warn(
				rowNumber,
				gssColumn,
				gss,
				'code_mismatch',
				`GSS code points to ${byGss.code}, not ${code}; used ${code}`
			);
		}
	}
	return code;
}

/**
 * The council leading a bid, and the others when the cell names several as one ("Babergh and Mid
 * Suffolk District Councils", "Adur & Worthing Councils", as shared-service councils write
 * themselves): the first named leads, the rest are partners, and the report says so. A joint name
 * with a part we do not know is an error naming that part.
 */
export function resolveLeadCouncil(
	ctx: ImportContext,
	rowNumber: number,
	column: string,
	cell: string
): { lead: string; joint: string[] } | null {
	const value = cell.trim();
	const parts = resolutionOf(ctx, value).ok ? null : ctx.resolver.jointParts(value);
	if (!parts) {
		const lead = resolveCouncil(ctx, rowNumber, column, value);
		return lead ? { lead, joint: [] } : null;
	}
	const unknown = parts.filter((p) => !p.resolution.ok).map((p) => `"${p.part}"`);
	if (unknown.length) {
		const message = `unknown authority "${value}": read as councils ${parts.map((p) => `"${p.part}"`).join(', ')}, of which ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not a council we know`;
		ctx.issues.error(rowNumber, column, value, 'unknown_authority', message);
		return null;
	}
	const codes = parts.map((p) =>
		resolveCouncil(ctx, rowNumber, column, p.part, { partner: true })!
	);
	// Two abolished districts may share one successor: then it is that council's bid alone.
	const [lead, ...rest] = [...new Set(codes)] as [string, ...string[]];
	// The lead owns the bid: a consortium an officer's council leads is theirs to import.
	if (!checkAllowed(ctx, rowNumber, column, value, lead)) return null;
	const first = parts[0]!.resolution as Extract<Resolution, { ok: true }>;
	ctx.onCouncil?.(rowNumber, {
		column,
		value,
		code: lead,
		matchedBy: first.matchedBy,
		successorOf: first.successorOf
	});
	if (!rest.length) return { lead, joint: [] };
	const names = [lead, ...rest].map((c) => ctx.resolver.name(c) ?? c);
	const message = `a joint name: ${names[0]} (${lead}) taken as the lead, ${names.slice(1).join(', ')} as partner${rest.length > 1 ? 's' : ''}`;
	ctx.issues.info(rowNumber, column, value, 'joint_lead', message);
	return { lead, joint: rest };
}
