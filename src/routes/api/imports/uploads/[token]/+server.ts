import { error, json } from '@sveltejs/kit';
import { jobFor, jobView } from '$lib/server/import/jobs';
import { ImportJob } from '$lib/server/api/compare-import-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import type { RequestHandler } from './$types';

/** GET /api/imports/uploads/[token]: the job's state and progress, for the upload page to poll. */
export const GET: RequestHandler = ({ params, locals }) => {
	const job = jobFor(params.token, locals.viewer);
	if (!job) error(404, 'No such upload: it may have expired. Upload the file again.');
	const { report, ...rest } = jobView(job);
	return json({
		...rest,
		report: report && { status: report.status, fatal: report.fatal, rowsRead: report.rowsRead }
	} satisfies Body<typeof ImportJob>);
};
