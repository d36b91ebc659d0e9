/**
 * The built server answers as the description it serves says, on the full shipped data: every
 * described GET with each status it describes (the cases of the in-process test), and the import
 * endpoints: an upload received (201), its job (200), and each refusal (401, 400, 404, 413) as JSON
 * with its schema. Ajv checks each answer (strict, closed objects).
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { GET_CASES } from '../helpers/openapi-cases';
import { openApiChecker } from '../helpers/openapi-check';

const baseUrl = inject('baseUrl');
const admin = { cookie: inject('adminCookie') };

let checker: ReturnType<typeof openApiChecker>;
beforeAll(async () => {
	// The document as served, not as built in this process.
	checker = openApiChecker(await (await fetch(`${baseUrl}/api/openapi.json`)).json());
});

async function ask(address: string, init: RequestInit = {}) {
	const res = await fetch(`${baseUrl}${address}`, init);
	const type = res.headers.get('content-type') ?? '';
	const body = type.startsWith('application/json') ? await res.json() : await res.text();
	return { status: res.status, type, body };
}

const put = (query: string, body: BodyInit, headers: Record<string, string> = {}) =>
	ask(`/api/imports/uploads?${query}`, {
		method: 'PUT',
		headers: { 'content-type': 'text/csv', accept: 'application/json', ...headers },
		body
	});

const PROMISES =
	'Local Authority Code,Scope,Target,Wording,Source URL\nTRF,Council operations,2038,x,\n';

describe('the built server answers as its OpenAPI description says', () => {
	it.each(GET_CASES)('%s: %s answers %i as described', async (path, address, status, as) => {
		const answer = await ask(address, as === 'admin' ? { headers: admin } : {});
		expect(answer.status).toBe(status);
		expect(checker.check(path, 'GET', answer.status, answer.type, answer.body)).toBeNull();
	});

	it('receives an upload (201) and shows its job (200)', async () => {
		const path = '/api/imports/uploads';
		const sent = await put('name=promises.csv&feed=mysociety-promises', PROMISES, admin);
		expect(sent.status).toBe(201);
		expect(checker.check(path, 'PUT', sent.status, sent.type, sent.body)).toBeNull();
		const job = await ask(`${path}/${sent.body.token}`, { headers: admin });
		expect(job.status).toBe(200);
		expect(checker.check(`${path}/{token}`, 'GET', job.status, job.type, job.body)).toBeNull();
	});

	it('refuses an upload or a job as described, with a JSON sentence', async () => {
		const path = '/api/imports/uploads';
		const refusals = [
			[401, await put('name=a.csv', PROMISES)],
			[400, await put('name=a.csv&feed=no-such-feed', PROMISES, admin)],
			[400, await put('feed=mysociety-promises', PROMISES, admin)],
			[413, await put('name=big.csv', new Uint8Array(9 * 1024 * 1024), admin)]
		] as const;
		for (const [status, answer] of refusals) {
			expect(answer.status).toBe(status);
			expect(answer.body).toEqual({ message: expect.any(String) });
			expect(checker.check(path, 'PUT', answer.status, answer.type, answer.body)).toBeNull();
		}
		const unknown = await ask(`${path}/no-such-token`, { headers: admin });
		expect(unknown.status).toBe(404);
		expect(checker.check(`${path}/{token}`, 'GET', 404, unknown.type, unknown.body)).toBeNull();
	});
});
