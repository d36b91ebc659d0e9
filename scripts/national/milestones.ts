/**
 * Milestones for the national benchmark's sample actions (rows of the milestones template): two to
 * five steps of each action that has dates, due in order between its start and due dates, and
 * reached as its status says: every step of a complete action, none of a planned one, and the
 * steps due by the as-of date of one under way (one in six of those missed, so the milestone is
 * late). A cancelled action, which has no dates, has none.
 */
import { addDays, daysBetween, toUkDate } from '../../src/lib/domain/dates';
import type { Cells } from '../../src/lib/server/demo/sample-bids';
import type { Rng } from '../../src/lib/server/demo/sample-random';

const STEPS = [
	'Business case approved',
	'Funding confirmed',
	'Contractor appointed',
	'Works started',
	'Halfway review',
	'Works complete',
	'Handover and monitoring'
];

/** dd/mm/yyyy (as the actions template is written) as yyyy-mm-dd. */
const isoOf = (cell: Cells[string] | undefined) =>
	typeof cell === 'string' && cell ? cell.split('/').reverse().join('-') : null;

export function actionMilestones(rng: Rng, action: Cells, asOf: string): Cells[] {
	const start = isoOf(action.start_date);
	const due = isoOf(action.due_date);
	if (!start || !due) return [];
	const completed = isoOf(action.completed_on);
	const count = rng.int(2, 5);
	const steps = rng
		.shuffle(STEPS.map((_, i) => i))
		.slice(0, count)
		.sort((a, b) => a - b);
	const span = Math.max(count, daysBetween(start, due));
	return steps.map((step, i) => {
		const dueOn = addDays(start, Math.round(((i + 1) * span) / count));
		let doneOn: string | null = null;
		if (action.status === 'complete') {
			doneOn = addDays(dueOn, -rng.int(0, 20));
			if (completed && doneOn > completed) doneOn = completed;
		} else if (action.status !== 'planned' && dueOn <= asOf && !rng.chance(1 / 6)) {
			const late = addDays(dueOn, rng.int(-10, 30));
			doneOn = late > asOf ? asOf : late;
		}
		if (doneOn && doneOn < start) doneOn = start;
		return {
			authority: action.authority ?? null,
			action_reference: action.reference ?? null,
			milestone: STEPS[step]!,
			due: toUkDate(dueOn),
			done_on: doneOn ? toUkDate(doneOn) : null
		};
	});
}
