import { error, redirect } from '@sveltejs/kit';
import { financialYear, financialYearsTo, isFinancialYear } from '$lib/domain/financial-year';
import { progressQuery } from '$lib/progress-query';
import { pdfRenderer } from '$lib/server/report-pdf';
import { progressExplanations } from '$lib/server/metrics/progress-explanations';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { getCommitteeReport } from '$lib/server/queries/committee-report';
import { serverToday } from '$lib/server/queries/competitions';
import type { PageServerLoad } from './$types';

/** Financial years offered: from 2019-20, the first year with published competitive pots held. */
const FIRST_YEAR = 2019;

export const load: PageServerLoad = ({ params, url, locals }) => {
	const code = params.code.length <= 12 ? findAuthorityCode(params.code) : null;
	if (!code) error(404, `No council has the code "${params.code}".`);
	if (code !== params.code) redirect(308, `/authorities/${code}/report${url.search}`);
	const query = progressQuery(url.searchParams);
	if (!query.success) error(400, query.message);
	const today = serverToday();
	const fy = url.searchParams.get('fy') || financialYear(today);
	if (!isFinancialYear(fy))
		error(400, `fy: expected a financial year such as 2025-26, not "${fy}"`);
	const report = getCommitteeReport(code, {
		...query.data,
		financialYear: fy,
		today,
		viewer: locals.viewer
	});
	if (!report) error(404, `No council has the code "${params.code}".`);
	return {
		report,
		query: query.data,
		today,
		years: financialYearsTo(today, FIRST_YEAR),
		explanations: progressExplanations(query.data.windowYears),
		pdf: pdfRenderer()
	};
};
