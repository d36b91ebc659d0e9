/**
 * The words for what a scheme's money is for, the same on every page, chart and download
 * (client-safe: no server code). Net-zero money is a net-zero-specific scheme's or a wider fund's
 * net-zero strand; general money (regeneration, growth) is counted apart, never mixed in.
 */
export type SchemePurpose = 'net_zero_specific' | 'net_zero_partial' | 'general';

export const PURPOSE_LABELS: Record<SchemePurpose, string> = {
	net_zero_specific: 'Net zero',
	net_zero_partial: 'Net-zero strand of a wider fund',
	general: 'General (regeneration, growth)'
};

/** The label of a purpose; a scheme nobody has classified says so. */
export function purposeLabel(purpose: SchemePurpose | null): string {
	return purpose ? PURPOSE_LABELS[purpose] : 'Not classified';
}

/** Whether a scheme's money counts as net-zero money. */
export const isNetZeroMoney = (purpose: SchemePurpose | null): boolean =>
	purpose === 'net_zero_specific' || purpose === 'net_zero_partial';

/**
 * Which money a funding figure counts: net-zero money (the default everywhere) or all money.
 * Here, not in the server's metrics, so a page's address can be read in the browser too.
 */
export const MONEY_SCOPES = ['net-zero', 'all'] as const;
export type MoneyScope = (typeof MONEY_SCOPES)[number];

/** The money a figure counts, in words for titles: "net-zero money" or "all money". */
export function moneyWords(money: MoneyScope): string {
	return money === 'net-zero' ? 'net-zero money' : 'all money, net-zero and general';
}

/** The money a figure counts in two words, for a column or axis title. */
export function moneyShortWords(money: MoneyScope): string {
	return money === 'net-zero' ? 'net-zero money' : 'all money';
}

/** The same page with the other choice of money, every other option kept. */
export function moneyHref(url: URL, money: MoneyScope): string {
	const params = new URLSearchParams(url.search);
	if (money === 'net-zero') params.delete('money');
	else params.set('money', money);
	// Commas are safe in a query string and keep a list readable: ?codes=TRF,MAN,SLF
	const query = params.toString().replaceAll('%2C', ',');
	return `${url.pathname}${query ? `?${query}` : ''}`;
}
