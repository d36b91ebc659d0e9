/**
 * The funding part of the OpenAPI description: a council's bids, the funding figures, the funding
 * rounds and their calendar feed.
 */
import { z } from 'zod';
import { COMPETITION_STATUSES } from '../deadlines';
import {
	BidsResponse,
	CompetitionsResponse,
	CouncilFundingResponse,
	NationalFundingResponse
} from './api/funding-schemas';
import { named } from './api/schema-kit';
import { DEFAULT_LIMIT, MAX_LIMIT } from './api/list-window';
import {
	badQuery,
	codePath,
	CSV_NOTE,
	format,
	get,
	money,
	notFound,
	ok,
	query,
	SECURITY
} from './openapi-parts';

const FundingMetricsAnswer = named(
	'FundingMetricsAnswer',
	z
		.union([NationalFundingResponse, CouncilFundingResponse])
		.describe('Every council and the nation; with `authority`, that one council.')
);

const competitionFilters = [
	query('q', 'Words in the scheme, round, funder, theme or notes'),
	query('theme', 'Theme, as listed on /deadlines'),
	query('funder', 'Funder, as listed on /deadlines'),
	query('kind', 'Kind of round', {
		type: 'string',
		enum: ['competitive', 'formula', 'expression_of_interest']
	}),
	query('type', 'An authority type code the round is open to (rounds not saying are kept)'),
	query('status', 'Status on the server’s today', { type: 'string', enum: COMPETITION_STATUSES })
];

export const FUNDING_PATHS = {
	'/api/authorities/{code}/bids': get({
		operationId: 'listAuthorityBids',
		tags: ['Funding'],
		summary: "One council's bids; sample bids say so",
		description:
			'The public see submitted and decided bids without their costs; the council’s officers and admins see every bid with its costs.',
		security: SECURITY.sessionSeesMore,
		parameters: [codePath, format],
		responses: {
			200: ok('Bids', BidsResponse, CSV_NOTE),
			400: badQuery,
			404: notFound()
		}
	}),
	'/api/funding/metrics': get({
		operationId: 'getFundingMetrics',
		tags: ['Funding'],
		summary:
			"Every council's funding figures (published awards only; net-zero money unless money=all) and the national ones, or one council's with its bid outcomes",
		security: SECURITY.sessionSeesMore,
		parameters: [
			query('year', 'Awards dated this year only', {
				type: 'integer',
				minimum: 1990,
				maximum: 2100
			}),
			query('authority', 'One council (3-letter or GSS code): its figures and bid outcomes'),
			money,
			format
		],
		responses: {
			200: ok(
				'Figures: FundingMetrics without `authority`, CouncilFundingMetrics with it',
				FundingMetricsAnswer,
				CSV_NOTE
			),
			400: badQuery,
			404: notFound('No council has the code given as `authority`.')
		}
	}),
	'/api/competitions': get({
		operationId: 'listCompetitions',
		tags: ['Funding'],
		summary: 'Funding rounds with their windows and deadlines; filters as on /deadlines',
		security: SECURITY.public,
		description:
			'500 rounds at a time in JSON: follow `next` for the following window. CSV gives every round matching unless `limit` or `offset` is given.',
		parameters: [
			...competitionFilters,
			format,
			query('limit', 'Rounds in the window (default 500)', {
				type: 'integer',
				minimum: 1,
				maximum: MAX_LIMIT,
				default: DEFAULT_LIMIT
			}),
			query('offset', 'Rounds to skip (default 0)', { type: 'integer', minimum: 0, default: 0 })
		],
		responses: { 200: ok('Rounds', CompetitionsResponse, CSV_NOTE), 400: badQuery }
	}),
	'/deadlines.ics': get({
		operationId: 'getDeadlinesCalendar',
		tags: ['Funding'],
		summary: 'The funding deadlines as an iCalendar feed to subscribe to',
		description:
			'One event per current closing date, with a reminder a week before. Filters as on /deadlines; a value it cannot read is ignored, as on the page.',
		security: SECURITY.public,
		parameters: [
			...competitionFilters,
			query('opens', '1 to add the openings too', {
				type: 'string',
				enum: ['1', 'true', 'yes']
			}),
			query('sample', '1 to include sample rounds', {
				type: 'string',
				enum: ['1', 'true', 'yes']
			})
		],
		responses: {
			200: {
				description: 'An RFC 5545 calendar',
				content: { 'text/calendar': { schema: { type: 'string' } } }
			}
		}
	})
};
