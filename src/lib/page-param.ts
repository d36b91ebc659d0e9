/**
 * The `page` address option read with zod (paging.ts has the rest, which pages use in the browser).
 */
import { z } from 'zod';
import type { PageChoice } from './paging';

/** `page`: a page number from 1, or "all"; absent is the first page. */
export const pageParam = z
	.string()
	.optional()
	.transform((v, ctx): PageChoice => {
		if (!v) return 1;
		if (v === 'all') return 'all';
		const n = Number(v);
		if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
			ctx.addIssue({ code: 'custom', message: 'page: expected a page number from 1, or "all"' });
			return z.NEVER;
		}
		return n;
	});

export function readPage(params: URLSearchParams) {
	const parsed = pageParam.safeParse(params.get('page') ?? undefined);
	if (parsed.success) return { success: true as const, data: parsed.data };
	return { success: false as const, message: parsed.error.issues.map((i) => i.message).join('; ') };
}
