/**
 * The GET requests the tests of the OpenAPI description make, in-process
 * (src/routes/api/openapi.json/live-answers.test.ts) and against the built server
 * (tests/e2e/api.e2e.ts): every described GET with each status it describes.
 */
import { COMPARE_COLUMNS } from '../../src/lib/compare/columns';

const ALL_COLUMNS = COMPARE_COLUMNS.map((c) => c.key).join(',');

/**
 * [described path, address asked, status expected, 'admin' to ask signed in as an admin]: each
 * described GET and each status it describes, with options that reach the answer's branches.
 */
export const GET_CASES: [path: string, address: string, status: number, as?: 'admin'][] = [
	['/api/compare', '/api/compare', 200],
	['/api/compare', `/api/compare?cols=${ALL_COLUMNS}&sort=perHeadGbp&dir=desc`, 200],
	['/api/compare', '/api/compare?measure=scope_of_influence&window=3&nation=England', 200],
	['/api/compare', `/api/compare?cols=${ALL_COLUMNS}&format=csv`, 200],
	['/api/compare', `/api/compare?cols=${ALL_COLUMNS}&money=all&sort=potsWon`, 200],
	['/api/compare', '/api/compare?status=purple', 400],
	['/api/compare', '/api/compare?money=general', 400],
	['/api/compare', '/api/compare?cols=successRate', 400],
	['/api/compare', '/api/compare?format=xml', 400],
	['/api/authorities', '/api/authorities', 200],
	['/api/authorities', '/api/authorities?q=kettering', 200],
	['/api/authorities', '/api/authorities?q=qqqzzzx', 200],
	['/api/authorities', '/api/authorities?include_abolished=true&nation=Wales', 200],
	['/api/authorities', '/api/authorities?include_abolished=maybe', 400],
	['/api/authorities/{code}', '/api/authorities/TRF', 200],
	['/api/authorities/{code}', '/api/authorities/LDS', 200],
	['/api/authorities/{code}', '/api/authorities/GMCA', 200],
	['/api/authorities/{code}', '/api/authorities/E08000009', 200],
	['/api/authorities/{code}', '/api/authorities/ZZZ', 404],
	['/api/authorities/{code}/similar', '/api/authorities/TRF/similar', 200],
	['/api/authorities/{code}/similar', '/api/authorities/GMCA/similar', 200],
	['/api/authorities/{code}/similar', '/api/authorities/ZZZ/similar', 404],
	['/api/authorities/{code}/progress', '/api/authorities/TRF/progress', 200],
	['/api/authorities/{code}/progress', '/api/authorities/LDS/progress', 200],
	['/api/authorities/{code}/progress', '/api/authorities/LDS/progress', 200, 'admin'],
	[
		'/api/authorities/{code}/progress',
		'/api/authorities/LDS/progress?measure=scope_of_influence&window=3',
		200
	],
	['/api/authorities/{code}/progress', '/api/authorities/TRF/progress?window=2', 400],
	['/api/authorities/{code}/progress', '/api/authorities/ZZZ/progress', 404],
	['/api/authorities/{code}/bids', '/api/authorities/LDS/bids', 200],
	['/api/authorities/{code}/bids', '/api/authorities/LDS/bids', 200, 'admin'],
	['/api/authorities/{code}/bids', '/api/authorities/LDS/bids?format=csv', 200, 'admin'],
	['/api/authorities/{code}/bids', '/api/authorities/LDS/bids?format=xml', 400],
	['/api/authorities/{code}/bids', '/api/authorities/ZZZ/bids', 404],
	['/api/funding/metrics', '/api/funding/metrics', 200],
	['/api/funding/metrics', '/api/funding/metrics?year=2023', 200],
	['/api/funding/metrics', '/api/funding/metrics?money=all', 200],
	['/api/funding/metrics', '/api/funding/metrics?money=some', 400],
	['/api/funding/metrics', '/api/funding/metrics?format=csv', 200],
	['/api/funding/metrics', '/api/funding/metrics?authority=LDS', 200, 'admin'],
	['/api/funding/metrics', '/api/funding/metrics?authority=TRF&format=csv', 200],
	['/api/funding/metrics', '/api/funding/metrics?authority=ZZZ', 404],
	['/api/funding/metrics', '/api/funding/metrics?year=soon', 400],
	['/api/competitions', '/api/competitions', 200],
	['/api/competitions', '/api/competitions?status=closed&kind=competitive', 200],
	['/api/competitions', '/api/competitions?format=csv', 200],
	['/api/competitions', '/api/competitions?limit=2&offset=1', 200],
	['/api/competitions', '/api/competitions?limit=0', 400],
	['/api/competitions', '/api/competitions?status=someday', 400],
	['/api/progress', '/api/progress', 200],
	['/api/progress', '/api/progress?measure=scope_of_influence&status=none&window=10', 200],
	['/api/progress', '/api/progress?format=csv', 200],
	['/api/progress', '/api/progress?window=11', 400],
	['/api/openapi.json', '/api/openapi.json', 200],
	['/deadlines.ics', '/deadlines.ics?opens=1', 200]
];
