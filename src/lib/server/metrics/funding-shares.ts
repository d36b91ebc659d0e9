/**
 * Estimated shares of consortium awards. Published lists credit a consortium's whole award to its
 * lead council, which makes the lead look lavishly funded per head and its partners unfunded.
 * This splits each award across the lead and its partner councils by population: an estimate
 * (consortia do not publish how they divide the money), always labelled as one. Pure;
 * unit-tested.
 */

/** A council that may be a consortium member, with what the split needs to know about it. */
export interface ShareMember {
	code: string;
	population: number | null;
	/** The county and combined authority the council sits in (their populations contain its). */
	withinCodes: readonly string[];
}

export interface MemberShare {
	code: string;
	/** Fraction (0..1) of the award estimated for this council; the shares of an award sum to 1. */
	share: number;
	/** Why a member got no share: its residents are counted through member councils inside it, or its population is not known. */
	leftOut: 'contains-members' | 'no-population' | null;
}

/** The one sentence that says how estimated shares are made, for every page that shows one. */
export const SHARE_METHOD =
	'Estimated share: each consortium award is split between the lead and its partner councils in proportion to their populations (a county is left out when its districts are members, so no resident counts twice); other awards count in full to the council paid.';

/**
 * Each member's estimated fraction of one award: the lead and its partner councils (duplicates
 * ignored), in proportion to population. A member containing another member (a county with its
 * districts, a combined authority with its councils) is left out so no resident counts twice; a
 * member without a known population is left out as it cannot be weighed. If nobody is left to
 * weigh, the lead keeps the whole award, as published.
 */
export function populationShares(
	leadCode: string,
	partnerCodes: readonly string[],
	members: ReadonlyMap<string, ShareMember>
): MemberShare[] {
	const codes = [...new Set([leadCode, ...partnerCodes])];
	const insideOthers = new Set(
		codes.flatMap((c) => (members.get(c)?.withinCodes ?? []).filter((w) => w !== c))
	);
	const leftOut = (c: string): MemberShare['leftOut'] => {
		if (insideOthers.has(c)) return 'contains-members';
		const population = members.get(c)?.population;
		return population && population > 0 ? null : 'no-population';
	};
	const reasons = codes.map(leftOut);
	const weighed = codes.filter((_, i) => reasons[i] === null);
	const total = weighed.reduce((s, c) => s + members.get(c)!.population!, 0);
	if (weighed.length === 0) {
		return codes.map((code, i) => ({
			code,
			share: code === leadCode ? 1 : 0,
			leftOut: code === leadCode ? null : reasons[i]!
		}));
	}
	return codes.map((code, i) => ({
		code,
		share: reasons[i] === null ? members.get(code)!.population! / total : 0,
		leftOut: reasons[i]!
	}));
}
