/**
 * Which authorities may be each other's similar councils. Tiers overlap on the ground (a district
 * sits in a county, both in a combined authority), so peers always share a tier group; the type is
 * a filter, never a feature.
 *
 * - Lower tier or unitary: districts (NMD) with every council that alone covers its area (UA, MD,
 *   LBO, CC, SCO, WPA, NID). This is mySociety's `lower-or-unitary` flag in the names-and-codes
 *   data and their `just_lower_tier` (everything but CTY, COMB and SRA, mysociety/caps
 *   caps/dataframe/la.py), and the "a district's peers are districts or unitaries". The
 *   CEUK Scorecards split districts, single tier and Northern Ireland apart because their questions
 *   differ by council type, not because the places cannot be compared.
 * - County (CTY) with counties only, as in the Scorecards' "county" group: a county overlaps its
 *   districts, so it cannot join their group, and a unitary cannot be in two groups. Counties
 *   therefore have about 20 peers, not 30.
 * - Combined authorities (COMB) with the GLA (SRA), as in the Scorecards' "combined" group.
 */

export type TierGroup = 'lower-or-unitary' | 'county' | 'combined';

const GROUP_BY_TYPE: Readonly<Record<string, TierGroup>> = {
	NMD: 'lower-or-unitary',
	UA: 'lower-or-unitary',
	MD: 'lower-or-unitary',
	LBO: 'lower-or-unitary',
	CC: 'lower-or-unitary',
	SCO: 'lower-or-unitary',
	WPA: 'lower-or-unitary',
	NID: 'lower-or-unitary',
	CTY: 'county',
	COMB: 'combined',
	SRA: 'combined'
};

/** The tier group of a mySociety authority type code, or null for a code it does not know. */
export function tierGroup(authorityType: string): TierGroup | null {
	return Object.hasOwn(GROUP_BY_TYPE, authorityType) ? GROUP_BY_TYPE[authorityType]! : null;
}

/**
 * The groups councils compare themselves within, whose powers match: single tier (London
 * boroughs, metropolitan boroughs, unitaries, the City of London, Welsh and Scottish councils),
 * districts, counties, combined authorities (with the GLA) and Northern Ireland's councils. A
 * district has other powers than a metropolitan borough, so it is never listed as one's peer
 * (Trafford's peers were Woking, South Ribble, Harlow, Wyre and Bolsover). The tier group above
 * stays for colouring charts, where tiers that cover the same ground are told apart.
 */
export type PeerGroup = 'single-tier' | 'district' | 'county' | 'combined' | 'northern-ireland';

const PEER_GROUP_BY_TYPE: Readonly<Record<string, PeerGroup>> = {
	UA: 'single-tier',
	MD: 'single-tier',
	LBO: 'single-tier',
	CC: 'single-tier',
	SCO: 'single-tier',
	WPA: 'single-tier',
	NMD: 'district',
	CTY: 'county',
	COMB: 'combined',
	SRA: 'combined',
	NID: 'northern-ireland'
};

/** The peer group of a mySociety authority type code, or null for a code it does not know. */
export function peerGroup(authorityType: string): PeerGroup | null {
	return Object.hasOwn(PEER_GROUP_BY_TYPE, authorityType)
		? PEER_GROUP_BY_TYPE[authorityType]!
		: null;
}
