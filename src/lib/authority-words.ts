/**
 * How a council page words what a council is and where it stands in a scheme, so the sentences
 * read true for every type of council and every nation.
 */

/** What each tier means for a reader, worded so that no council type is named twice. */
const TIER_NOTES: Record<string, string> = {
	lower: 'lower tier: county services come from its county council',
	upper: 'upper tier: its figures include its districts',
	unitary: 'single-tier: it runs all local services',
	combined: 'a tier above councils: its figures include its member councils',
	regional: 'a tier above councils: its figures include its boroughs'
};

/** "Metropolitan district, single-tier: it runs all local services". */
export function tierLine(typeName: string, tier: string): string {
	return `${typeName}, ${TIER_NOTES[tier] ?? tier}`;
}

/** Type names that start with a proper noun or adjective, kept as written mid-sentence. */
const PROPER_START = /^(Scottish|Welsh|NI|London|Greater London)\b/;

/**
 * A type name mid-sentence: "combined authority", but "Scottish unitary authority" and "Greater
 * London Authority" (ONS's name for the GLA's kind) keep their capitals.
 */
export function typeInSentence(typeName: string): string {
	return PROPER_START.test(typeName) ? typeName : typeName.toLowerCase();
}

/** Schemes that only some nations can take part in, and which. */
const SCHEME_NATIONS: Record<string, readonly string[]> = {
	'Warm Homes: Local Grant': ['England']
};

/**
 * Schemes that do not run in a nation, for councils the scheme's own list leaves out (it names no
 * Northern Irish council at all): the page says "not applicable" rather than nothing.
 */
export function schemesNotRunningIn(nation: string, listed: readonly string[]): string[] {
	return Object.entries(SCHEME_NATIONS)
		.filter(([scheme, nations]) => !nations.includes(nation) && !listed.includes(scheme))
		.map(([scheme]) => scheme);
}

export interface ParticipationWords {
	/** The status, in a word or three. */
	status: string;
	/** What the status means, when the status alone would mislead. */
	note: string | null;
	/** The scheme does not run in the council's nation: nothing else applies. */
	notApplicable: boolean;
}

/**
 * A council's status in a scheme, from the status DESNZ's Warm Homes service records. The words
 * follow what that service tells a resident of the council: "NoFunding" is "not taking part";
 * "NotParticipating" is "not receiving applications via this service", i.e. residents apply
 * another way (Greater Manchester's councils, through the combined authority's own portal).
 */
export function participationWords(
	scheme: string,
	status: string,
	nation: string
): ParticipationWords {
	const nations = SCHEME_NATIONS[scheme];
	if (nations && !nations.includes(nation)) {
		return {
			status: 'Not applicable',
			note: `the scheme is for ${nations.join(' and ')} only.`,
			notApplicable: true
		};
	}
	const words: Record<string, [string, string | null]> = {
		Live: ['Taking referrals', null],
		ReferralsPaused: ['Referrals paused', null],
		NoFunding: ['Not taking part', null],
		NotParticipating: [
			'Not through the national service',
			'residents apply to the council or its consortium directly.'
		],
		NoLongerParticipating: ['No longer taking applications', null]
	};
	const [label, note] = words[status] ?? [status, null];
	return { status: label, note, notApplicable: false };
}
