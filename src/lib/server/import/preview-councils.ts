/**
 * The council each import preview row counts for, named as the register names it: the file says
 * "Preston", "LB Waltham Forest" or a GSS code, and an officer checks which council that became
 * (and when it was an abolished council's successor, or only an alias) before importing.
 */
import type { Db } from '../db/client';
import { listAuthorities } from '../queries/authorities';
import type { ResolvedCouncilCell } from '../rows/feed';
import { foldName } from '../rows/normalise-name';
import type { CouncilMatch, PreviewCouncil } from '../../import-preview';

/** Each preview row's resolved council cells, named from the authorities table. */
export function namePreviewCouncils(
	db: Db,
	rows: readonly (readonly ResolvedCouncilCell[])[]
): PreviewCouncil[][] {
	const cells = rows.flat();
	const codes = [...new Set(cells.flatMap((c) => [c.code, c.successorOf ?? []].flat()))];
	if (!codes.length) return rows.map(() => []);
	const byCode = new Map(
		listAuthorities({ codes, includeAbolished: true }, db).map((a) => [a.code, a])
	);
	const nameOf = (code: string) => byCode.get(code)?.officialName ?? code;
	return rows.map((row) =>
		row.map((c) => {
			const named = byCode.get(c.successorOf ?? c.code);
			// The resolver matches a council's own names and its aliases alike: tell them apart.
			const ownNames = [named?.name, named?.officialName].map((n) => foldName(n ?? ''));
			const alias = c.matchedBy === 'name' && !ownNames.includes(foldName(c.value));
			return {
				column: c.column,
				value: c.value,
				code: c.code,
				name: nameOf(c.code),
				matchedBy: (alias ? 'alias' : c.matchedBy) satisfies CouncilMatch,
				successorOf: c.successorOf ? { code: c.successorOf, name: nameOf(c.successorOf) } : null
			};
		})
	);
}
