/**
 * Finds or creates funders and competitions by their natural keys, shared by every feed that
 * mentions a funding round (published facts, WH:LG participation, officers' bid feeds).
 */
import { competitions, funders } from '../db/schema';
import type { ImportContext } from '../rows/feed';
import { SCHEME_CATALOGUE } from './scheme-catalogue';

export function competitionStore(ctx: ImportContext) {
	const cache = new Map<string, number>();
	return {
		/** The competition's id, created with what the catalogue knows when it is new. */
		ensure(scheme: string, round: string, rowNumber: number | null): number {
			const key = `${scheme}\u0000${round}`;
			const cached = cache.get(key);
			if (cached) return cached;
			const facts = SCHEME_CATALOGUE[scheme];
			let id = ctx.write.idOf(competitions, { scheme, round });
			if (id === undefined) {
				if (!facts) {
					ctx.issues.info(
						rowNumber,
						'scheme',
						scheme,
						'scheme_not_catalogued',
						`scheme "${scheme}" is not in the catalogue: funder, kind and theme left blank`
					);
				}
				id = ctx.write.ensure(
					competitions,
					{ scheme, round },
					{
						funderId: facts
							? ctx.write.ensure(funders, { name: facts.funder }, { kind: facts.funderKind })
							: null,
						kind: facts?.kind ?? null,
						theme: facts?.theme ?? null,
						eligibleTypes: facts?.eligibleTypes ? [...facts.eligibleTypes] : null
					}
				);
			}
			cache.set(key, id);
			return id;
		}
	};
}
