/**
 * The milestones template: steps of a council's climate actions, one per row. The action is found
 * by the council and its reference (as in the actions template, imported first); a milestone is
 * keyed by its action and title, so a re-upload updates its dates rather than adding a copy.
 */
import { z } from 'zod';
import { resolveCouncil } from '../rows/council-cells';
import { optionalUkDate, requiredText, storedDate } from '../rows/coerce';
import { actionMilestones, actions } from '../db/schema';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';
import { templateColumns } from './template-shared';

const RowSchema = z.object({
	authority: requiredText,
	action_reference: requiredText,
	milestone: requiredText,
	due: optionalUkDate,
	done_on: optionalUkDate
});
type Row = z.output<typeof RowSchema> & { action_id: number };

const COLUMNS = templateColumns(
	Object.keys(RowSchema.shape),
	`
authority*        | The council: GSS code, 3-letter code or name. | Leeds | Council; Local authority; Authority name; LA
action_reference* | Your reference of the action the milestone belongs to, as in the actions template. | EXAMPLE-ACT-014 | Action reference; Action ref; Action ID; Action; Reference
milestone*        | The milestone in a few words; with the action it identifies the milestone. | Contractor appointed | Milestone title; Milestone name; Title; Step
due               | Date it is due, dd/mm/yyyy. | 30/06/2024 | Due date; Target date; Deadline
done_on           | Date it was reached, dd/mm/yyyy; blank if not yet. | 21/06/2024 | Done; Completed; Completed on; Date completed; Achieved on
`
);

export const templateMilestonesFeed: FeedModule<Row> = {
	key: 'milestones',
	template: true,
	title: 'Action milestones (template)',
	description:
		"Milestones of a council's climate actions, with due and done dates. Import the actions first.",
	datasetKey: null,
	columns: COLUMNS,
	parseRow(record, rowNumber, ctx) {
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		const code = resolveCouncil(ctx, rowNumber, 'authority', record.authority ?? '');
		if (!row || !code) return null;
		const actionId = ctx.write.idOf(actions, {
			authorityCode: code,
			reference: row.action_reference
		});
		if (actionId === undefined) {
			const name = ctx.resolver.name(code) ?? code;
			const message = `no action "${row.action_reference}" of ${name} (${code}); import it with the actions template first`;
			ctx.issues.error(
				rowNumber,
				'action_reference',
				row.action_reference,
				'unknown_action',
				message
			);
			return null;
		}
		return { ...row, action_id: actionId };
	},
	records: (row) => [
		{
			table: actionMilestones,
			key: ['actionId', 'title'],
			values: {
				actionId: row.action_id,
				title: row.milestone,
				dueDate: storedDate(row.due),
				doneOn: storedDate(row.done_on)
			}
		}
	]
};
