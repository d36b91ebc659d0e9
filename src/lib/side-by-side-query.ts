/**
 * The side-by-side page's address, read with zod: which councils (2 to 6 codes, 3-letter or
 * GSS, comma-separated), which view of their emissions, which whole-area measure (as on the
 * progress pages), and which money the funding figures count (net-zero unless `money=all`, as on
 * the funding pages). Codes are checked for shape here; whether a council has the code is the
 * server's question.
 */
import { z } from 'zod';
import { SIDE_VIEWS, type SideView } from './charts/side-by-side';
import { moneyParam } from './money-param';
import type { MoneyScope } from './funding-purpose';

export const MIN_COUNCILS = 2;
export const MAX_COUNCILS = 6;

// 3-letter codes (TRF), the few longer ones (GMCA, NIR-A) and GSS codes (E08000009).
const CODE = /^[A-Z][A-Z0-9-]{1,11}$/;

export const SideBySideSchema = z.object({
	codes: z
		.string()
		.transform((s) =>
			s
				.split(',')
				.map((c) => c.trim().toUpperCase())
				.filter(Boolean)
		)
		.pipe(
			z
				.array(
					z.string().regex(CODE, {
						error: (i) =>
							`codes: "${String(i.input)}" is not a council code (expected a code such as TRF or E08000009)`
					})
				)
				.max(MAX_COUNCILS, {
					error: `codes: at most ${MAX_COUNCILS} councils side by side, so that the lines on one chart can still be told apart; remove one to add another`
				})
		),
	view: z
		.enum(SIDE_VIEWS, { error: `view: expected one of ${SIDE_VIEWS.join(', ')}` })
		.default('absolute'),
	measure: z
		.enum(['territorial', 'scope_of_influence'], {
			error: 'measure: expected "territorial" or "scope_of_influence"'
		})
		.default('territorial'),
	money: moneyParam
});

export type SideBySideQuery = z.output<typeof SideBySideSchema>;

export function sideBySideQuery(params: URLSearchParams) {
	const raw = Object.fromEntries(
		['codes', 'view', 'measure', 'money'].flatMap((k) =>
			params.get(k) ? [[k, params.get(k)]] : []
		)
	);
	const parsed = SideBySideSchema.safeParse({ codes: '', ...raw });
	if (parsed.success) return { success: true as const, data: parsed.data };
	return {
		success: false as const,
		message: parsed.error.issues.map((i) => i.message).join('; ')
	};
}

/** The page's address for a set of councils and options, defaults left out. */
export function sideBySideHref(options: {
	codes: readonly string[];
	view?: SideView;
	measure?: string;
	money?: MoneyScope;
}) {
	const params = new URLSearchParams();
	if (options.codes.length) params.set('codes', options.codes.join(','));
	if (options.view && options.view !== 'absolute') params.set('view', options.view);
	if (options.measure && options.measure !== 'territorial') params.set('measure', options.measure);
	if (options.money && options.money !== 'net-zero') params.set('money', options.money);
	// Commas are safe in a query string and keep the address readable: ?codes=TRF,MAN,SLF
	return `/compare/side-by-side?${params.toString().replaceAll('%2C', ',')}`;
}
