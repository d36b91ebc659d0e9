/**
 * One council's sample climate actions, built from its sample bids: delivering what was won (some
 * late), one awaiting a decision, one cut when its bid was lost, one on the council's own budget.
 */
import { addDays, daysBetween } from '../../domain/dates';
import {
	OWNERS,
	OWN_BUDGET_ACTIONS,
	SAMPLE_NOTE,
	SAMPLE_REFERENCE_PREFIX,
	type SampleCouncil
} from './sample-catalogue';
import { fillIdea, roundAmount, ukDate, type Bid, type Cells } from './sample-bids';
import { clamp, type Rng } from './sample-random';

/** 3–6 actions: delivering what was won (some late), one awaiting a bid, one cut, one own-budget. */
export function councilActions(
	rng: Rng,
	council: SampleCouncil,
	bids: Bid[],
	asOf: string,
	seed: number
): Cells[] {
	const out: Cells[] = [];
	const note = `${SAMPLE_NOTE} (seed ${seed}): not a real action.`;
	const add = (a: {
		title: string;
		sector: string;
		status: 'planned' | 'in_progress' | 'complete' | 'delayed' | 'cancelled';
		percent: number | null;
		start: string | null;
		due: string | null;
		completed?: string | null;
		cost: number | null;
		fundingStatus: string;
		fundedBy?: string | null;
		rag: 'red' | 'amber' | 'green' | null;
		ragNote?: string;
		/** The council's own buildings, fleet or street lights rather than the whole area. */
		ownEstate?: boolean;
	}) => {
		const reference = `${SAMPLE_REFERENCE_PREFIX}${council.code}-ACT-${String(out.length + 1).padStart(2, '0')}`;
		out.push({
			authority: council.code,
			reference,
			title: a.title,
			sector: a.sector,
			scope: a.ownEstate ? 'Council operations' : 'Whole area',
			status: a.status,
			phase: {
				planned: 'planning',
				in_progress: 'implementation',
				complete: 'completed',
				delayed: 'implementation',
				cancelled: null
			}[a.status],
			percent_complete: a.percent === null ? null : `${a.percent}%`,
			start_date: ukDate(a.start),
			due_date: ukDate(a.due),
			completed_on: ukDate(a.completed ?? null),
			last_updated: ukDate(addDays(asOf, -rng.int(3, 60))),
			est_tco2e_per_year: a.status === 'cancelled' ? null : rng.int(4, 180) * 5,
			cost: a.cost,
			funding_status: a.fundingStatus,
			funded_by: a.fundedBy ?? null,
			owner: rng.pick(OWNERS[a.sector] ?? OWNERS.energy!),
			partners: null,
			rag: a.rag,
			rag_note: a.ragNote ? `${a.ragNote} ${note}` : note,
			public: 'Yes'
		});
	};

	for (const bid of bids.filter((b) => b.status === 'won').slice(0, 3)) {
		const start = addDays(bid.decidedOn!, rng.int(30, 120));
		const due = addDays(start, rng.int(270, 900));
		const cost = roundAmount(bid.awarded! * (1 + 0.3 * rng.float()));
		const base = {
			title: bid.title,
			sector: bid.sector,
			start,
			due,
			cost,
			fundingStatus: bid.awarded! < bid.requested ? 'Part funded' : 'Fully funded',
			fundedBy: bid.reference,
			ownEstate: bid.sector === 'buildings'
		};
		if (start > asOf) {
			add({ ...base, status: 'planned', percent: 0, rag: 'green' });
		} else if (due > asOf) {
			const elapsed = daysBetween(start, asOf) / daysBetween(start, due);
			const percent = clamp(Math.round(elapsed * 100 + rng.int(-10, 10)), 5, 95);
			add({ ...base, status: 'in_progress', percent, rag: rng.chance(0.7) ? 'green' : 'amber' });
		} else if (rng.chance(0.6)) {
			const completed = addDays(due, -rng.int(0, 60));
			add({ ...base, status: 'complete', percent: 100, completed, rag: 'green' });
		} else {
			const ragNote = rng.pick([
				'Contractor capacity: finish now expected next quarter.',
				'Waiting for a grid connection from the network operator.',
				'Supply delays on heat pumps.'
			]);
			const status = rng.chance(0.5) ? 'delayed' : 'in_progress';
			add({ ...base, status, percent: rng.int(60, 95), rag: 'red', ragNote });
		}
	}

	const waiting = bids.find((b) => b.status === 'submitted');
	if (waiting) {
		const start = addDays(waiting.round.closes, rng.int(200, 300));
		add({
			title: waiting.title,
			sector: waiting.sector,
			ownEstate: waiting.sector === 'buildings',
			status: 'planned',
			percent: 0,
			start,
			due: addDays(start, rng.int(365, 720)),
			cost: waiting.requested,
			fundingStatus: 'Subject to funding: bid submitted',
			fundedBy: waiting.reference,
			rag: 'amber'
		});
	}

	const lost = bids.find((b) => b.status === 'lost');
	if (lost) {
		add({
			title: lost.title,
			sector: lost.sector,
			ownEstate: lost.sector === 'buildings',
			status: 'cancelled',
			percent: null,
			start: null,
			due: null,
			cost: lost.requested,
			fundingStatus: 'Unfunded: bid unsuccessful',
			rag: null,
			ragNote: 'Stopped when the bid was turned down.'
		});
	}

	const [title, sector] = fillIdea(rng, rng.pick(OWN_BUDGET_ACTIONS), council);
	const due = addDays(asOf, -rng.int(30, 200));
	const start = addDays(due, -rng.int(300, 600));
	add({
		title,
		sector,
		status: rng.chance(0.5) ? 'delayed' : 'in_progress',
		percent: rng.int(40, 85),
		start,
		due,
		cost: roundAmount(rng.logUniform(80_000, 1_200_000)),
		fundingStatus: 'Council capital programme',
		ownEstate: true,
		rag: 'red',
		ragNote: 'Past its due date.'
	});
	return out;
}
