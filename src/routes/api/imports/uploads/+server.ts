import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { readConfig } from '$lib/server/config';
import { feedByKey } from '$lib/server/feeds/registry';
import { startCheck } from '$lib/server/import/jobs';
import { saveUpload, UploadTooLarge } from '$lib/server/import/uploads';
import { UploadCreated } from '$lib/server/api/compare-import-schemas';
import type { Body } from '$lib/server/api/schema-kit';
import type { RequestHandler } from './$types';

const QuerySchema = z.object({
	name: z.string().trim().min(1).max(200),
	feed: z.string().trim().max(40).optional(),
	mode: z.enum(['strict', 'accept-valid']).default('strict')
});

/**
 * PUT /api/imports/uploads?name=…&feed=…&mode=…, body = the raw file. Streams it to disk (the
 * browser shows upload progress), starts the check, answers with the job's token to poll.
 */
export const PUT: RequestHandler = async ({ request, url, locals }) => {
	// The hook refuses the public already; said again here, where the write is.
	if (locals.viewer.role === 'public') error(401, 'Sign in to upload a file.');
	const query = QuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success)
		error(
			400,
			`Invalid upload: ${query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
		);
	if (query.data.feed && !feedByKey(query.data.feed))
		error(400, `Unknown feed "${query.data.feed}".`);
	if (!request.body) error(400, 'The upload was empty.');
	const { UPLOAD_DIR, MAX_UPLOAD_MB } = readConfig();
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_UPLOAD_MB * 1024 * 1024) error(413, new UploadTooLarge(MAX_UPLOAD_MB).message);
	try {
		const saved = await saveUpload(UPLOAD_DIR, request.body as never, MAX_UPLOAD_MB);
		startCheck(saved.token, {
			fileName: query.data.name,
			feed: query.data.feed || null,
			mode: query.data.mode,
			viewer: locals.viewer
		});
		return json({ token: saved.token, bytes: saved.bytes } satisfies Body<typeof UploadCreated>, {
			status: 201
		});
	} catch (e) {
		if (e instanceof UploadTooLarge) error(413, e.message);
		throw e;
	}
};
