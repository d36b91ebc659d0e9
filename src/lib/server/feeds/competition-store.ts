/**
 * Finds or creates funders and competitions by their natural keys, shared by every feed that
 * mentions a funding round (published facts, WH:LG participation, officers' bid feeds).
 */
import type { ImportContext } from '../rows/feed';
import { SCHEME_CATALOGUE } from './scheme-catalogue';

export function competitionStore(ctx: ImportContext) {
	const { sqlite } = ctx;
	const findFunder = sqlite.prepare('SELECT id FROM funders WHERE name = ?').pluck();
	const insertFunder = sqlite.prepare('INSERT INTO funders (name, kind) VALUES (?, ?)');
	const findCompetition = sqlite
		.prepare('SELECT id FROM competitions WHERE scheme = ? AND round = ?')
		.pluck();
	const insertCompetition = sqlite.prepare(
		`INSERT INTO competitions (scheme, round, funder_id, kind, theme, eligible_types, is_sample, batch_id)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const cache = new Map<string, number>();

	function funderId(name: string, kind: string | null): number {
		const id = findFunder.get(name) as number | undefined;
		return id ?? Number(insertFunder.run(name, kind).lastInsertRowid);
	}

	return {
		/** The competition's id, created with what the catalogue knows when it is new. */
		ensure(scheme: string, round: string, rowNumber: number | null): number {
			const key = `${scheme}\u0000${round}`;
			const cached = cache.get(key);
			if (cached) return cached;
			let id = findCompetition.get(scheme, round) as number | undefined;
			if (!id) {
				const facts = SCHEME_CATALOGUE[scheme];
				if (!facts) {
					ctx.issues.info(
						rowNumber,
						'scheme',
						scheme,
						'scheme_not_catalogued',
						`scheme "${scheme}" is not in the catalogue: funder, kind and theme left blank`
					);
				}
				id = Number(
					insertCompetition.run(
						scheme,
						round,
						facts ? funderId(facts.funder, facts.funderKind) : null,
						facts?.kind ?? null,
						facts?.theme ?? null,
						facts?.eligibleTypes ? JSON.stringify(facts.eligibleTypes) : null,
						ctx.isSample ? 1 : 0,
						ctx.batchId
					).lastInsertRowid
				);
			}
			cache.set(key, id);
			return id;
		}
	};
}
