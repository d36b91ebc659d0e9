import { error } from '@sveltejs/kit';
import { isFinancialYear } from '$lib/domain/financial-year';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { pdfRenderer, renderPdf } from '$lib/server/report-pdf';
import type { RequestHandler } from './$types';

/**
 * GET /authorities/[code]/report.pdf?fy=…: the committee report page printed to A4 by headless
 * Chromium, with the same options (the page checks them and answers 400 for bad ones).
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const code = params.code.length <= 12 ? findAuthorityCode(params.code) : null;
	if (!code) error(404, `No council has the code "${params.code}".`);
	const renderer = pdfRenderer();
	if (!renderer.available) error(503, `The PDF cannot be made here: ${renderer.reason}.`);
	const page = new URL(`/authorities/${code}/report${url.search}`, url.origin);
	let pdf: Uint8Array;
	try {
		pdf = await renderPdf(page.href);
	} catch (e) {
		error(502, `The PDF could not be made: ${e instanceof Error ? e.message : String(e)}.`);
	}
	// Only a checked year goes into the header (the page has refused anything else by now).
	const fy = url.searchParams.get('fy');
	const suffix = fy && isFinancialYear(fy) ? `-${fy}` : '';
	return new Response(pdf as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="net-zero-report-${code}${suffix}.pdf"`,
			'cache-control': 'no-store'
		}
	});
};
