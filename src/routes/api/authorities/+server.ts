import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { searchAuthorities } from '$lib/server/queries/authority-search';
import { listAllTargets } from '$lib/server/queries/commitments';
import { AuthorityListResponse } from '$lib/server/api/authority-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import type { RequestHandler } from './$types';

const QuerySchema = z.object({
	nation: z.string().trim().max(60).optional(),
	region: z.string().trim().max(60).optional(),
	type: z.string().trim().max(10).optional(),
	q: z.string().trim().max(100).optional(),
	include_abolished: z.enum(['true', 'false']).optional()
});

/**
 * GET /api/authorities: every current authority with codes, type, region and targets; `q` finds a
 * council by any known spelling, an abolished one's successors, or the nearest names.
 */
export const GET: RequestHandler = ({ url }) => {
	const parsed = QuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) {
		return json(
			{
				error: 'invalid query',
				issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
			},
			{ status: 400 }
		);
	}
	const { include_abolished, ...filter } = parsed.data;
	const { authorities, abolished, suggestions } = searchAuthorities({
		...filter,
		includeAbolished: include_abolished === 'true'
	});
	const targets = listAllTargets();
	return json({
		count: authorities.length,
		authorities: authorities.map((a) => ({
			code: a.code,
			gssCode: a.gssCode,
			name: a.name,
			officialName: a.officialName,
			type: a.type,
			typeName: a.typeName,
			tier: a.tier,
			nation: a.nation,
			region: a.region,
			isCurrent: a.isCurrent,
			population2020: a.population2020,
			targets: (targets.get(a.code) ?? []).map((t) => ({
				scope: t.scope,
				targetYear: t.targetYear,
				sourceUrl: t.sourceUrl
			}))
		})),
		// With `q`: abolished councils it named (their successors are listed) and, when nothing
		// matched, the nearest known names.
		abolished,
		suggestions,
		licence: 'Data: mySociety and Climate Emergency UK (CC BY 4.0). See /sources.'
	} satisfies Body<typeof AuthorityListResponse>);
};
