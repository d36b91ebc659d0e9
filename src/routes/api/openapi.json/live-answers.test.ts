/**
 * Every described GET answers as the description says: each route is called in-process on a
 * database with the council register, the shipped DESNZ totals, the mySociety fixtures, Leeds's
 * officer templates (bids, actions, targets with interim targets) and an officer's status
 * override, and each answer, its errors included, is checked against its schema with Ajv (strict,
 * closed objects). The upload endpoints are checked the same way against the built server
 * (tests/e2e/api.e2e.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { PUBLIC, type Viewer } from '$lib/server/accounts/viewer';
import { setDatabase } from '$lib/server/db';
import { openApiDocument } from '$lib/server/openapi';
import { getCouncilProgress } from '$lib/server/queries/council-progress';
import { recordStatusOverride } from '$lib/server/records/status-overrides';
import { FEED_FIXTURES, fixture, ROOT } from '../../../../tests/helpers/db';
import { GET_CASES } from '../../../../tests/helpers/openapi-cases';
import { openApiChecker } from '../../../../tests/helpers/openapi-check';
import { createProgressDb } from '../../../../tests/helpers/progress-db';

const ADMIN: Viewer = { role: 'admin', userId: 1, email: 'admin@example.org' };
let handle: DbHandle;

beforeAll(async () => {
	handle = await createProgressDb([
		['mysociety-promises', FEED_FIXTURES['mysociety-promises']],
		['mysociety-declarations', FEED_FIXTURES['mysociety-declarations']],
		['mysociety-plans', FEED_FIXTURES['mysociety-plans']],
		['mysociety-emissions', FEED_FIXTURES['mysociety-emissions']],
		['scheme-purposes', FEED_FIXTURES['scheme-purposes']],
		['funding-facts', FEED_FIXTURES['funding-facts']],
		['whlg-participation', FEED_FIXTURES['whlg-participation']],
		['council-emissions', fixture('templates/council-emissions.csv')]
	]);
	const area = getCouncilProgress('LDS', { today: '2025-04-01' }, handle.db).targets.find(
		(t) => t.row.scope === 'whole_area'
	)!;
	recordStatusOverride(
		handle.db,
		{
			authorityCode: 'LDS',
			scope: 'whole_area',
			targetYear: area.row.targetYear,
			targetId: area.row.id,
			targetLabel: 'whole area, net zero by 2030',
			measure: 'territorial',
			colour: 'amber',
			calculatedColour: 'red',
			reason: 'The heat network starts in 2026, which the trend cannot see yet.'
		},
		{ userId: 7, actor: 'officer@leeds.example' }
	);
	setDatabase(handle);
}, 120_000);
afterAll(() => handle.close());

type Handler = (event: {
	url: URL;
	params: Record<string, string>;
	locals: { viewer: Viewer };
}) => Response | Promise<Response>;

const { check } = openApiChecker();

/** GET `address` from the route described as `path`, in-process; its status, type and body. */
async function call(path: string, address: string, viewer: Viewer = PUBLIC) {
	const route = path === '/deadlines.ics' ? path : path.replace(/\{(\w+)\}/g, '[$1]');
	const file = join(ROOT, 'src/routes', route, '+server.ts');
	const { GET } = (await import(/* @vite-ignore */ file)) as { GET: Handler };
	const url = new URL(`http://localhost${address}`);
	const code = url.pathname.split('/')[3] ?? '';
	const response = await GET({ url, params: { code }, locals: { viewer } });
	const type = response.headers.get('content-type') ?? '';
	const body = type.startsWith('application/json') ? await response.json() : await response.text();
	return { status: response.status, type, body };
}

describe('every described GET answers as described', () => {
	it('asks every described GET for each status it describes (the import job: browser suite)', () => {
		const described = Object.entries(openApiDocument().paths).flatMap(([path, item]) =>
			'get' in item && !path.startsWith('/api/imports')
				? Object.keys(item.get.responses).map((status) => `${path} ${status}`)
				: []
		);
		const asked = new Set(GET_CASES.map(([path, , status]) => `${path} ${status}`));
		expect(described.filter((d) => !asked.has(d))).toEqual([]);
	});

	it.each(GET_CASES)('%s: %s answers %i as described', async (path, address, status, as) => {
		const answer = await call(path, address, as === 'admin' ? ADMIN : PUBLIC);
		expect(answer.status).toBe(status);
		expect(check(path, 'GET', answer.status, answer.type, answer.body)).toBeNull();
	});
});
