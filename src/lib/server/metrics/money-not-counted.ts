/**
 * What a net-zero funding figure leaves out of the published lists, to say beside it: the awards
 * of general (regeneration, growth) schemes, and of schemes nobody has classified yet. Never mixed
 * in, never hidden: a councillor reads both numbers.
 */

export interface MoneyNotCounted {
	/** Regeneration and growth money (Levelling Up Fund, UK Shared Prosperity Fund…). */
	general: { awards: number; totalGbp: number };
	/** Schemes nobody has classified yet. */
	unclassified: { awards: number; totalGbp: number };
}

/** The lead awards (money counted once, to its lead) of general and of unclassified schemes. */
export function moneyNotCounted(
	facts: readonly { role: string; purpose: string | null; amountGbp: number }[]
): MoneyNotCounted {
	const sum = (keep: (purpose: string | null) => boolean) => {
		const led = facts.filter((f) => f.role === 'lead' && keep(f.purpose));
		return { awards: led.length, totalGbp: led.reduce((s, f) => s + f.amountGbp, 0) };
	};
	return { general: sum((p) => p === 'general'), unclassified: sum((p) => p === null) };
}

/**
 * What several councils' net-zero figures leave out together (a page comparing them): each
 * council's own leads, added. Null when the figures count all money (each council's is null).
 */
export function notCountedTogether(
	councils: readonly (MoneyNotCounted | null)[]
): MoneyNotCounted | null {
	const counted = councils.filter((c): c is MoneyNotCounted => c !== null);
	if (!counted.length) return null;
	const add = (kind: keyof MoneyNotCounted) => ({
		awards: counted.reduce((s, c) => s + c[kind].awards, 0),
		totalGbp: counted.reduce((s, c) => s + c[kind].totalGbp, 0)
	});
	return { general: add('general'), unclassified: add('unclassified') };
}
