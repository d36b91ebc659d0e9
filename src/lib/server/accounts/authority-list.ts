/**
 * "TRF, MAN" (3-letter or GSS codes) → the councils' 3-letter codes, for the command line and the
 * users page alike; a code we do not know is named in the error.
 */
import type { Db } from '../db/client';
import { findAuthorityCode } from '../queries/authorities';

export function parseAuthorityList(
	input: string,
	db: Db
): { ok: true; codes: string[] } | { ok: false; message: string } {
	const parts = input
		.split(/[,;\s]+/)
		.map((p) => p.trim())
		.filter(Boolean);
	const unknown = parts.filter((p) => p.length > 12 || !findAuthorityCode(p, db));
	if (unknown.length)
		return {
			ok: false,
			message: `Unknown council code${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}: give 3-letter codes such as TRF, or GSS codes such as E08000009.`
		};
	return { ok: true, codes: [...new Set(parts.map((p) => findAuthorityCode(p, db)!))].sort() };
}
