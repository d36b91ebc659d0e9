import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { readConfig } from '$lib/server/config';
import { listFeedSummaries } from '$lib/server/feeds/catalogue';
import { feedByKey } from '$lib/server/feeds/registry';
import { settled, startCheck } from '$lib/server/import/jobs';
import { BadUpload, receiveMultipartUpload } from '$lib/server/import/multipart-upload';
import { removeUpload, UploadTooLarge } from '$lib/server/import/uploads';
import { listImportBatches } from '$lib/server/queries/imports';
import { requireSignedIn } from '$lib/server/accounts/page-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireSignedIn(locals.viewer, url);
	const { MAX_UPLOAD_MB } = readConfig();
	return {
		feeds: listFeedSummaries().map(({ key, title, isTemplate }) => ({ key, title, isTemplate })),
		recent: listImportBatches(locals.viewer, 5),
		maxUploadMb: MAX_UPLOAD_MB,
		authorities: locals.viewer.role === 'officer' ? locals.viewer.authorities : null
	};
};

const FormSchema = z.object({
	feed: z.string().trim().max(40).optional(),
	acceptValid: z.literal('on').optional()
});

export const actions: Actions = {
	/** The no-JavaScript path: a plain multipart form; the page renders once the check is done. */
	default: async ({ request, locals }) => {
		const { UPLOAD_DIR, MAX_UPLOAD_MB } = readConfig();
		let upload;
		try {
			upload = await receiveMultipartUpload(request, UPLOAD_DIR, MAX_UPLOAD_MB);
		} catch (e) {
			if (e instanceof UploadTooLarge) return fail(413, { message: e.message });
			if (e instanceof BadUpload) return fail(400, { message: e.message });
			throw e;
		}
		const fields = FormSchema.safeParse({
			feed: upload.fields.feed || undefined,
			acceptValid: upload.fields.acceptValid || undefined
		});
		if (!upload.file) return fail(400, { message: 'Choose a CSV file to upload.' });
		if (!fields.success || (fields.data.feed && !feedByKey(fields.data.feed))) {
			removeUpload(UPLOAD_DIR, upload.file.token);
			return fail(400, { message: 'Choose a feed from the list, or leave it to be detected.' });
		}
		const job = startCheck(upload.file.token, {
			fileName: upload.file.name,
			feed: fields.data.feed || null,
			mode: fields.data.acceptValid ? 'accept-valid' : 'strict',
			viewer: locals.viewer
		});
		await settled(job);
		redirect(303, `/import/${upload.file.token}`);
	}
};
