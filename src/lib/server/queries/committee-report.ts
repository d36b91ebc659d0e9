/**
 * What the committee report prints for one council and one financial year: progress on each
 * target and the action plan (queries/council-progress.ts), the year's funding with each sum once
 * (the bids decided and the awards published, reconciled in report-funding.ts), the funding
 * deadlines ahead of today, and the sources it rests on.
 */
import type { Viewer } from '../accounts/viewer';
import { financialYearDates } from '../../domain/financial-year';
import { addDays } from '../../domain/dates';
import type { MoneyScope } from '../metrics/funding';
import type { ProgressMeasure } from '../metrics/target-progress';
import { reportChanges } from '../metrics/report-changes';
import { DEFAULT_WINDOW_YEARS } from '../metrics/trajectory';
import { PUBLIC } from '../accounts/viewer';
import { lastRecordedReport, listRecordedReports } from '../records/report-snapshots';
import type { ReportDigest } from '../metrics/report-changes';
import { statusInForce } from '../../progress-text';
import { getAuthority } from './authorities';
import { listCompetitions } from './competitions';
import { serverDb, type Db } from './connection';
import { getCouncilProgress } from './council-progress';
import type { EmissionMeasure } from './emissions';
import { getReportFunding } from './report-funding';

/** Deadlines within this many days of today are listed as "ahead". */
export const DEADLINES_AHEAD_DAYS = 90;

export interface ReportOptions {
	/** "2025-26". */
	financialYear: string;
	measure?: EmissionMeasure;
	windowYears?: number;
	today: string;
	/** Which funding counts: net-zero money (the default) or all of it. */
	money?: MoneyScope;
	/**
	 * Who is asking: the public's report leaves out the council's private actions and bids (only
	 * decided bids are in a report, and those are public).
	 */
	viewer?: Viewer;
	/** A recorded report to compare with; the last one before today when not given. */
	since?: number;
}

export function getCommitteeReport(code: string, options: ReportOptions, db: Db = serverDb()) {
	const authority = getAuthority(code, db);
	if (!authority) return null;
	const { from, to } = financialYearDates(options.financialYear);
	const progress = getCouncilProgress(code, options, db);
	const viewer = options.viewer ?? PUBLIC;
	// Bids decided and awards to the council as lead (partners' shares are estimates and belong
	// on the funding page, not in a committee's figures), each sum once.
	const funding = getReportFunding(
		code,
		{ from, to, money: options.money ?? 'net-zero', viewer },
		db
	);

	const horizon = addDays(options.today, DEADLINES_AHEAD_DAYS);
	const deadlines = listCompetitions({ type: authority.type }, options.today, db)
		.filter((c) => (c.status === 'open' || c.status === 'upcoming') && c.closes)
		.filter((c) => c.closes!.date >= options.today && c.closes!.date <= horizon)
		.sort((a, b) => a.closes!.date.localeCompare(b.closes!.date));

	const measures = new Set<ProgressMeasure>(
		progress.targets.flatMap((t) => (t.series ? [t.series.measure] : []))
	);
	const report = {
		authority,
		financialYear: options.financialYear,
		period: { from, to },
		progress,
		funding,
		deadlines: deadlines.map((c) => ({
			scheme: c.scheme,
			round: c.round,
			funder: c.funder,
			closes: c.closes!.date,
			daysToClose: c.daysToClose,
			isShortWindow: c.isShortWindow,
			sourceUrl: c.sourceUrl,
			isSample: c.isSample
		})),
		deadlinesAheadDays: DEADLINES_AHEAD_DAYS,
		/** The emissions releases the report's figures come from. */
		releases: [...measures].map(
			(m) => progress.targets.find((t) => t.series?.measure === m)!.series!.releaseLabel
		)
	};
	const digest = reportDigest(report, {
		measure: progress.areaMeasure,
		windowYears: options.windowYears ?? DEFAULT_WINDOW_YEARS
	});
	const last = lastRecordedReport(code, viewer, options.today, db, options.since);
	return {
		...report,
		/** The figures this report prints, as a later report will compare them. */
		digest,
		/** Reports recorded as presented to committee, newest meeting first. */
		recorded: listRecordedReports(code, viewer, db).map(({ digest: _, ...r }) => r),
		sinceLast: last && {
			report: {
				id: last.id,
				financialYear: last.financialYear,
				meetingOn: last.meetingOn,
				at: last.at,
				by: last.by
			},
			changes: reportChanges(last.digest, digest)
		}
	};
}

export type CommitteeReport = NonNullable<ReturnType<typeof getCommitteeReport>>;

/** The figures a report printed, as the next report compares them. */
export function reportDigest(
	report: Pick<CommitteeReport, 'financialYear' | 'progress' | 'funding'>,
	options: { measure: string; windowYears: number }
): ReportDigest {
	const { progress, funding } = report;
	const c = progress.actions.counts;
	const t = funding.totals;
	return {
		financialYear: report.financialYear,
		measure: options.measure,
		windowYears: options.windowYears,
		targets: progress.targets.map((t) => {
			const p = t.progress?.available ? t.progress : null;
			const inForce = statusInForce(t);
			return {
				targetId: t.row.id,
				scope: t.row.scope,
				targetYear: t.row.targetYear,
				status: inForce.colour,
				calculated: inForce.calculated,
				overrideReason: inForce.reason,
				latestYear: p?.latest.year ?? null,
				latestKt: p?.latest.valueKt ?? null,
				unit: t.series?.unit ?? null,
				projectedYear: p?.projection.available ? p.projection.year : null,
				onTrend: p?.projection.available ? p.projection.year !== null : null,
				neededPct: p?.needed.available ? p.needed.reductionPct : null,
				achievedPct: p?.achieved.available ? p.achieved.reductionPct : null
			};
		}),
		actions: {
			total: c.total,
			complete: c.complete,
			onTrack: c.onTrack,
			late: c.late,
			delayed: c.delayed,
			cancelled: c.cancelled
		},
		funding: {
			money: funding.money,
			wonCount: t.bids.won,
			wonGbp: t.bids.wonGbp,
			lostCount: t.bids.lost,
			awardsCount: t.published.count,
			awardsGbp: t.published.gbp,
			totalGbp: t.wonGbp,
			councilOnlyGbp: t.council.gbp
		}
	};
}
