/**
 * The OpenAPI 3.1 description of the API, served at /api/openapi.json: every route under /api,
 * the deadlines calendar and the import upload endpoints. Each answer's schema is generated from
 * the zod schema its route's body is typed with (api/*-schemas.ts), so the two cannot drift; a
 * test lints this document and checks every route's live answers against it.
 */
import { z } from 'zod';
import { COMPARE_COLUMNS, NUMERIC_KEYS, SORT_KEYS } from '../compare/columns';
import { DEFAULTS } from '../compare/state';
import { ROW_STATUSES } from '../progress-filter';
import { FUNDING_PATHS } from './openapi-funding-paths';
import { IMPORT_PATHS } from './openapi-import-paths';
import {
	AuthorityListResponse,
	AuthorityProfileResponse,
	SimilarResponse
} from './api/authority-schemas';
import { CompareResponse } from './api/compare-import-schemas';
import { CouncilProgressResponse, NationalProgressResponse } from './api/progress-schemas';
import { named } from './api/schema-kit';
import {
	badQuery,
	codePath,
	componentSchemas,
	CSV_NOTE,
	format,
	get,
	measure,
	money,
	notFound,
	ok,
	query,
	SECURITY,
	securitySchemes,
	window
} from './openapi-parts';

/** Raised when a field is renamed or removed (JSON or CSV); additions keep the version. */
export const API_VERSION = '4.0.0';

const OpenApiDocument = named(
	'OpenApiDocument',
	z.looseObject({
		openapi: z.string(),
		info: z.looseObject({ title: z.string(), version: z.string() }),
		paths: z.record(z.string(), z.unknown())
	})
);

export function openApiDocument() {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Net Zero Local API',
			version: API_VERSION,
			description:
				"UK councils' net-zero targets, emissions, progress and funding. Stable field names; every figure carries its measure and release. The code is MIT-licensed (below); the data keep their own licences, named in each answer's `licence` and on /sources: DESNZ emissions under the Open Government Licence v3.0, mySociety and Climate Emergency UK targets, declarations and plans under CC BY 4.0, award lists under their publishers' terms.",
			license: { name: 'MIT', identifier: 'MIT' }
		},
		servers: [{ url: '/', description: 'The server this description is served from' }],
		tags: [
			{ name: 'Councils', description: 'The register, council profiles and similar councils' },
			{ name: 'Progress', description: 'Targets judged on the current emissions series' },
			{ name: 'Funding', description: 'Awards, bids and funding rounds' },
			{ name: 'Imports', description: 'Uploading a file to check and import (signed in)' },
			{ name: 'About', description: 'This description' }
		],
		paths: {
			'/api/compare': get({
				operationId: 'compareCouncils',
				tags: ['Councils'],
				summary:
					'Every current council compared: the rows of /compare, filtered and sorted; funding columns count net-zero money unless money=all',
				security: SECURITY.public,
				parameters: [
					query('q', 'A council name fragment, or a 3-letter or GSS code.'),
					query('nation', 'England, Scotland, Wales or Northern Ireland.'),
					query('region', 'An English region.'),
					query('type', 'An authority type code such as NMD, UA, LBO.'),
					query('target', 'Earliest whole-area target year, or "none".'),
					query('status', 'On-track status of the earliest whole-area target.', {
						type: 'string',
						enum: ROW_STATUSES
					}),
					query(
						'cols',
						`Comma-separated columns: ${COMPARE_COLUMNS.map((c) => c.key).join(', ')}. Funding columns (${COMPARE_COLUMNS.filter(
							(c) => 'money' in c && c.money
						)
							.map((c) => c.key)
							.join(
								', '
							)}) are null where the council led no published award of the money counted: unknown, not 0.`
					),
					query('sort', 'Column to sort by (blanks last).', { type: 'string', enum: SORT_KEYS }),
					query('dir', 'asc (default) or desc.', { type: 'string', enum: ['asc', 'desc'] }),
					...(['map', 'x', 'y'] as const).map((k) =>
						query(
							k,
							`The page's ${k === 'map' ? 'map' : `scatter ${k}`} column (kept in filter).`,
							{
								type: 'string',
								enum: NUMERIC_KEYS,
								default: DEFAULTS[k]
							}
						)
					),
					money,
					measure,
					window,
					format
				],
				responses: { 200: ok('The view', CompareResponse, CSV_NOTE), 400: badQuery }
			}),
			'/api/authorities': get({
				operationId: 'listAuthorities',
				tags: ['Councils'],
				summary: 'Councils with their targets; abolished councils named lead to their successors',
				security: SECURITY.public,
				parameters: [
					query('nation', 'Nation'),
					query('region', 'English region'),
					query('type', 'Authority type code, e.g. LBO'),
					query('q', 'A name fragment, any known spelling, or a code'),
					query('include_abolished', 'true to include abolished councils', {
						type: 'string',
						enum: ['true', 'false']
					})
				],
				responses: { 200: ok('Councils', AuthorityListResponse), 400: badQuery }
			}),
			'/api/authorities/{code}': get({
				operationId: 'getAuthority',
				tags: ['Councils'],
				summary:
					'One council: targets, declaration, plans, emissions by release and measure, awards',
				security: SECURITY.public,
				parameters: [codePath],
				responses: { 200: ok('The council', AuthorityProfileResponse), 404: notFound() }
			}),
			'/api/authorities/{code}/similar': get({
				operationId: 'getSimilarCouncils',
				tags: ['Councils'],
				summary:
					"The councils most like this one, three ways, with the method and its data's releases",
				security: SECURITY.public,
				parameters: [codePath],
				responses: { 200: ok('Similar councils', SimilarResponse), 404: notFound() }
			}),
			'/api/authorities/{code}/progress': get({
				operationId: 'getAuthorityProgress',
				tags: ['Progress'],
				summary:
					"One council's targets judged on its current series (with any officer's status beside the calculated one), and its action plan's counts",
				description:
					'The public see the actions the council publishes; its officers and admins see all of them, and admins see who set a status.',
				security: SECURITY.sessionSeesMore,
				parameters: [codePath, measure, window],
				responses: {
					200: ok('Progress', CouncilProgressResponse),
					400: badQuery,
					404: notFound()
				}
			}),
			...FUNDING_PATHS,
			'/api/progress': get({
				operationId: 'getNationalProgress',
				tags: ['Progress'],
				summary: "Every current council's whole-area targets judged, as on /progress",
				security: SECURITY.public,
				parameters: [
					measure,
					window,
					query('nation', 'Nation'),
					query('type', 'Authority type code'),
					query('status', 'Status', { type: 'string', enum: ROW_STATUSES }),
					format
				],
				responses: { 200: ok('Progress', NationalProgressResponse, CSV_NOTE), 400: badQuery }
			}),
			...IMPORT_PATHS,
			'/api/openapi.json': get({
				operationId: 'getOpenApiDescription',
				tags: ['About'],
				summary: 'This description',
				security: SECURITY.public,
				responses: { 200: ok('An OpenAPI 3.1 document', OpenApiDocument) }
			})
		},
		components: { schemas: componentSchemas(), securitySchemes }
	};
}
