/**
 * Everything the council funding page and its API show: the bid pipeline, awards by funder and
 * year, fragmentation figures beside the median of councils of the same type, and the cost of
 * bidding. Published (real) figures and sample figures are computed apart, never mixed.
 */
import type Database from 'better-sqlite3';
import {
	bidOutcomes,
	fragmentation,
	median,
	type BidOutcomes,
	type FragmentationSummary
} from '../metrics/funding';
import { listAuthorityBids, type BidRow } from './bids';
import { listAuthorityAwards, type AwardRow } from './funding';
import { listAuthorityPopulations, listAwardFacts, listBidFacts } from './funding-facts';

export const COMPARED_METRICS = [
	'potsWon',
	'funders',
	'totalGbp',
	'perHeadGbp',
	'medianAwardGbp',
	'competitiveShare',
	'effectivePots',
	'shareUnder1m',
	'consortiumShare'
] as const satisfies readonly (keyof FragmentationSummary)[];

export interface TypeComparison {
	typeName: string;
	/** Councils of this type with at least one published award: the median is over these. */
	councils: number;
	medians: Partial<Record<(typeof COMPARED_METRICS)[number], number | null>>;
}

export interface AuthorityFunding {
	awards: AwardRow[];
	bids: BidRow[];
	population: number | null;
	/** From published awards only. */
	fragmentation: FragmentationSummary;
	/** Including sample awards, when there are any (shown apart, labelled). */
	fragmentationWithSample: FragmentationSummary | null;
	comparison: TypeComparison;
	outcomes: BidOutcomes;
	bidsAreSample: boolean;
	dayRateGbp: number;
}

export function getAuthorityFunding(
	sqlite: Database.Database,
	code: string,
	dayRateGbp: number
): AuthorityFunding {
	const populations = listAuthorityPopulations(sqlite);
	const me = populations.find((p) => p.code === code);
	const population = me?.population ?? null;
	const real = listAwardFacts(sqlite, { authority: code });
	const withSample = listAwardFacts(sqlite, { authority: code, includeSample: true });
	const bids = listAuthorityBids(sqlite, code);
	return {
		awards: listAuthorityAwards(sqlite, code),
		bids,
		population,
		fragmentation: fragmentation(real, population),
		fragmentationWithSample:
			withSample.length > real.length ? fragmentation(withSample, population) : null,
		comparison: compareWithType(sqlite, me?.type ?? null, me?.typeName ?? ''),
		outcomes: bidOutcomes(listBidFacts(sqlite, code), dayRateGbp),
		bidsAreSample: bids.some((b) => b.isSample),
		dayRateGbp
	};
}

/** Medians over councils of one type that have published awards (real data only). */
function compareWithType(
	sqlite: Database.Database,
	type: string | null,
	typeName: string
): TypeComparison {
	if (!type) return { typeName, councils: 0, medians: {} };
	const peers = listAuthorityPopulations(sqlite).filter((p) => p.type === type);
	const facts = listAwardFacts(sqlite);
	const summaries = peers
		.map((p) =>
			fragmentation(
				facts.filter((f) => f.authorityCode === p.code),
				p.population
			)
		)
		.filter((s) => s.awards > 0);
	const medians: TypeComparison['medians'] = {};
	for (const m of COMPARED_METRICS) {
		medians[m] = median(summaries.map((s) => s[m]).filter((v): v is number => v !== null));
	}
	return { typeName, councils: summaries.length, medians };
}
