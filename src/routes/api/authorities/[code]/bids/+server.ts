import { json } from '@sveltejs/kit';
import { csvFrom, csvResponse } from '$lib/csv';
import { BIDS_CSV } from '$lib/server/api/csv-columns';
import { findAuthorityCode } from '$lib/server/queries/authorities';
import { listAuthorityBids } from '$lib/server/queries/bids';
import { BidsResponse } from '$lib/server/api/funding-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import type { RequestHandler } from './$types';

/**
 * GET /api/authorities/[code]/bids (?format=csv): the council's bids; sample bids say so. The
 * public get submitted and decided bids without costs; the council's officers and admins all.
 */
export const GET: RequestHandler = ({ params, url, locals }) => {
	const code = params.code.length <= 12 ? findAuthorityCode(params.code) : null;
	if (!code) return json({ error: `No council has the code "${params.code}".` }, { status: 404 });
	const format = url.searchParams.get('format') ?? 'json';
	if (format !== 'json' && format !== 'csv') {
		return json(
			{ error: 'invalid query', issues: [`format: expected "json" or "csv", got "${format}"`] },
			{ status: 400 }
		);
	}
	const bids = listAuthorityBids(code, undefined, locals.viewer);
	if (format === 'csv') return csvResponse(csvFrom(BIDS_CSV, bids), `bids-${code}.csv`);
	return json({ authority: code, count: bids.length, bids } satisfies Body<typeof BidsResponse>);
};
