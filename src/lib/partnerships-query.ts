/**
 * The partnership map's address, read with zod: scheme, year, council and the table's order.
 * Empty fields (a GET form's "All schemes") mean no filter.
 */
import { z } from 'zod';
import { EDGE_SORTS } from './partnerships-href';

export {
	EDGE_SORTS,
	KIND_WORDS,
	partnershipHref,
	type EdgeSort,
	type PartnershipView
} from './partnerships-href';

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
