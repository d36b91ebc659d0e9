/**
 * The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. Each path lists its
 * query parameters and the top-level fields every 200 answer carries (`required`), which a test
 * checks against the live handlers; the compare rows' fields come from the compare columns, so a
 * new column is described where it is defined.
 */
import { COMPARE_COLUMNS, SORT_KEYS, type CompareColumn } from '../compare/columns';
import { ROW_STATUSES } from '../progress-filter';
import {
	arr,
	codePath,
	error400,
	fields,
	format,
	int,
	measure,
	notFound,
	nullable,
	num,
	obj,
	ok,
	query,
	str,
	window,
	type Schema
} from './openapi-parts';

/** Raised when a field is renamed or removed; additions keep the version. */
export const API_VERSION = '1.0.0';

function columnSchema(c: CompareColumn): Schema {
	const base =
		c.kind === 'number'
			? num()
			: c.kind === 'status'
				? { type: 'string', enum: ROW_STATUSES }
				: str();
	return {
		...nullable(base),
		description: `${c.label}${c.unit ? ` (${c.unit})` : ''}: ${c.definition}`
	};
}

const compareRow: Schema = {
	type: 'object',
	description:
		'code, gssCode and name always; then the columns asked for (cols), and measure with any emissions figure.',
	required: ['code', 'gssCode', 'name'],
	properties: {
		code: str('3-letter code'),
		gssCode: nullable(str('GSS code')),
		name: str(),
		measure: str('The measure of the emissions figures'),
		...Object.fromEntries(COMPARE_COLUMNS.map((c) => [c.key, columnSchema(c)]))
	}
};

export function openApiDocument() {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Net Zero Local API',
			version: API_VERSION,
			description:
				"UK councils' net-zero targets, emissions, progress and funding. Stable field names; every figure carries its measure and release. Licences of the data are in each answer's `licence` or on /sources."
		},
		paths: {
			'/api/compare': {
				get: {
					summary:
						'Every current council compared: the rows of /compare, filtered, sorted, with the chosen columns',
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
							`Comma-separated columns: ${COMPARE_COLUMNS.map((c) => c.key).join(', ')}.`
						),
						query('sort', 'Column to sort by (blanks last).', { type: 'string', enum: SORT_KEYS }),
						query('dir', 'asc (default) or desc.', { type: 'string', enum: ['asc', 'desc'] }),
						measure,
						window,
						format()
					],
					responses: {
						200: ok(
							'The view',
							fields({
								version: int("The version of this answer's shape"),
								measure: str(),
								measureLabel: str(),
								releaseLabels: arr(str()),
								filter: obj('The view as read from the query'),
								fields: arr(str(), 'The fields of each row, in order (the CSV header)'),
								count: int('Rows in the view'),
								total: int('Current councils'),
								rows: arr(compareRow),
								licence: str()
							}),
							true
						),
						400: error400
					}
				}
			},
			'/api/authorities': {
				get: {
					summary:
						'Councils, with their targets; abolished councils named resolve to their successors',
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
					responses: {
						200: ok(
							'Councils',
							fields({
								count: int(),
								authorities: arr(),
								abolished: arr(),
								suggestions: arr(),
								licence: str()
							})
						),
						400: error400
					}
				}
			},
			'/api/authorities/{code}': {
				get: {
					summary:
						'One council: targets, declaration, plans, emissions by release and measure, awards',
					parameters: [codePath],
					responses: {
						200: ok(
							'The council',
							fields({
								authority: obj(),
								targets: arr(),
								declaration: nullable(obj()),
								plans: arr(),
								emissions: arr(),
								awards: arr(),
								participations: arr()
							})
						),
						404: notFound
					}
				}
			},
			'/api/authorities/{code}/progress': {
				get: {
					summary:
						"One council's targets judged on its current series (with any officer's statusOverride and its reason beside the calculated status), and its action plan's counts",
					parameters: [codePath, measure, window],
					responses: {
						200: ok(
							'Progress',
							fields({
								authority: obj(),
								today: str(),
								measure: str(),
								windowYears: int(),
								targets: arr(),
								actions: obj()
							})
						),
						400: error400,
						404: notFound
					}
				}
			},
			'/api/authorities/{code}/bids': {
				get: {
					summary: "One council's bids",
					parameters: [codePath, format()],
					responses: {
						200: ok('Bids', fields({ authority: obj(), count: int(), bids: arr() }), true),
						404: notFound
					}
				}
			},
			'/api/funding/metrics': {
				get: {
					summary: "Every council's funding figures (published awards only) and the national ones",
					parameters: [
						query('year', 'Awards dated this year only', { type: 'integer' }),
						query('authority', 'One council (its figures and bid outcomes) instead'),
						format()
					],
					responses: {
						200: ok(
							'Figures',
							fields({
								year: nullable(int()),
								source: str(),
								national: obj(),
								windows: obj(),
								churn: obj(),
								estimatedShareMethod: str(),
								perHead: obj(),
								authorities: arr()
							}),
							true
						),
						400: error400
					}
				}
			},
			'/api/competitions': {
				get: {
					summary: 'Funding rounds with their windows and deadlines; filters as on /deadlines',
					parameters: [
						query('q', 'Words in the scheme or round'),
						query('theme', 'Theme'),
						query('funder', 'Funder'),
						query('kind', 'competitive, formula or expression_of_interest'),
						query('type', 'Authority type code the round is open to'),
						query('status', 'open, upcoming, closed or unknown'),
						format()
					],
					responses: {
						200: ok('Rounds', fields({ count: int(), today: str(), competitions: arr() }), true),
						400: error400
					}
				}
			},
			'/api/progress': {
				get: {
					summary: "Every current council's whole-area targets judged, as on /progress",
					parameters: [
						measure,
						window,
						query('nation', 'Nation'),
						query('type', 'Authority type code'),
						query('status', 'Status', { type: 'string', enum: ROW_STATUSES }),
						format()
					],
					responses: {
						200: ok(
							'Progress',
							fields({
								measure: str(),
								measureLabel: str(),
								windowYears: int(),
								counts: obj(),
								councils: int(),
								councilsWithTarget: int(),
								releaseLabels: arr(str()),
								filter: obj(),
								count: int(),
								rows: arr(),
								licence: str()
							}),
							true
						),
						400: error400
					}
				}
			}
		}
	};
}
