import { error, fail, redirect } from '@sveltejs/kit';
import { listFeedSummaries } from '$lib/server/feeds/catalogue';
import { feedByKey } from '$lib/server/feeds/registry';
import {
	columnsRead,
	likelyFeed,
	mappingFormFeeds,
	savedHeaderMaps
} from '$lib/server/import/mapping-view';
import { previewAsStored } from '$lib/server/import/preview-as-stored';
import { formHeaderMap } from '$lib/server/import/map-headers';
import { serverDb } from '$lib/server/queries/connection';
import {
	jobFor,
	jobView,
	settled,
	startCheck,
	startImport,
	type ImportJob
} from '$lib/server/import/jobs';
import { requireSignedIn } from '$lib/server/accounts/page-access';
import { setBackSentence } from '$lib/server/import/set-back';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requireSignedIn(locals.viewer, url);
	const job = jobFor(params.token, locals.viewer);
	if (!job) error(404, 'This upload has expired or was already imported. Upload the file again.');
	await settled(job);
	const feed = job.feed ? listFeedSummaries().find((f) => f.key === job.feed) : null;
	const report = job.report;
	const saved = savedHeaderMaps();
	const feeds = mappingFormFeeds(job.headers, job.headerMap, job.feed, saved);
	const checked = job.feed && job.report && !job.report.fatal ? feedByKey(job.feed) : null;
	const view = jobView(job);
	if (view.report && job.feed) {
		const preview = previewAsStored(serverDb(), job.feed, view.report.preview);
		view.report = { ...view.report, preview };
	}
	return {
		job: view,
		setBack: report ? setBackSentence(report.valuesSetBack, false, true) : null,
		feed: feed ?? null,
		feeds,
		/** The feed the form starts on: the one chosen or detected, else the likeliest. */
		formFeed: job.feed ?? likelyFeed(feeds),
		columnsRead: checked
			? columnsRead(checked, job.headers, job.headerMap, saved[checked.key] ?? {})
			: null
	};
};

export const actions: Actions = {
	/** Re-check with the user's column mapping (and feed choice). */
	map: async ({ params, request, locals }) => {
		const job = jobFor(params.token, locals.viewer);
		if (!job) error(404, 'This upload has expired. Upload the file again.');
		const form = await request.formData();
		const feedKey = String(form.get('feed') ?? '');
		const feed = feedByKey(feedKey);
		if (!feed) return fail(400, { message: 'Choose which feed this file is.' });
		const chosen = new Map<string, string>();
		for (const col of feed.columns)
			if (form.has(`col:${col.name}`)) chosen.set(col.name, String(form.get(`col:${col.name}`)));
		const headerMap = formHeaderMap(feed, job.headers, chosen);
		await settled(
			startCheck(job.token, {
				fileName: job.fileName,
				feed: feed.key,
				mode: job.mode,
				headerMap,
				viewer: job.viewer
			})
		);
		redirect(303, `/import/${job.token}`);
	},
	commit: async ({ params, request, locals }) => {
		const job = jobFor(params.token, locals.viewer);
		if (!job) error(404, 'This upload has expired. Upload the file again.');
		// No report is not expiry: the file is there, but its feed was not recognised (or the
		// check is still running, or failed): say which, and what to do.
		if (!job.report) return fail(400, { message: notCheckedMessage(job) });
		const form = await request.formData();
		const acceptValid = form.get('acceptValid') === 'on';
		const hasRowErrors = job.report.groups.some((g) => g.severity === 'error');
		if (job.report.fatal) return fail(400, { message: job.report.fatal });
		if (hasRowErrors && !acceptValid) {
			return fail(400, {
				message:
					'Some rows are invalid. Fix them and upload again, or tick “Import the valid rows”.'
			});
		}
		job.mode = acceptValid ? 'accept-valid' : 'strict';
		job.allowOlder = form.get('allowOlder') === 'on';
		const started = startImport(job.token);
		if (!started) return fail(409, { message: 'This file is not ready to import.' });
		await settled(started);
		if (started.state === 'failed' || !started.report?.batchId)
			return fail(500, { message: started.error ?? 'The import failed.' });
		redirect(303, `/import/history/${started.report.batchId}`);
	}
};

function notCheckedMessage(job: ImportJob): string {
	if (job.state === 'checking')
		return 'This file is still being checked: import it once the check has finished.';
	if (job.state === 'failed' && job.error) return job.error;
	// Not a CSV file at all (a ZIP, a PDF, an empty file): what it is, not a mapping to make.
	if (job.error && !job.headers.length) return job.error;
	return 'This file’s feed was not recognised, so it has not been checked: choose the feed below and map its columns, then import it.';
}
