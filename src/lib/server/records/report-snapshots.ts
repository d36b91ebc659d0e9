/**
 * Committee reports as presented: an officer records the report when it goes to committee, and
 * the digest of its figures is kept (for the council's officers and for the public, whose report
 * leaves out private actions), so the next report can say what changed since. Each record is
 * audited in the same transaction.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { addDays } from '../../domain/dates';
import { isFinancialYear } from '../../domain/financial-year';
import type { Db } from '../db/client';
import { auditLog, reportSnapshots } from '../db/schema';
import type { Actor } from '../accounts/users';
import { canSeePrivate, type Viewer } from '../accounts/viewer';
import { recordedBy } from '../accounts/private-fields';
import type { ReportDigest } from '../metrics/report-changes';

export interface StoredDigest {
	council: ReportDigest;
	public: ReportDigest;
}

export interface RecordedReport {
	id: number;
	financialYear: string;
	meetingOn: string;
	/** When it was recorded: the figures are as they stood then. */
	at: string;
	/** Who: an email address, to admins only (null for everyone else). */
	by: string | null;
	/** The digest this viewer may read: the council's own, or the public one. */
	digest: ReportDigest;
}

function toRecorded(row: typeof reportSnapshots.$inferSelect, viewer: Viewer): RecordedReport {
	const stored = row.digest as StoredDigest;
	return {
		id: row.id,
		financialYear: row.financialYear,
		meetingOn: row.meetingOn,
		at: row.at,
		by: recordedBy(row.actor, viewer),
		digest: canSeePrivate(viewer, row.authorityCode) ? stored.council : stored.public
	};
}

/** A council's recorded reports, newest meeting first. */
export function listRecordedReports(code: string, viewer: Viewer, db: Db): RecordedReport[] {
	return db
		.select()
		.from(reportSnapshots)
		.where(eq(reportSnapshots.authorityCode, code))
		.orderBy(desc(reportSnapshots.meetingOn), desc(reportSnapshots.id))
		.all()
		.map((r) => toRecorded(r, viewer));
}

/**
 * The report to compare with: the one asked for by id, else the newest whose meeting was before
 * `today` (a report recorded for today's or a later meeting is this report, not the last one).
 */
export function lastRecordedReport(
	code: string,
	viewer: Viewer,
	today: string,
	db: Db,
	id?: number
): RecordedReport | null {
	const row = db
		.select()
		.from(reportSnapshots)
		.where(
			and(
				eq(reportSnapshots.authorityCode, code),
				id === undefined ? lt(reportSnapshots.meetingOn, today) : eq(reportSnapshots.id, id)
			)
		)
		.orderBy(desc(reportSnapshots.meetingOn), desc(reportSnapshots.id))
		.get();
	return row ? toRecorded(row, viewer) : null;
}

/** How far from today a meeting may be: reports are recorded around the meeting, not years off. */
export const MEETING_DAYS_BEFORE = 31;
export const MEETING_DAYS_AFTER = 366;

export function recordReportForm(today: string) {
	const earliest = addDays(today, -MEETING_DAYS_BEFORE);
	const latest = addDays(today, MEETING_DAYS_AFTER);
	return z.object({
		fy: z.string().refine(isFinancialYear, 'Expected a financial year such as 2025-26.'),
		meetingOn: z.iso
			.date('Give the meeting date as a date, e.g. 2026-12-10.')
			.refine(
				(d) => d >= earliest && d <= latest,
				`The meeting date must be between ${earliest} and ${latest}: a report is recorded when it goes to committee, with the figures as they stand today.`
			)
	});
}

export interface RecordReportWrite {
	authorityCode: string;
	financialYear: string;
	meetingOn: string;
	digest: StoredDigest;
}

export function recordReport(db: Db, input: RecordReportWrite, by: Actor): number {
	return db.transaction((tx) => {
		const { id } = tx
			.insert(reportSnapshots)
			.values({ ...input, ...by })
			.returning({ id: reportSnapshots.id })
			.get();
		tx.insert(auditLog)
			.values({
				...by,
				action: 'report.record',
				summary: `${input.authorityCode} committee report for ${input.financialYear} recorded as presented on ${input.meetingOn}`,
				after: { reportId: id, financialYear: input.financialYear, meetingOn: input.meetingOn }
			})
			.run();
		return id;
	});
}
