/**
 * The partnership map's address, read with zod: scheme, year, council and the table's order.
 * Empty fields (a GET form's "All schemes") mean no filter.
 */
import { z } from 'zod';

export const EDGE_SORTS = ['gbp', 'count', 'name'] as const;
export type EdgeSort = (typeof EDGE_SORTS)[number];

const PartnershipQuerySchema = z.object({
	scheme: z.string().trim().max(200, 'scheme: at most 200 characters').optional(),
	year: z.coerce
		.number({ error: 'year: expected a year such as 2023' })
		.int('year: expected a year such as 2023')
		.min(1990, 'year: expected a year from 1990 to 2100')
		.max(2100, 'year: expected a year from 1990 to 2100')
		.optional(),
	council: z.string().trim().max(12, 'council: expected a council code such as TRF').optional(),
	sort: z
		.enum(EDGE_SORTS, { error: `sort: expected one of ${EDGE_SORTS.join(', ')}` })
		.default('gbp'),
	money: z
		.enum(['net-zero', 'all'], { error: 'money: expected net-zero or all' })
		.default('net-zero')
});

export function partnershipQuery(params: URLSearchParams) {
	const raw = Object.fromEntries([...params].filter(([, v]) => v.trim() !== ''));
	const q = PartnershipQuerySchema.safeParse(raw);
	if (q.success) return { success: true as const, data: q.data };
	return { success: false as const, message: q.error.issues.map((i) => i.message).join('; ') };
}

export interface PartnershipView {
	scheme?: string | null;
	year?: number | null;
	council?: string | null;
	sort?: EdgeSort;
	money?: 'net-zero' | 'all';
}

/** The map's address with these filters, defaults left out. */
export function partnershipHref(view: PartnershipView): string {
	const p = new URLSearchParams();
	if (view.scheme) p.set('scheme', view.scheme);
	if (view.year) p.set('year', String(view.year));
	if (view.council) p.set('council', view.council);
	if (view.sort && view.sort !== 'gbp') p.set('sort', view.sort);
	if (view.money === 'all') p.set('money', 'all');
	const q = p.toString();
	return q ? `/compare/partnerships?${q}` : '/compare/partnerships';
}

/** Partner kinds in words, for a body that is not a council. */
export const KIND_WORDS: Record<string, string> = {
	authority: 'council',
	nhs: 'NHS body',
	housing_association: 'housing association',
	university: 'university',
	business: 'business',
	community: 'community group',
	other: 'other body'
};
