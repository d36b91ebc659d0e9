/**
 * A second writer never freezes or crashes the server: while another program (as a command-line
 * import would) holds the database's write lock, pages are served, an upload waits its turn and
 * says what for, and an undo waits without blocking anyone; two uploads at once both complete;
 * bodies over the upload limit are refused with 413 on every path.
 */
import { createDb, type DbHandle } from '../../src/lib/server/db/client';
import { beginWrite } from '../../src/lib/server/import/write-lock';
import { afterEach, describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');
const dbPath = inject('dbPath');
// SvelteKit refuses cross-site posts: send what a browser on the page would (a form post that
// wants the page, not the JSON answer `use:enhance` asks for), signed in as the admin.
const admin = { cookie: inject('adminCookie') };
const sameSite = { origin: baseUrl, accept: 'text/html', ...admin };

let holder: { handle: DbHandle; release(): void } | null = null;

/** Take the write lock as another program would, announcing itself. */
async function holdWriteLock(what: string) {
	const handle = createDb(dbPath);
	const lock = await beginWrite(handle.sqlite, dbPath, what);
	holder = {
		handle,
		release: () => {
			handle.sqlite.exec('ROLLBACK');
			lock.release();
			handle.close();
			holder = null;
		}
	};
	return holder;
}
afterEach(() => holder?.release());

async function upload(name: string, body: string | Uint8Array | ReadableStream, query = '') {
	return fetch(`${baseUrl}/api/imports/uploads?name=${encodeURIComponent(name)}${query}`, {
		method: 'PUT',
		headers: { ...sameSite, 'content-type': 'text/csv' },
		body,
		// A stream body is sent chunked, with no Content-Length.
		...(body instanceof ReadableStream ? { duplex: 'half' } : {})
	} as RequestInit);
}

interface JobView {
	state: string;
	waitingFor: string | null;
	report: { status: string; fatal: string | null } | null;
}
const job = async (token: string) =>
	(await (
		await fetch(`${baseUrl}/api/imports/uploads/${token}`, { headers: admin })
	).json()) as JobView;

const promisesCsv = (tag: string, code = 'CRF') =>
	'Local Authority Code,Scope,Target,Wording,Source URL\n' +
	`${code},Council operations,2031.0,Concurrency ${tag},https://example.org/${tag}\n`;

async function commit(token: string) {
	return fetch(`${baseUrl}/import/${token}?/commit`, {
		method: 'POST',
		headers: { ...sameSite, 'content-type': 'application/x-www-form-urlencoded' },
		body: '',
		redirect: 'manual'
	});
}

describe('while another program writes', () => {
	it('serves pages, and an upload waits its turn saying what for, then completes', async () => {
		const other = await holdWriteLock('the import of big-release.csv');
		for (const path of ['/', '/funding', '/authorities/TRF', '/import/history']) {
			const res = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(4_000) });
			expect(res.status, path).toBe(200);
		}
		const res = await upload('waits.csv', promisesCsv('waits'));
		expect(res.status).toBe(201);
		const { token } = (await res.json()) as { token: string };
		await expect
			.poll(async () => (await job(token)).waitingFor, { timeout: 15_000 })
			.toMatch(/^the import of big-release\.csv \(process \d+\)$/);
		expect((await job(token)).state).toBe('checking');
		other.release();
		await expect.poll(async () => (await job(token)).state, { timeout: 20_000 }).toBe('checked');
		expect((await job(token)).report).toMatchObject({ status: 'dry-run', fatal: null });
	}, 60_000);

	it('an undo waits for the lock without freezing pages, then is done', async () => {
		const res = await upload('to-undo.csv', promisesCsv('undo', 'MAN'));
		const { token } = (await res.json()) as { token: string };
		await expect.poll(async () => (await job(token)).state, { timeout: 20_000 }).toBe('checked');
		const committed = await commit(token);
		expect(committed.status).toBe(303);
		const batchId = /\/import\/history\/(\d+)/.exec(committed.headers.get('location') ?? '')![1]!;

		const other = await holdWriteLock('the import of big-release.csv');
		const undo = fetch(`${baseUrl}/import/history?/undo`, {
			method: 'POST',
			headers: { ...sameSite, 'content-type': 'application/x-www-form-urlencoded' },
			body: `batchId=${batchId}`,
			redirect: 'manual'
		});
		// The undo is waiting; pages answer meanwhile.
		await new Promise((r) => setTimeout(r, 500));
		const page = await fetch(`${baseUrl}/import/history`, { signal: AbortSignal.timeout(4_000) });
		expect(page.status).toBe(200);
		other.release();
		const done = await undo;
		expect(done.status).toBe(303);
		expect(done.headers.get('location')).toBe(`/import/history/${batchId}?undone=1`);
	}, 60_000);
});

describe('two uploads at once', () => {
	it('both are checked and both import', async () => {
		const [a, b] = await Promise.all([
			upload('first.csv', promisesCsv('first', 'LDS')),
			upload('second.csv', promisesCsv('second', 'BST'))
		]);
		const tokens = [
			((await a.json()) as { token: string }).token,
			((await b.json()) as { token: string }).token
		];
		for (const token of tokens)
			await expect.poll(async () => (await job(token)).state, { timeout: 20_000 }).toBe('checked');
		const commits = await Promise.all(tokens.map(commit));
		expect(commits.map((c) => c.status)).toEqual([303, 303]);
		for (const c of commits) expect(c.headers.get('location')).toMatch(/^\/import\/history\/\d+$/);
	}, 60_000);
});

describe('the upload limit (8 MB on the test server)', () => {
	const overLimit = 9 * 1024 * 1024;

	it('refuses a declared-too-large PUT with 413 before reading it', async () => {
		const res = await upload('big.csv', new Uint8Array(overLimit));
		expect(res.status).toBe(413);
		expect(await res.text()).toContain('larger than the 8 MB limit');
	});

	/** A body sent in 1 MB chunks with no Content-Length (as a streaming client sends). */
	const chunkedBody = (bytes: number) => {
		let sent = 0;
		return new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent >= bytes) return controller.close();
				sent += 1024 * 1024;
				controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
			}
		});
	};

	it('refuses a chunked PUT with 413 once it passes the limit', async () => {
		const res = await upload('chunked.csv', chunkedBody(overLimit));
		expect(res.status).toBe(413);
	});

	it('answers a chunked PUT far past the limit with 413 and its sentence, not a reset', async () => {
		// Five times the limit: the client reads the refusal although it sends far more.
		const res = await upload('huge.csv', chunkedBody(5 * overLimit));
		expect(res.status).toBe(413);
		expect(await res.text()).toContain('larger than the 8 MB limit');
	}, 30_000);

	it('refuses the no-JavaScript form post with 413, declared or chunked', async () => {
		const form = new FormData();
		form.set('file', new Blob([new Uint8Array(overLimit).fill(0x61)]), 'big.csv');
		const declared = await fetch(`${baseUrl}/import`, {
			method: 'POST',
			headers: sameSite,
			body: form
		});
		expect(declared.status).toBe(413);

		// The same multipart body, streamed without a Content-Length.
		const encoded = new Response(form);
		const type = encoded.headers.get('content-type')!;
		const chunked = await fetch(`${baseUrl}/import`, {
			method: 'POST',
			headers: { ...sameSite, 'content-type': type },
			body: encoded.body,
			duplex: 'half'
		} as RequestInit);
		expect(chunked.status).toBe(413);
		expect(await chunked.text()).toContain('larger than the 8 MB limit');
	});
});
