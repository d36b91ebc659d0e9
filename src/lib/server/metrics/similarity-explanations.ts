/**
 * The plain-words explanation of similar councils printed on the council page and returned by the
 * API, built from the constants the computation uses so the two cannot disagree. Plain strings:
 * a page's data must serialise.
 */
import { OVERALL_NEARNESS_WEIGHT, SIMILARITY_TYPES, type SimilarityType } from './similar-councils';
import { DENSITY_WEIGHT, EMISSIONS_PROFILE_SECTORS } from './similarity-features';
import { MATCH_SCALE_RANK, PEERS_KEPT } from './similarity-peers';

export interface SimilarityTypeExplanation {
	label: string;
	explanation: string;
}

const sectors = EMISSIONS_PROFILE_SECTORS.map((s) => s.toLowerCase()).join(', ');

export const SIMILARITY_TYPE_EXPLANATIONS: Record<SimilarityType, SimilarityTypeExplanation> = {
	emissions: {
		label: 'Emissions profile',
		explanation:
			`Councils whose emissions are made up in the same way: each sector's share of the total ` +
			`(${sectors}), and how densely the area is peopled, counted at a quarter of the ` +
			`weight of a sector (${DENSITY_WEIGHT}). The size of the total does not count.`
	},
	nearby: {
		label: 'Nearby',
		explanation:
			'Councils whose centre is nearest, on the British National Grid: neighbours first, ' +
			'whatever their size.'
	},
	overall: {
		label: 'Overall',
		explanation:
			'Both at once: the emissions-profile and nearby distances, each divided by its typical ' +
			`distance and nearness counted ${OVERALL_NEARNESS_WEIGHT} times, combined (the square ` +
			'root of the sum of their squares), so a peer ranks high when it is near and alike.'
	}
};

export const SIMILARITY_METHOD = {
	summary:
		`Each feature is put on the same scale across all councils (how many standard deviations ` +
		`from the average), and the distance between two councils is the straight-line distance ` +
		`between them on those scales. The match score turns the distance into 0–100: 100 is the ` +
		`same point, 0 is as far as the council's ${ordinal(MATCH_SCALE_RANK)}-most-different ` +
		`council, or farther.`,
	tiers:
		'Peers are always councils with the same powers: single-tier councils (unitaries, ' +
		'metropolitan and London boroughs, the City of London, Scottish and Welsh councils) with ' +
		'each other, districts with districts, counties with counties, combined authorities with ' +
		'combined authorities and the GLA, and Northern Ireland’s councils with each other. The ' +
		'type of council is a filter, not part of the comparison.',
	kept: `The ${PEERS_KEPT} closest are kept for each council and type, computed when the data is imported.`,
	origin:
		"The method is mySociety's local authority similarity (distances of z-scored features and " +
		'the match score), with the features this site holds.',
	/** The types in the order pages show them. */
	order: SIMILARITY_TYPES,
	types: SIMILARITY_TYPE_EXPLANATIONS
};

export type SimilarityMethod = typeof SIMILARITY_METHOD;

function ordinal(n: number): string {
	const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n}${suffix}`;
}
