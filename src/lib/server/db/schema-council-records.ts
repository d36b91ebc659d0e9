/**
 * What officers record through the app rather than import: a judgement that overrides a
 * calculated status, and the committee reports a council has presented. Re-exported by schema.ts.
 * Like accounts, undoing an import never touches them (undo-triggers.ts names them): a reason an
 * officer gave, or a paper a committee saw, stays on record whatever happens to the data later.
 */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { timestampNow } from './schema-accounts';

export const STATUS_COLOURS = ['green', 'amber', 'red'] as const;

/**
 * An officer's status for one target on one measure, with the reason. Append-only: the newest row
 * for a (council, scope, target year, measure) is the one in force, and a row with no colour
 * withdraws the override, so the whole history stays readable. Keyed on what the target is (its
 * council, scope and year), not on its row id, and with no foreign key: undoing the import that
 * brought a target and importing it again must not lose the officers' judgement, nor block the
 * undo. A target whose year changes is a new promise, and starts with the rule's status.
 */
export const statusOverrides = sqliteTable(
	'status_overrides',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		authorityCode: text('authority_code').notNull(),
		/** whole_area or council_operations. */
		scope: text('scope').notNull(),
		/** Null for a target that names no year (matched with IS, as the writer does). */
		targetYear: integer('target_year'),
		/** The target's row when the override was set, for the audit trail only. */
		targetId: integer('target_id').notNull(),
		/** territorial, scope_of_influence or council_reported: a status is judged on one measure. */
		measure: text('measure').notNull(),
		/** Null withdraws the override: the calculated status is back in force. */
		colour: text('colour', { enum: STATUS_COLOURS }),
		/** What the rule said when the officer overrode it (null: the rule gave no status). */
		calculatedColour: text('calculated_colour', { enum: STATUS_COLOURS }),
		reason: text('reason').notNull(),
		userId: integer('user_id'),
		/** Kept as text too, as in the audit log: the row still says who after the account is gone. */
		actor: text('actor').notNull(),
		at: timestampNow('at')
	},
	(t) => [index('status_overrides_target_idx').on(t.authorityCode, t.scope, t.targetYear)]
);

/**
 * A committee report as presented: the figures it printed (a digest, for the viewer of the council
 * and for the public), so the next report can say what changed since. Recorded by an officer.
 */
export const reportSnapshots = sqliteTable(
	'report_snapshots',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		authorityCode: text('authority_code').notNull(),
		/** "2025-26": the year the report covered. */
		financialYear: text('financial_year').notNull(),
		/** The committee meeting the report went to, ISO date. */
		meetingOn: text('meeting_on').notNull(),
		/** { council: ReportDigest, public: ReportDigest } (metrics/report-changes.ts). */
		digest: text('digest', { mode: 'json' }).notNull(),
		userId: integer('user_id'),
		actor: text('actor').notNull(),
		at: timestampNow('at')
	},
	(t) => [index('report_snapshots_authority_idx').on(t.authorityCode, t.meetingOn)]
);

export const PARTNERSHIP_ANSWERS = ['accepted', 'declined'] as const;

/**
 * A council's answer to being named a partner in another council's bid: until its officers (or an
 * admin) accept, the bid changes nothing of theirs. Append-only, the newest answer in force. Keyed
 * on what the bid is (its lead council and reference, as the lead's file names it) and the partner
 * council, with no foreign key: the lead re-importing or undoing its file must not lose the
 * partner's answer (as status overrides follow their target).
 */
export const partnershipAnswers = sqliteTable(
	'partnership_answers',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		leadAuthorityCode: text('lead_authority_code').notNull(),
		bidReference: text('bid_reference').notNull(),
		partnerAuthorityCode: text('partner_authority_code').notNull(),
		answer: text('answer', { enum: PARTNERSHIP_ANSWERS }).notNull(),
		userId: integer('user_id'),
		actor: text('actor').notNull(),
		at: timestampNow('at')
	},
	(t) => [
		index('partnership_answers_partner_idx').on(t.partnerAuthorityCode, t.leadAuthorityCode),
		index('partnership_answers_bid_idx').on(t.leadAuthorityCode, t.bidReference)
	]
);

/** Table names, for the undo triggers to leave out. */
export const COUNCIL_RECORD_TABLES = [
	'status_overrides',
	'report_snapshots',
	'partnership_answers'
] as const;
