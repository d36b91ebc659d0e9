import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { readConfig } from '$lib/server/config';
import { getDatabase } from '$lib/server/db';
import { listFeedSummaries } from '$lib/server/feeds/catalogue';
import { feedByKey } from '$lib/server/feeds/registry';
import { settled, startCheck } from '$lib/server/import/jobs';
import { saveUpload, UploadTooLarge } from '$lib/server/import/uploads';
import { listImportBatches } from '$lib/server/queries/imports';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { MAX_UPLOAD_MB } = readConfig();
	return {
		feeds: listFeedSummaries().map(({ key, title, isTemplate }) => ({ key, title, isTemplate })),
		recent: listImportBatches(getDatabase().sqlite, 5),
		maxUploadMb: MAX_UPLOAD_MB
	};
};

const FormSchema = z.object({
	feed: z.string().trim().max(40).optional(),
	acceptValid: z.literal('on').optional()
});

export const actions: Actions = {
	/** The no-JavaScript path: a plain multipart form; the page renders once the check is done. */
	default: async ({ request }) => {
		const form = await request.formData();
		const file = form.get('file');
		const fields = FormSchema.safeParse({
			feed: form.get('feed') || undefined,
			acceptValid: form.get('acceptValid') || undefined
		});
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { message: 'Choose a CSV file to upload.' });
		if (!fields.success || (fields.data.feed && !feedByKey(fields.data.feed)))
			return fail(400, { message: 'Choose a feed from the list, or leave it to be detected.' });
		const { UPLOAD_DIR, MAX_UPLOAD_MB } = readConfig();
		try {
			const saved = await saveUpload(UPLOAD_DIR, file.stream() as never, MAX_UPLOAD_MB);
			const job = startCheck(saved.token, {
				fileName: file.name,
				feed: fields.data.feed || null,
				mode: fields.data.acceptValid ? 'accept-valid' : 'strict'
			});
			await settled(job);
			redirect(303, `/import/${saved.token}`);
		} catch (e) {
			if (e instanceof UploadTooLarge) return fail(413, { message: e.message });
			throw e;
		}
	}
};
