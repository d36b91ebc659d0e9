/**
 * The import part of the OpenAPI description: uploading a file (a write, so a session is needed)
 * and polling its job. Their errors are SvelteKit's `{ message }`, or its cross-site check's.
 */
import { ImportJob, UploadCreated } from './api/compare-import-schemas';
import { get, ok, query, refused, SECURITY } from './openapi-parts';

export const IMPORT_PATHS = {
	'/api/imports/uploads': {
		put: {
			operationId: 'uploadImportFile',
			tags: ['Imports'],
			summary: 'Upload a file (the raw body) and start its check; poll the job it answers with',
			security: SECURITY.session,
			parameters: [
				{ ...query('name', 'The file name, as shown on the check page'), required: true },
				query('feed', 'The feed key; detected from the header row when not given'),
				query('mode', 'strict refuses a file with any invalid row; accept-valid sets them aside', {
					type: 'string',
					enum: ['strict', 'accept-valid'],
					default: 'strict'
				})
			],
			requestBody: {
				required: true,
				description: 'The file as it is: CSV in UTF-8, Windows-1252 or UTF-16.',
				content: { 'text/csv': { schema: { type: 'string', contentMediaType: 'text/csv' } } }
			},
			responses: {
				201: ok('Received; the check has started', UploadCreated),
				400: refused('A bad parameter, an unknown feed or an empty body'),
				401: refused('Not signed in'),
				403: {
					description:
						"SvelteKit's cross-site check: a body sent as text/plain, multipart/form-data or a form, from another origin (or none), is refused. Send text/csv, or the site's Origin.",
					content: {
						'text/plain': { schema: { type: 'string' } },
						'application/json': { schema: { $ref: '#/components/schemas/Message' } }
					}
				},
				413: refused('Larger than MAX_UPLOAD_MB')
			}
		}
	},
	'/api/imports/uploads/{token}': get({
		operationId: 'getImportJob',
		tags: ['Imports'],
		summary: "An upload's job: its state and progress, to poll",
		security: SECURITY.session,
		parameters: [
			{
				name: 'token',
				in: 'path',
				required: true,
				description: 'The token the upload answered with',
				schema: { type: 'string' }
			}
		],
		responses: {
			200: ok('The job', ImportJob),
			404: refused('No such job for this account (expired, another account’s, or not signed in)')
		}
	})
};
