/**
 * Reports recorded as presented to committee, and the next report saying what changed since:
 * which recorded report is "the last one", the council's and the public's figures kept apart,
 * the audit entry, and a change of status made by an override between two meetings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { auditLog } from '../db/schema';
import { PUBLIC } from '../accounts/viewer';
import { createProgressDb } from '../../../../tests/helpers/progress-db';
import { getCommitteeReport } from '../queries/committee-report';
import { reportSummary } from '../../report-summary';
import {
	lastRecordedReport,
	listRecordedReports,
	recordReport,
	recordReportForm
} from './report-snapshots';
import { recordStatusOverride } from './status-overrides';

const ADMIN = { role: 'admin', userId: 1, email: 'admin@example.org' } as const;
const BY = { userId: 1, actor: 'admin@example.org' };

let handle: DbHandle;

beforeAll(async () => {
	handle = await createProgressDb([]);
});
afterAll(() => handle.close());

const report = (today: string, viewer: typeof ADMIN | typeof PUBLIC = ADMIN, since?: number) =>
	getCommitteeReport(
		'LDS',
		{ financialYear: '2024-25', today, viewer, since, windowYears: 5 },
		handle.db
	)!;

/** Record the report as it stands, for a meeting on `meetingOn`. */
function record(meetingOn: string, today: string) {
	return recordReport(
		handle.db,
		{
			authorityCode: 'LDS',
			financialYear: '2024-25',
			meetingOn,
			digest: { council: report(today).digest, public: report(today, PUBLIC).digest }
		},
		BY
	);
}

describe('recorded committee reports', () => {
	it('with none recorded, a report has nothing to compare with', () => {
		const r = report('2025-04-01');
		expect(r.sinceLast).toBeNull();
		expect(r.recorded).toEqual([]);
	});

	it('a report recorded for a meeting is "the last one" only once that meeting is past', () => {
		const id = record('2025-04-10', '2025-04-01');
		// Before and on the meeting day the recorded report is this report, not the last one.
		expect(report('2025-04-05').sinceLast).toBeNull();
		expect(report('2025-04-10').sinceLast).toBeNull();
		const after = report('2025-04-11').sinceLast!;
		expect(after.report).toMatchObject({ id, meetingOn: '2025-04-10', financialYear: '2024-25' });
		// Same data; nothing fell due between 1 and 11 April, so nothing changed.
		expect(after.changes).toEqual([]);
		expect(report('2025-04-11').recorded.map((r) => r.id)).toEqual([id]);
		expect(handle.db.select().from(auditLog).all().at(-1)).toMatchObject({
			action: 'report.record',
			actor: 'admin@example.org',
			after: { reportId: id, meetingOn: '2025-04-10' }
		});
	});

	it("says an override's change of status since the last meeting, with the reason", () => {
		const area = report('2025-04-11').progress.targets.find((t) => t.row.scope === 'whole_area')!;
		recordStatusOverride(
			handle.db,
			{
				authorityCode: 'LDS',
				scope: 'whole_area',
				targetYear: area.row.targetYear,
				targetId: area.row.id,
				targetLabel: 'whole area',
				measure: 'territorial',
				colour: 'amber',
				calculatedColour: 'red',
				reason: 'District heating phase 2 was funded in March.'
			},
			BY
		);
		const texts = report('2025-04-11').sinceLast!.changes.map((c) => c.text);
		expect(texts).toContainEqual(
			expect.stringMatching(
				/^Whole area target \(net zero by \d{4}\): status off track → behind, by up to 5 years \(set by the council's officers, the rule gives off track: “District heating phase 2 was funded in March\.”\)\.$/
			)
		);
		// The summary leads with the officers' status and keeps the rule's beside it.
		expect(reportSummary(report('2025-04-11'))).toContainEqual(
			expect.stringMatching(
				/^Whole area target \(net zero by \d{4}\): Behind, by up to 5 years, as set by the council's officers \(“District heating phase 2 was funded in March\.”\)\. The calculated status: Off track: /
			)
		);
	});

	it('keeps the public digest apart from the council one, and names who recorded it to admins only', () => {
		const council = lastRecordedReport('LDS', ADMIN, '2025-04-11', handle.db)!;
		const open = lastRecordedReport('LDS', PUBLIC, '2025-04-11', handle.db)!;
		// The fixture has an unpublished action: the public's count leaves it out.
		expect(open.digest.actions.total).toBeLessThan(council.digest.actions.total);
		expect(council.by).toBe('admin@example.org');
		expect(open.by).toBeNull();
	});

	it('compares with a chosen recorded report, newest meeting first in the list', () => {
		const later = record('2025-05-20', '2025-05-01');
		expect(listRecordedReports('LDS', ADMIN, handle.db).map((r) => r.meetingOn)).toEqual([
			'2025-05-20',
			'2025-04-10'
		]);
		expect(report('2025-06-01').sinceLast!.report.id).toBe(later);
		const first = listRecordedReports('LDS', ADMIN, handle.db).at(-1)!.id;
		expect(report('2025-06-01', ADMIN, first).sinceLast!.report.meetingOn).toBe('2025-04-10');
		expect(lastRecordedReport('MAN', ADMIN, '2025-06-01', handle.db)).toBeNull();
	});
});

describe('the record form', () => {
	const form = recordReportForm('2026-12-03');
	it('takes a financial year and a meeting date near today', () => {
		expect(form.safeParse({ fy: '2026-27', meetingOn: '2026-12-10' }).success).toBe(true);
		expect(form.safeParse({ fy: '2026-27', meetingOn: '2026-11-02' }).success).toBe(true);
	});
	it('refuses a meeting long past or years ahead, a non-date, a bad year', () => {
		const old = form.safeParse({ fy: '2026-27', meetingOn: '2025-01-01' });
		expect(old.error!.issues[0]!.message).toContain('between 2026-11-02 and 2027-12-04');
		expect(form.safeParse({ fy: '2026-27', meetingOn: '2028-01-01' }).success).toBe(false);
		expect(form.safeParse({ fy: '2026-27', meetingOn: '10/12/2026' }).success).toBe(false);
		expect(form.safeParse({ fy: '2026-28', meetingOn: '2026-12-10' }).success).toBe(false);
	});
});
