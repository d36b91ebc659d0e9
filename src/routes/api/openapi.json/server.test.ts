/**
 * The OpenAPI description is a valid document, checked with maintained validators rather than by
 * eye: the OpenAPI 3.1 schema (@seriousme/openapi-schema-validator) and Redocly's recommended
 * rules (@redocly/openapi-core). It describes every route under /api with each method the route
 * exports, plus the deadlines calendar. Its answers are checked live in live-answers.test.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '$lib/server/openapi';
import { ROOT } from '../../../../tests/helpers/db';
import { GET } from './+server';

const doc = openApiDocument();
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every route under src/routes/api, as "METHOD /path/{param}", from the files themselves. */
async function apiRoutes(): Promise<string[]> {
	const dir = join(ROOT, 'src/routes/api');
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
		f.endsWith('+server.ts')
	);
	const routes: string[] = [];
	for (const file of files) {
		const module = (await import(/* @vite-ignore */ join(dir, file))) as Record<string, unknown>;
		const path = `/api/${file.replace(/\/?\+server\.ts$/, '')}`.replace(/\[(\w+)\]/g, '{$1}');
		for (const m of METHODS) if (m in module) routes.push(`${m} ${path}`);
	}
	return routes.sort();
}

const described = () =>
	Object.entries(doc.paths)
		.flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
		.sort();

describe('/api/openapi.json', () => {
	it('is served as an OpenAPI 3.1 document with a version, a server and a licence', async () => {
		const body = await (await GET({} as Parameters<typeof GET>[0])).json();
		expect(body.openapi).toBe('3.1.0');
		expect(body.info.version).toMatch(/^\d+\.\d+\.\d+$/);
		expect(body.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
		expect(body.servers).toEqual([expect.objectContaining({ url: '/' })]);
		expect(body).toEqual(JSON.parse(JSON.stringify(doc)));
	});

	it('describes every route under /api with each method it exports, and the calendar', async () => {
		expect(described()).toEqual([...(await apiRoutes()), 'GET /deadlines.ics'].sort());
	});

	it('is valid against the OpenAPI 3.1 schema', async () => {
		const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it("meets Redocly's recommended rules: no error, no warning but the two GETs that never refuse", async () => {
		const config = await createConfig({ extends: ['recommended'] });
		const problems = await lintFromString({
			source: JSON.stringify(doc),
			absoluteRef: 'openapi.json',
			config
		});
		const found = problems.map(
			(p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`
		);
		// The calendar and this description answer every GET: a 4xx would be invented.
		expect(found).toEqual([
			'warn operation-4xx-response #/paths/~1deadlines.ics/get/responses: Operation must have at least one `4XX` response.',
			'warn operation-4xx-response #/paths/~1api~1openapi.json/get/responses: Operation must have at least one `4XX` response.'
		]);
	});

	it('gives every operation an id, a summary, its security and its errors', () => {
		for (const [path, item] of Object.entries(doc.paths)) {
			for (const [method, op] of Object.entries(item) as [string, Record<string, unknown>][]) {
				const where = `${method} ${path}`;
				expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
				expect(op.summary, where).toBeTruthy();
				expect(op.security, where).toBeDefined();
				// A write needs a session; only the import endpoints need one at all.
				if (method !== 'get' || path.startsWith('/api/imports'))
					expect(op.security, where).toEqual([{ session: [] }]);
			}
		}
	});
});
