/**
 * Commitments are historical facts about the council that made them, so an abolished council
 * stays itself here (the resolver's `historical` mode) and the report notes it.
 *
 * The mySociety climate files carry a 3-letter code, a GSS code and the council's name. Resolve by
 * the 3-letter code (falling back to the GSS code, then the name, when it is blank), and warn when
 * the GSS code on the same row points elsewhere (a stale row upstream).
 */
import type { ImportContext } from '../import/types';
import { reportUnresolved } from '../import/validate-record';

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
