import { error } from '@sveltejs/kit';
import { isFinancialYear } from '$lib/domain/financial-year';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { RendererBusy } from '$lib/server/pdf-queue';
import { servedDataVersion } from '$lib/server/queries/data-version-cache';
import { wholeCountryCurrent } from '$lib/server/queries/whole-country';
import { serverToday } from '$lib/server/queries/competitions';
import { pdfRenderer, reportPdfs } from '$lib/server/report-pdf';
import type { RequestHandler } from './$types';

/**
 * GET /authorities/[code]/report.pdf?fy=…: the committee report page printed to A4 by headless
 * Chromium, with the same options (the page checks them and answers 400 for bad ones). The PDF is
 * the public version, the same for everyone, so it is kept for the council, options, data
 * version and day it shows (a report counts deadlines and late actions from today); renders are
 * bounded, and past the queue the answer is 503 with Retry-After.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const code = params.code.length <= 12 ? findAuthorityCode(params.code) : null;
	if (!code) error(404, `No council has the code "${params.code}".`);
	const renderer = pdfRenderer();
	if (!renderer.available) error(503, `The PDF cannot be made here: ${renderer.reason}.`);
	const page = new URL(`/authorities/${code}/report${url.search}`, url.origin);
	// A PDF shows one version of the data: made after any refresh under way, and kept only if
	// no newer change came meanwhile.
	await wholeCountryCurrent();
	const version = servedDataVersion() ?? `not kept ${Math.random()}`;
	const key = [code, url.searchParams.toString(), version, serverToday()].join('|');
	let pdf: Uint8Array;
	try {
		pdf = await reportPdfs.pdf(key, page.href);
	} catch (e) {
		if (e instanceof RendererBusy)
			return new Response(e.message, {
				status: 503,
				headers: { 'retry-after': String(e.retryAfterSeconds), 'content-type': 'text/plain' }
			});
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
