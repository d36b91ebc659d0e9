/**
 * The partnership map's links and words, without the zod that reads its address
 * (partnerships-query.ts): pages import these in the browser.
 */

export const EDGE_SORTS = ['gbp', 'count', 'name'] as const;
export type EdgeSort = (typeof EDGE_SORTS)[number];

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
