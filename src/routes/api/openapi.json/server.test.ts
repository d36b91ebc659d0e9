/**
 * The OpenAPI description keeps its word: every documented GET path answers 200 on the fixture
 * database with every top-level field the description marks required, and the document itself is
 * served and names every endpoint of the JSON API.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db/client';
import { PUBLIC, type Viewer } from '$lib/server/accounts/viewer';
import { setDatabase } from '$lib/server/db';
import { openApiDocument } from '$lib/server/openapi';
import { createFixtureDb, DATA_DIR, importFile, ROOT } from '../../../../tests/helpers/db';
import { GET } from './+server';

let handle: DbHandle;

beforeAll(async () => {
	handle = await createFixtureDb([
		'mysociety-promises',
		'mysociety-declarations',
		'mysociety-plans',
		'funding-facts'
	]);
	await importFile(
		handle,
		'desnz-ghg-totals',
		join(DATA_DIR, 'la-ghg-emissions-desnz-2005-2023/desnz_la_year.csv')
	);
	setDatabase(handle);
});
afterAll(() => handle.close());

type Handler = (event: {
	url: URL;
	params: Record<string, string>;
	locals: { viewer: Viewer };
}) => Response | Promise<Response>;

const doc = openApiDocument();
const paths = Object.entries(doc.paths) as [
	string,
	{
		get: {
			responses: Record<string, { content: Record<string, { schema: { required?: string[] } }> }>;
		};
	}
][];

describe('/api/openapi.json', () => {
	it('is served as an OpenAPI 3.1 document with a version', async () => {
		const body = await (await GET({} as Parameters<typeof GET>[0])).json();
		expect(body.openapi).toBe('3.1.0');
		expect(body.info.version).toMatch(/^\d+\.\d+\.\d+$/);
		expect(Object.keys(body.paths)).toEqual(paths.map(([p]) => p));
	});

	it('describes each JSON endpoint of the API', () => {
		expect(paths.map(([p]) => p).sort()).toEqual([
			'/api/authorities',
			'/api/authorities/{code}',
			'/api/authorities/{code}/bids',
			'/api/authorities/{code}/progress',
			'/api/compare',
			'/api/competitions',
			'/api/funding/metrics',
			'/api/progress'
		]);
	});

	it.each(paths)('%s answers 200 with the documented top-level fields', async (path, item) => {
		const file = join(ROOT, 'src/routes', path.replace('{code}', '[code]'), '+server.ts');
		const { GET: handler } = (await import(/* @vite-ignore */ file)) as { GET: Handler };
		const url = new URL(`http://localhost${path.replace('{code}', 'TRF')}`);
		// Asked as the public, as an anonymous API client is.
		const response = await handler({ url, params: { code: 'TRF' }, locals: { viewer: PUBLIC } });
		expect(response.status).toBe(200);
		const body = await response.json();
		const required = item.get.responses['200']!.content['application/json']!.schema.required!;
		expect(required.length).toBeGreaterThan(0);
		expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(required));
		for (const field of required) expect(body, `${path} ${field}`).toHaveProperty(field);
	});
});
