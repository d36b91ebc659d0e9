/**
 * Resolving the council columns of feeds.
 *
 * Commitments are historical facts about the council that made them, so an abolished council
 * stays itself here (the resolver's `historical` mode) and the report notes it.
 *
 * The mySociety climate files carry a 3-letter code, a GSS code and the council's name. Resolve by
 * the 3-letter code (falling back to the GSS code, then the name, when it is blank), and warn when
 * the GSS code on the same row points elsewhere (a stale row upstream).
 */
import type { ImportContext } from '../rows/feed';
import { reportUnresolved } from '../rows/validate-record';
import { resolveCouncil } from './template-shared';

export function resolveCodedRow(
	record: Record<string, string>,
	rowNumber: number,
	ctx: ImportContext,
	codeColumn = 'local-authority-code',
	gssColumn = 'gss_code',
	nameColumn = 'council'
): string | null {
	const column = [codeColumn, gssColumn, nameColumn].find((c) => record[c]?.trim()) ?? codeColumn;
	const input = (record[column] ?? '').trim();
	const resolved = ctx.resolver.resolve(input, { historical: true });
	if (!resolved.ok) {
		reportUnresolved(ctx.issues, rowNumber, column, input, resolved);
		return null;
	}
	if (!ctx.resolver.isCurrent(resolved.code)) {
		ctx.issues.info(
			rowNumber,
			column,
			input,
			'abolished_council',
			`${resolved.code} has been abolished; kept against it, not its successor`
		);
	}
	const gss = (record[gssColumn] ?? '').trim();
	if (gss) {
		const byGss = ctx.resolver.resolve(gss, { historical: true });
		if (byGss.ok && byGss.code !== resolved.code) {
			ctx.issues.warn(
				rowNumber,
				gssColumn,
				gss,
				'code_mismatch',
				`GSS code points to ${byGss.code}, not ${resolved.code}; used ${resolved.code}`
			);
		}
	}
	return resolved.code;
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
	const parts = ctx.resolver.resolve(value).ok ? null : ctx.resolver.jointParts(value);
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
	const codes = parts.map((p) => resolveCouncil(ctx, rowNumber, column, p.part)!);
	// Two abolished districts may share one successor: then it is that council's bid alone.
	const [lead, ...rest] = [...new Set(codes)] as [string, ...string[]];
	if (!rest.length) return { lead, joint: [] };
	const names = [lead, ...rest].map((c) => ctx.resolver.name(c) ?? c);
	const message = `a joint name: ${names[0]} (${lead}) taken as the lead, ${names.slice(1).join(', ')} as partner${rest.length > 1 ? 's' : ''}`;
	ctx.issues.info(rowNumber, column, value, 'joint_lead', message);
	return { lead, joint: rest };
}
