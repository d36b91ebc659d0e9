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

/** Councils with two or more published awards, most fragmented (most effective pots) first. */
export function rankByFragmentation(councils: readonly CouncilFigures[]): RankedCouncil[] {
	return councils
		.filter((c) => c.awards >= 2 && c.effectivePots !== null)
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
