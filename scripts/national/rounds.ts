/**
 * The national benchmark's funding rounds: as many fictional rounds as asked for (20,000 at full
 * size), in schemes of 1 to 12 rounds, each scheme named "Sample: …" and numbered, so no round can
 * be taken for a real one. They are the demo's Round objects (sample-catalogue.ts), so the demo's
 * bid generator writes bids for them, with project titles from the demo's own idea lists. Rounds
 * run from 2012 to a year after the as-of date: most decided, some awaiting a decision, some open,
 * some not yet open, as a national list of rounds would be.
 */
import { addDays } from '../../src/lib/domain/dates';
import {
	OWN_BUDGET_ACTIONS,
	SAMPLE_SCHEME_PREFIX,
	rounds as demoRounds,
	type Idea,
	type Nation,
	type Round
} from '../../src/lib/server/demo/sample-catalogue';
import type { Rng } from '../../src/lib/server/demo/sample-random';

/** What each theme's schemes are called (before "Fund" and the scheme's number). */
const SCHEME_NAMES: Record<string, readonly string[]> = {
	buildings: ['Public Building Decarbonisation', 'School Heat', 'Civic Estate Retrofit'],
	housing: ['Warm Homes', 'Social Housing Retrofit', 'Fuel Poverty', 'Off-Gas Homes'],
	transport: ['Active Travel', 'EV Charging', 'Zero Emission Bus', 'Clean Fleet'],
	energy: ['Community Energy', 'Heat Network', 'Solar Schools', 'Local Grid'],
	nature: ['Nature Recovery', 'Urban Trees', 'Wetland Restoration', 'Peatland']
};
const ROUND_WORDS = ['Round', 'Phase', 'Wave', 'Window'];
const MATCH = [
	'None required',
	'10% from the applicant',
	'25% from the applicant or private partners',
	'50% match funding'
];
const GB: readonly Nation[] = ['England', 'Wales', 'Scotland'];
const UK: readonly Nation[] = [...GB, 'Northern Ireland'];
/** Who may bid, in the words the competitions template reads as authority types. */
const ELIGIBLE_ENGLAND =
	'District, Unitary, County, Metropolitan district, London borough, Combined authority, GLA, City of London';
export const ELIGIBLE: Record<string, string> = {
	England: ELIGIBLE_ENGLAND,
	Wales: 'Welsh unitary',
	Scotland: 'Scottish unitary',
	GB: `${ELIGIBLE_ENGLAND}, Welsh unitary, Scottish unitary`,
	UK: `${ELIGIBLE_ENGLAND}, Welsh unitary, Scottish unitary, NI district`
};

/** Nations a scheme is open to, by how often each kind of scheme occurs. */
function nationsOf(rng: Rng): [readonly Nation[], string] {
	const r = rng.float();
	if (r < 0.55) return [['England'], 'England'];
	if (r < 0.85) return [GB, 'GB'];
	if (r < 0.95) return [UK, 'UK'];
	return r < 0.975 ? [['Wales'], 'Wales'] : [['Scotland'], 'Scotland'];
}

/** The demo's project ideas by theme: the bids of a scheme are for projects of its theme. */
function ideasByTheme(asOf: string): Map<string, Idea[]> {
	const byTheme = new Map<string, Idea[]>();
	const all = [...demoRounds(asOf).flatMap((r) => r.ideas), ...OWN_BUDGET_ACTIONS];
	for (const idea of all) {
		const list = byTheme.get(idea[1]) ?? [];
		if (!list.some((i) => i[0] === idea[0])) list.push(idea);
		byTheme.set(idea[1], list);
	}
	return byTheme;
}

export interface NationalRound extends Round {
	/** Who may bid, for the competitions file. */
	eligible: string;
}

/**
 * `count` rounds, scheme by scheme: each scheme a theme, nations, an ask and a cadence; its
 * rounds a window of 3 to 17 weeks, decided 1 to 5 months after closing. A round still awaiting
 * its decision on `asOf` has none (the bid generator reads that as pending).
 */
export function nationalRounds(rng: Rng, count: number, asOf: string): NationalRound[] {
	const ideas = ideasByTheme(asOf);
	const themes = Object.keys(SCHEME_NAMES);
	const latestOpening = addDays(asOf, 365);
	const out: NationalRound[] = [];
	for (let scheme = 1; out.length < count; scheme++) {
		const theme = rng.pick(themes);
		const [nations, eligibleKey] = nationsOf(rng);
		const name = `${SAMPLE_SCHEME_PREFIX}${rng.pick(SCHEME_NAMES[theme]!)} Fund ${scheme}`;
		const minAward = rng.pick([50_000, 100_000, 250_000, 500_000, 1_000_000]);
		const maxAward = Math.min(10_000_000, minAward * rng.pick([5, 10, 20]));
		const budget = Math.round((maxAward * rng.int(10, 60)) / 1_000_000) * 1_000_000;
		const match = rng.pick(MATCH);
		const word = rng.pick(ROUND_WORDS);
		const cadence = rng.int(120, 420);
		let opens = addDays('2012-01-01', rng.int(0, 5400));
		const rounds = rng.int(1, 12);
		for (let k = 1; k <= rounds && out.length < count && opens <= latestOpening; k++) {
			const closes = addDays(opens, rng.int(21, 120));
			const decided = addDays(closes, rng.int(30, 150));
			const pipeline =
				opens > asOf
					? undefined
					: closes > asOf
						? 'drafting'
						: decided > asOf
							? 'submitted'
							: undefined;
			out.push({
				scheme: name,
				round: `${word} ${k}`,
				nations,
				opens,
				closes,
				decided: decided <= asOf ? decided : null,
				ask: [minAward, maxAward],
				ideas: ideas.get(theme)!,
				pipeline,
				eligible: ELIGIBLE[eligibleKey]!,
				sample: {
					theme,
					budget,
					minAward,
					maxAward,
					match,
					spendBy: addDays(decided, rng.int(365, 1095))
				}
			});
			opens = addDays(closes, cadence);
		}
	}
	return out;
}

/** A round's state on the as-of date: only decided, open and pending rounds take bids. */
export function roundState(r: Round, asOf: string): 'future' | 'open' | 'pending' | 'decided' {
	if (r.opens > asOf) return 'future';
	if (r.pipeline === 'drafting') return 'open';
	return r.pipeline === 'submitted' ? 'pending' : 'decided';
}
