/**
 * One council's sample bids: 6–10 across the real and sample rounds it could have bid for, each
 * with the dates, amounts, officer time and partners a real pipeline would have.
 */
import { addDays, daysBetween, toUkDate } from '../../domain/dates';
import {
	OTHER_PARTNERS,
	SAMPLE_REFERENCE_PREFIX,
	type Idea,
	type Round,
	type SampleCouncil
} from './sample-catalogue';
import { clamp, type Rng } from './sample-random';

/** A template cell: the date as a UK spreadsheet writes it, or blank. */
export const ukDate = (iso: string | null) => (iso ? toUkDate(iso) : null);

export interface Bid {
	reference: string;
	council: SampleCouncil;
	round: Round;
	title: string;
	sector: string;
	requested: number;
	awarded: number | null;
	status: 'idea' | 'drafting' | 'submitted' | 'won' | 'lost' | 'withdrawn';
	statusDate: string | null;
	submittedOn: string | null;
	decidedOn: string | null;
	officerDays: number;
	bidCost: number | null;
	partners: string[];
	otherPartners: string[];
}

export type Cells = Record<string, string | number | null>;

/** 6–10 bids: one being drafted, one awaiting a decision, the rest decided (at least one won, one lost). */
export function councilPipeline(
	rng: Rng,
	council: SampleCouncil,
	all: Round[],
	asOf: string
): Bid[] {
	const eligible = all.filter(
		(r) =>
			r.nations.includes(council.nation) &&
			!r.avoid?.includes(council.code) &&
			(!r.only || r.only.includes(council.code))
	);
	const pipeline = eligible.filter((r) => r.pipeline);
	const forced = eligible.filter((r) => r.only);
	const past = rng.shuffle(eligible.filter((r) => !r.pipeline && !r.only));
	const count = rng.int(6, 10);
	const chosen: { round: Round; outcome?: Bid['status'] }[] = [
		...pipeline.map((round) => ({ round })),
		...forced.map((round) => ({ round, outcome: 'won' as const }))
	];
	for (let i = 0; chosen.length < count; i++) chosen.push({ round: past[i % past.length]! });
	// Decided rounds: the first (in the shuffled order) won, the next lost, the rest by chance.
	let decided = 0;
	for (const c of chosen) {
		if (c.round.pipeline || c.outcome) continue;
		const r = rng.float();
		c.outcome =
			decided === 0
				? 'won'
				: decided === 1
					? 'lost'
					: r < 0.4
						? 'won'
						: r < 0.85
							? 'lost'
							: 'withdrawn';
		decided++;
	}
	chosen.sort((a, b) =>
		a.round.closes < b.round.closes ? -1 : a.round.closes > b.round.closes ? 1 : 0
	);

	const usedTitles = new Set<string>();
	return chosen.map(({ round, outcome }, i) => {
		let title = '';
		let sector = '';
		for (let tries = 0; tries < 10 && (!title || usedTitles.has(title)); tries++) {
			[title, sector] = fillIdea(rng, rng.pick(round.ideas), council);
		}
		usedTitles.add(title);
		const status: Bid['status'] =
			round.pipeline === 'drafting'
				? rng.chance(0.25)
					? 'idea'
					: 'drafting'
				: (round.pipeline ?? outcome!);
		const requested = roundAmount(rng.logUniform(...round.ask));
		const size = Math.log(requested / 50_000) / Math.log(10_000_000 / 50_000);
		const fullDays = 5 + 35 * (0.5 * size + 0.5 * rng.float());
		const days =
			status === 'idea' ? 5 : status === 'drafting' ? Math.max(5, fullDays * 0.6) : fullDays;
		const submitted =
			status === 'submitted' || status === 'won' || status === 'lost'
				? addDays(round.closes, -rng.int(0, Math.min(20, daysBetween(round.opens, round.closes))))
				: null;
		const statusDate =
			status === 'withdrawn'
				? addDays(round.closes, -rng.int(3, 30))
				: status === 'idea' || status === 'drafting'
					? addDays(asOf, -rng.int(2, Math.max(2, daysBetween(round.opens, asOf))))
					: null;
		const consortium = round.only
			? council.code === 'BST'
			: council.neighbours.length > 0 && rng.chance(0.3);
		const partners = consortium
			? council.code === 'BST' && round.only
				? ['BAS', 'NSM'] // the real WH:LG consortium Bristol leads
				: rng
						.shuffle(council.neighbours)
						.slice(0, rng.int(1, Math.min(3, council.neighbours.length)))
			: [];
		return {
			// As councils number them: by the year the bid went in (or was last worked on).
			reference: `${SAMPLE_REFERENCE_PREFIX}${council.code}-${(submitted ?? statusDate ?? round.closes).slice(0, 4)}-${String(i + 1).padStart(2, '0')}`,
			council,
			round,
			title,
			sector,
			requested,
			awarded:
				status === 'won'
					? rng.chance(0.5)
						? requested
						: Math.round((requested * (0.7 + 0.29 * rng.float())) / 100) * 100
					: null,
			status,
			statusDate,
			submittedOn: submitted,
			decidedOn: status === 'won' || status === 'lost' ? round.decided : null,
			officerDays: Math.round(Math.min(40, days) * 2) / 2,
			bidCost: status !== 'idea' && rng.chance(0.4) ? rng.int(5, 50) * 500 : null,
			partners,
			otherPartners: rng.chance(0.3)
				? [rng.pick(OTHER_PARTNERS[sector] ?? OTHER_PARTNERS.energy!)]
				: []
		};
	});
}

export function fillIdea(
	rng: Rng,
	[template, sector]: Idea,
	council: SampleCouncil
): [string, string] {
	const title = template
		.replace('{place}', rng.pick(council.places))
		.replace('{n}', String(rng.int(4, 60) * 10))
		.replace('{k}', String(rng.int(3, 12)))
		.replace('{council}', council.name);
	return [title, sector];
}

/** Pounds as a council would write a bid: to £1,000, or £5,000 over £1m. */
export function roundAmount(gbp: number): number {
	const step = gbp >= 1_000_000 ? 5_000 : 1_000;
	return clamp(Math.round(gbp / step) * step, 50_000, 10_000_000);
}
