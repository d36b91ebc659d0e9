import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { accountsDb, whenFree } from '$lib/server/accounts/accounts-db';
import { actorOf } from '$lib/server/accounts/users';
import { canRecordFor, PUBLIC } from '$lib/server/accounts/viewer';
import { financialYear, financialYearsTo, isFinancialYear } from '$lib/domain/financial-year';
import { progressQuery } from '$lib/progress-query';
import { pdfRenderer } from '$lib/server/report-pdf';
import { progressExplanations } from '$lib/server/metrics/progress-explanations';
import { MONEY_SCOPES } from '$lib/server/metrics/funding';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { getCommitteeReport } from '$lib/server/queries/committee-report';
import { serverToday } from '$lib/server/queries/competitions';
import { recordReport, recordReportForm } from '$lib/server/records/report-snapshots';
import type { Actions, PageServerLoad } from './$types';

/** Financial years offered: from 2019-20, the first year with published competitive pots held. */
const FIRST_YEAR = 2019;

function councilCode(param: string) {
	const code = param.length <= 12 ? findAuthorityCode(param) : null;
	if (!code) error(404, `No council has the code "${param}".`);
	return code;
}

const MoneyOption = z
	.enum(MONEY_SCOPES, { error: 'money: expected "all" (or none, for net-zero money)' })
	.default('net-zero');

/** The report's options from its address: 400 with the reason for a bad one. */
function reportOptions(url: URL, today: string) {
	const query = progressQuery(url.searchParams);
	if (!query.success) error(400, query.message);
	const money = MoneyOption.safeParse(url.searchParams.get('money') || undefined);
	if (!money.success) error(400, money.error.issues[0]!.message);
	const fy = url.searchParams.get('fy') || financialYear(today);
	if (!isFinancialYear(fy))
		error(400, `fy: expected a financial year such as 2025-26, not "${fy}"`);
	const sinceText = url.searchParams.get('since');
	const since = sinceText ? Number(sinceText) : undefined;
	if (since !== undefined && !(Number.isInteger(since) && since > 0))
		error(400, `since: expected the number of a recorded report, not "${sinceText}"`);
	return { ...query.data, money: money.data, financialYear: fy, since };
}

export const load: PageServerLoad = ({ params, url, locals }) => {
	const code = councilCode(params.code);
	if (code !== params.code) redirect(308, `/authorities/${code}/report${url.search}`);
	const today = serverToday();
	const options = reportOptions(url, today);
	const report = getCommitteeReport(code, { ...options, today, viewer: locals.viewer });
	if (!report) error(404, `No council has the code "${params.code}".`);
	if (options.since !== undefined && !report.sinceLast)
		error(404, `${code} has no recorded report number ${options.since}.`);
	return {
		report,
		query: { measure: options.measure, windowYears: options.windowYears, money: options.money },
		since: options.since ?? null,
		today,
		years: financialYearsTo(today, FIRST_YEAR),
		explanations: progressExplanations(options.windowYears),
		pdf: pdfRenderer(),
		canRecord: canRecordFor(locals.viewer, code)
	};
};

export const actions: Actions = {
	/**
	 * Record this report as presented to a committee meeting: its figures, as the council's
	 * officers and as the public see them, kept for the next report to compare with.
	 */
	record: async ({ params, url, request, locals }) => {
		const code = councilCode(params.code);
		if (!canRecordFor(locals.viewer, code))
			return fail(403, { message: `Only ${code}'s officers and admins can record its reports.` });
		const today = serverToday();
		const options = reportOptions(url, today);
		const form = recordReportForm(today).safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { message: form.error.issues[0]!.message });
		const { fy, meetingOn } = form.data;
		const asked = { ...options, financialYear: fy, today };
		const council = getCommitteeReport(code, { ...asked, viewer: locals.viewer })!;
		const publicReport = getCommitteeReport(code, { ...asked, viewer: PUBLIC })!;
		const id = await whenFree(() =>
			recordReport(
				accountsDb().db,
				{
					authorityCode: code,
					financialYear: fy,
					meetingOn,
					digest: { council: council.digest, public: publicReport.digest }
				},
				actorOf(locals.viewer)
			)
		);
		return {
			recordedId: id,
			message: `Recorded as the report to the meeting on ${meetingOn}. Reports after that date say what changed since it.`
		};
	}
};
