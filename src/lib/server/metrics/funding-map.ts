/**
 * What the national funding page shows of every council's figures: one number per hex for the
 * chosen figure, and the ranking of the most fragmented councils. Only these go to the browser:
 * the full figures for 397 councils are four fifths of the page otherwise, sent twice (as HTML
 * and again as the data the page hydrates from). Pure; unit-tested.
 */
import type { FragmentationSummary } from './funding';

export const MAP_METRICS = [
	'perHeadGbp',
	'estimatedPerHeadGbp',
	'effectivePots',
	'competitiveShare',
	'totalGbp'
] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

export interface HexPlace {
	gssCode: string;
	name: string;
	q: number;
	r: number;
}

export interface CouncilFigures extends FragmentationSummary {
	code: string;
	name: string;
	gssCode: string | null;
	typeName: string;
}

export interface MapCell extends HexPlace {
	/** The council's 3-letter code, for its link; null when no council has the hex's GSS code. */
	code: string | null;
	value: number | null;
}

/**
 * Each hex with its council's figure. A council with no published award has no figure, not a
 * zero: award lists are partial. A consortium partner has one for its estimated share, though it
 * led nothing.
 */
export function fundingMapCells(
	hexes: readonly HexPlace[],
	councils: readonly CouncilFigures[],
	metric: MapMetric
): MapCell[] {
	const byGss = new Map(councils.filter((c) => c.gssCode).map((c) => [c.gssCode!, c]));
	return hexes.map((h) => {
		const c = byGss.get(h.gssCode);
		const hasData =
			c && (c.awards > 0 || (metric === 'estimatedPerHeadGbp' && c.partnerAwards > 0));
		return { ...h, code: c?.code ?? null, value: hasData ? c[metric] : null };
	});
}

export type RankedCouncil = Pick<
	CouncilFigures,
	'code' | 'name' | 'typeName' | 'effectivePots' | 'potsWon' | 'funders' | 'totalGbp'
> & { medianAwardGbp: number | null };

/** Fewer awards than this make no spread to measure: one award is one pot, always. */
export const MIN_AWARDS_RANKED = 2;

/**
 * Councils paid two or more published awards as lead (consortium awards they are partners in are
 * not counted), with more than £0 in all, most fragmented (most effective pots) first.
 */
export function rankByFragmentation(councils: readonly CouncilFigures[]): RankedCouncil[] {
	return councils
		.filter((c) => c.awards >= MIN_AWARDS_RANKED && c.effectivePots !== null)
		.sort((a, b) => b.effectivePots! - a.effectivePots! || b.potsWon - a.potsWon)
		.map((c) => ({
			code: c.code,
			name: c.name,
			typeName: c.typeName,
			effectivePots: c.effectivePots,
			potsWon: c.potsWon,
			funders: c.funders,
			totalGbp: c.totalGbp,
			medianAwardGbp: c.medianAwardGbp
		}));
}

/**
 * What the ranking counts, in one sentence for the page: the awards of rankByFragmentation, in
 * the chosen year when there is one.
 */
export function rankingRule(ranked: number, year: number | null): string {
	const councils = ranked === 1 ? 'the 1 council' : `all ${ranked} councils`;
	const dated = year === null ? '' : ` dated ${year}`;
	return (
		`Listed: ${councils} paid ${MIN_AWARDS_RANKED} or more published awards${dated} as lead. ` +
		'An award shared as a consortium partner is not counted (it counts once, to its lead), and ' +
		'two awards from the same pot count as two awards but one pot won.'
	);
}
