/**
 * The progress pages' address options, read with zod: which whole-area measure the targets are
 * judged on, and over how many years the trend is fitted. Shared by the pages and the API.
 */
import { z } from 'zod';

export { MEASURE_OPTIONS, progressHref } from './progress-href';

export const ProgressQuerySchema = z.object({
	measure: z
		.enum(['territorial', 'scope_of_influence'], {
			error: 'measure: expected "territorial" or "scope_of_influence"'
		})
		.default('territorial'),
	window: z.coerce
		.number({ error: 'window: expected a whole number of years from 3 to 10' })
		.int('window: expected a whole number of years from 3 to 10')
		.min(3, 'window: expected a whole number of years from 3 to 10')
		.max(10, 'window: expected a whole number of years from 3 to 10')
		.default(5)
});

export type ProgressQuery = z.output<typeof ProgressQuerySchema>;

export function progressQuery(params: URLSearchParams) {
	const raw = Object.fromEntries(
		['measure', 'window'].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))
	);
	const parsed = ProgressQuerySchema.safeParse(raw);
	if (parsed.success) {
		const { measure, window } = parsed.data;
		return { success: true as const, data: { measure, windowYears: window } };
	}
	return {
		success: false as const,
		message: parsed.error.issues.map((i) => i.message).join('; ')
	};
}
