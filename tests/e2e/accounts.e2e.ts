/**
 * Accounts against the built server: the public cannot write through any path (forms, the upload
 * API, undo, header mappings, the users page) and nothing changes when they try; Trafford's
 * officer imports for Trafford only and cannot undo; the admin can; draft bids and bidding costs
 * stay with the council; sign-in is rate-limited; signing out ends the session.
 */
import Database from 'better-sqlite3';
import { describe, expect, inject, it } from 'vitest';
import { ADMIN, signInCookie } from './accounts';

const baseUrl = inject('baseUrl');
const dbPath = inject('dbPath');
const adminCookie = inject('adminCookie');
const officerCookie = inject('officerCookie');
/** What a browser's form post sends: same origin, wanting the page. */
const form = (cookie?: string) => ({
	origin: baseUrl,
	accept: 'text/html',
	'content-type': 'application/x-www-form-urlencoded',
	...(cookie ? { cookie } : {})
});

/** Rows that any write would change, read as another program would. */
function snapshot() {
	const db = new Database(dbPath, { readonly: true });
	try {
		const count = (sql: string) => db.prepare(sql).pluck().get();
		return {
			batches: count('SELECT count(*) FROM import_batches'),
			committed: count("SELECT count(*) FROM import_batches WHERE status = 'committed'"),
			targets: count('SELECT count(*) FROM targets'),
			users: count('SELECT count(*) FROM users'),
			audit: count('SELECT count(*) FROM audit_log')
		};
	} finally {
		db.close();
	}
}

function firstCommittedBatch(): number {
	const db = new Database(dbPath, { readonly: true });
	try {
		return db
			.prepare("SELECT id FROM import_batches WHERE status = 'committed' ORDER BY id LIMIT 1")
			.pluck()
			.get() as number;
	} finally {
		db.close();
	}
}

const put = (name: string, body: string, cookie?: string, feed = '') =>
	fetch(`${baseUrl}/api/imports/uploads?name=${name}${feed ? `&feed=${feed}` : ''}`, {
		method: 'PUT',
		headers: { origin: baseUrl, 'content-type': 'text/csv', ...(cookie ? { cookie } : {}) },
		body
	});

interface JobView {
	state: string;
	error: string | null;
	report: { status: string; fatal: string | null } | null;
}
async function checked(token: string, cookie: string): Promise<JobView> {
	const view = async () =>
		(await (
			await fetch(`${baseUrl}/api/imports/uploads/${token}`, { headers: { cookie } })
		).json()) as JobView;
	await expect
		.poll(async () => (await view()).state, { timeout: 20_000 })
		.toMatch(/checked|failed/);
	return view();
}
const commit = (token: string, cookie: string) =>
	fetch(`${baseUrl}/import/${token}?/commit`, {
		method: 'POST',
		headers: form(cookie),
		body: '',
		redirect: 'manual'
	});

const TARGETS_HEADER =
	'Council,Scope,Net zero year,Base year,Baseline emissions (kt CO2e),Interim targets,Target wording,Source';

describe('the public', () => {
	it('cannot write through any path, and nothing changes', async () => {
		const before = snapshot();
		const batch = firstCommittedBatch();
		const upload = new FormData();
		upload.set(
			'file',
			new Blob([`${TARGETS_HEADER}\nTrafford,Whole area,2030,,,,Anon,\n`]),
			't.csv'
		);
		const attempts: [string, Response][] = [
			[
				'undo',
				await fetch(`${baseUrl}/import/history?/undo`, {
					method: 'POST',
					headers: form(),
					body: `batchId=${batch}`,
					redirect: 'manual'
				})
			],
			[
				'undo on the batch page',
				await fetch(`${baseUrl}/import/history/${batch}?/undo`, {
					method: 'POST',
					headers: form(),
					body: `batchId=${batch}`,
					redirect: 'manual'
				})
			],
			[
				'upload form',
				await fetch(`${baseUrl}/import`, {
					method: 'POST',
					headers: { origin: baseUrl, accept: 'text/html' },
					body: upload,
					redirect: 'manual'
				})
			],
			['upload API', await put('t.csv', `${TARGETS_HEADER}\nTrafford,Whole area,2030,,,,Anon,\n`)],
			[
				'header mapping',
				await fetch(`${baseUrl}/import/${'a'.repeat(32)}?/map`, {
					method: 'POST',
					headers: form(),
					body: 'feed=targets',
					redirect: 'manual'
				})
			],
			['commit', await commit('b'.repeat(32), '')],
			[
				'users page',
				await fetch(`${baseUrl}/admin/users?/add`, {
					method: 'POST',
					headers: form(),
					body: 'email=evil@example.org&password=long+enough+pass&role=admin',
					redirect: 'manual'
				})
			]
		];
		for (const [what, res] of attempts) expect([401, 403], what).toContain(res.status);
		expect(snapshot()).toEqual(before);
	});

	it('still reads every dashboard with no account, and is offered to sign in', async () => {
		for (const path of ['/', '/authorities/TRF', '/funding', '/import/history']) {
			expect((await fetch(`${baseUrl}${path}`)).status, path).toBe(200);
		}
		expect(await (await fetch(`${baseUrl}/`)).text()).toContain('Sign in');
		const admin = await fetch(`${baseUrl}/admin/users`, { redirect: 'manual' });
		expect(admin.status).toBe(303);
		expect(admin.headers.get('location')).toBe('/login?next=%2Fadmin%2Fusers');
	});
});

describe("Trafford's officer", () => {
	it('is refused a file with a Manchester row, whole, the row named', async () => {
		const before = snapshot();
		const csv = `${TARGETS_HEADER}\nTrafford,Whole area,2037,,,,E2E officer TRF,\nManchester,Whole area,2037,,,,E2E officer MAN,\n`;
		const res = await put('mixed.csv', csv, officerCookie, 'targets');
		expect(res.status).toBe(201);
		const { token } = (await res.json()) as { token: string };
		const job = await checked(token, officerCookie);
		expect(job.report?.fatal).toMatch(/row 3\b.*You may import only for TRF/);
		expect((await commit(token, officerCookie)).status).toBe(400);
		expect(snapshot().targets).toBe(before.targets);
	});

	it("cannot import a national feed, see another's upload, or undo", async () => {
		const promises =
			'Local Authority Code,Scope,Target,Wording,Source URL\nTRF,Council operations,2031.0,x,https://example.org\n';
		const res = await put('promises.csv', promises, officerCookie);
		const { token } = (await res.json()) as { token: string };
		const job = await checked(token, officerCookie);
		expect(job.error).toMatch(/Only an admin can import/);
		// The admin's uploads are not the officer's to see.
		const mine = (await (await put('a.csv', promises, adminCookie)).json()) as { token: string };
		const peek = await fetch(`${baseUrl}/api/imports/uploads/${mine.token}`, {
			headers: { cookie: officerCookie }
		});
		expect(peek.status).toBe(404);
		const undo = await fetch(`${baseUrl}/import/history?/undo`, {
			method: 'POST',
			headers: form(officerCookie),
			body: `batchId=${firstCommittedBatch()}`,
			redirect: 'manual'
		});
		expect(undo.status).toBe(403);
	});

	it("imports Trafford's own bids; drafts and costs are seen by Trafford and admins only", async () => {
		const csv =
			'Bid reference,Lead council,Scheme name,Round,Project title,Amount requested,Bid status,Officer days,Cost of bid,Partner councils\n' +
			'E2E-TRF-1,Trafford,E2E Fund,1,E2E draft bid,"£50,000",Drafting,4,"£900",Manchester\n' +
			'E2E-TRF-2,Trafford,E2E Fund,1,E2E submitted bid,"£80,000",Submitted,6,"£1,200",\n';
		const res = await put('trf-bids.csv', csv, officerCookie, 'bids');
		const { token } = (await res.json()) as { token: string };
		expect((await checked(token, officerCookie)).report?.fatal).toBeNull();
		const done = await commit(token, officerCookie);
		expect(done.status).toBe(303);
		const batchId = /\/import\/history\/(\d+)/.exec(done.headers.get('location')!)![1]!;
		type Bid = { reference: string; officerDays: number | null; bidCostGbp: number | null };
		const bids = async (cookie?: string) =>
			(
				(await (
					await fetch(`${baseUrl}/api/authorities/TRF/bids`, {
						headers: cookie ? { cookie } : {}
					})
				).json()) as { bids: Bid[] }
			).bids.filter((b) => b.reference.startsWith('E2E-TRF'));
		expect(await bids()).toEqual([
			expect.objectContaining({ reference: 'E2E-TRF-2', officerDays: null, bidCostGbp: null })
		]);
		for (const cookie of [officerCookie, adminCookie])
			expect((await bids(cookie)).map((b) => [b.reference, b.officerDays])).toEqual(
				expect.arrayContaining([
					['E2E-TRF-1', 4],
					['E2E-TRF-2', 6]
				])
			);
		// The public answers are kept and served again without rendering, but never one a signed-in
		// viewer was given: asked before, between and after the officer, the public see no draft.
		expect(await bids()).toHaveLength(1);
		const funding = (cookie?: string) =>
			fetch(`${baseUrl}/authorities/TRF/funding`, { headers: cookie ? { cookie } : {} });
		const publicFirst = await funding();
		const officerPage = await funding(officerCookie);
		const publicAfter = await funding();
		expect(await officerPage.text()).toContain('E2E draft bid');
		expect(officerPage.headers.get('cache-control')).toBe('private, no-store');
		for (const res of [publicFirst, publicAfter]) {
			expect(await res.text()).not.toContain('E2E draft bid');
			expect(res.headers.get('cache-control')).toMatch(/^public, /);
		}
		const etag = publicAfter.headers.get('etag')!;
		expect(etag).toBe(publicFirst.headers.get('etag'));
		const revalidated = await fetch(`${baseUrl}/authorities/TRF/funding`, {
			headers: { 'if-none-match': etag }
		});
		expect(revalidated.status).toBe(304);
		// The audit trail names the officer and the batch; the admin undoes it.
		const audit = await (
			await fetch(`${baseUrl}/admin/audit/audit.csv`, { headers: { cookie: adminCookie } })
		).text();
		expect(audit).toMatch(new RegExp(`officer@trafford\\.example,import,${batchId},`));
		// The import's page names the officer to admins only: an email address is personal data.
		const history = async (cookie?: string) =>
			(
				await fetch(`${baseUrl}/import/history/${batchId}`, {
					headers: cookie ? { cookie } : {}
				})
			).text();
		expect(await history()).not.toContain('officer@trafford.example');
		expect(await history()).toContain('by a signed-in user');
		expect(await history(adminCookie)).toContain('officer@trafford.example');
		expect(
			(await fetch(`${baseUrl}/admin/audit/audit.csv`, { headers: { cookie: officerCookie } }))
				.status
		).toBe(403);
		const undo = await fetch(`${baseUrl}/import/history?/undo`, {
			method: 'POST',
			headers: form(adminCookie),
			body: `batchId=${batchId}`,
			redirect: 'manual'
		});
		expect(undo.status).toBe(303);
		expect(await bids(adminCookie)).toEqual([]);
	});
});

describe('the rows an officer’s import set aside', () => {
	it('are the file’s own text: the public reads their count, not them, nor the file’s name', async () => {
		const csv =
			'Bid reference,Lead council,Scheme name,Round,Project title,Amount requested,Bid status,Officer days,Cost of bid,Notes\n' +
			'E2E-SA-1,Trafford,E2E Fund,1,E2E kept bid,"£50,000",Submitted,4,"£900",\n' +
			'E2E-SA-2,Trafford,E2E Fund,1,E2E private draft,lots,Drafting,forty,"£1,200",Leader not yet told\n';
		const res = await fetch(
			`${baseUrl}/api/imports/uploads?name=trf-confidential-pipeline.csv&feed=bids&mode=accept-valid`,
			{
				method: 'PUT',
				headers: { origin: baseUrl, 'content-type': 'text/csv', cookie: officerCookie },
				body: csv
			}
		);
		const { token } = (await res.json()) as { token: string };
		await checked(token, officerCookie);
		const done = await fetch(`${baseUrl}/import/${token}?/commit`, {
			method: 'POST',
			headers: form(officerCookie),
			body: 'acceptValid=on',
			redirect: 'manual'
		});
		expect(done.status).toBe(303);
		const batchPage = done.headers.get('location')!;
		const download = (cookie?: string) =>
			fetch(`${baseUrl}${batchPage}/rejected.csv`, { headers: cookie ? { cookie } : {} });

		expect((await download()).status).toBe(401);
		for (const cookie of [officerCookie, adminCookie]) {
			const rows = await download(cookie);
			expect(rows.status).toBe(200);
			expect(await rows.text()).toContain('Leader not yet told');
		}
		for (const path of [batchPage, '/import/history']) {
			const page = await (await fetch(`${baseUrl}${path}`)).text();
			expect(page, path).not.toContain('trf-confidential-pipeline');
			expect(page, path).not.toContain('forty');
			expect(page, path).not.toContain('Leader not yet told');
		}
		const publicPage = (await (await fetch(`${baseUrl}${batchPage}`)).text()).replace(/\s+/g, ' ');
		expect(publicPage).toContain('1 row was set aside');
		expect(publicPage).toContain('A file for the');
		const officerPage = await (
			await fetch(`${baseUrl}${batchPage}`, { headers: { cookie: officerCookie } })
		).text();
		expect(officerPage).toContain('trf-confidential-pipeline.csv');
		expect(officerPage).toContain('forty');
	});

	it('an officer reads those of their own council in another’s import, and only those', async () => {
		// The admin's file: a bad row for Trafford and one for Manchester, both set aside.
		const csv =
			'Bid reference,Lead council,Scheme name,Round,Project title,Amount requested,Bid status\n' +
			'E2E-SB-1,Trafford,E2E Fund,1,E2E Trafford draft,lots,Submitted\n' +
			'E2E-SB-2,Manchester,E2E Fund,1,E2E Manchester draft,heaps,Submitted\n' +
			'E2E-SB-3,Trafford,E2E Fund,1,E2E Trafford kept,"£1,000",Submitted\n';
		const res = await put('admin-pipeline.csv', csv, adminCookie, 'bids');
		const { token } = (await res.json()) as { token: string };
		await checked(token, adminCookie);
		const done = await fetch(`${baseUrl}/import/${token}?/commit`, {
			method: 'POST',
			headers: form(adminCookie),
			body: 'acceptValid=on',
			redirect: 'manual'
		});
		expect(done.status).toBe(303);
		const batchPage = done.headers.get('location')!;
		const rows = await fetch(`${baseUrl}${batchPage}/rejected.csv`, {
			headers: { cookie: officerCookie }
		});
		expect(rows.status).toBe(200);
		const text = await rows.text();
		expect(text).toContain('E2E Trafford draft');
		expect(text).not.toContain('E2E Manchester draft');
		const officerPage = (
			await (await fetch(`${baseUrl}${batchPage}`, { headers: { cookie: officerCookie } })).text()
		).replace(/\s+/g, ' ');
		expect(officerPage).toContain('Download the 1 row set aside for your councils');
		expect(officerPage).toContain('1 other row kept is not for your councils');
		const all = await fetch(`${baseUrl}${batchPage}/rejected.csv`, {
			headers: { cookie: adminCookie }
		});
		expect(await all.text()).toContain('E2E Manchester draft');
		expect((await fetch(`${baseUrl}${batchPage}/rejected.csv`)).status).toBe(401);
	});
});

describe('signing in and out', () => {
	it('the header says who is signed in; signing out ends that session only', async () => {
		const cookie = await signInCookie(baseUrl, ADMIN);
		expect(await (await fetch(`${baseUrl}/`, { headers: { cookie } })).text()).toContain(
			ADMIN.email
		);
		const out = await fetch(`${baseUrl}/logout?/signout`, {
			method: 'POST',
			headers: form(cookie),
			body: '',
			redirect: 'manual'
		});
		expect(out.status).toBe(303);
		expect(out.headers.get('set-cookie')).toMatch(/nzl_session=;/);
		expect((await put('x.csv', 'a\n1\n', cookie)).status).toBe(401);
		// The global setup's admin session is another one: still signed in.
		expect(
			(await fetch(`${baseUrl}/admin/users`, { headers: { cookie: adminCookie } })).status
		).toBe(200);
	});

	it('after signing in, goes back only to a page of this site, whatever `next` says', async () => {
		const signIn = (next: string) =>
			fetch(`${baseUrl}/login`, {
				method: 'POST',
				headers: form(),
				body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password, next }),
				redirect: 'manual'
			});
		for (const next of [
			'/\\evil.example',
			'/\t/evil.example',
			'//evil.example',
			'/%5Cevil.example'
		]) {
			const res = await signIn(next);
			expect(res.status, next).toBe(303);
			expect(res.headers.get('location'), next).toBe('/');
		}
		const back = await signIn('/authorities/TRF/report?fy=2025-26');
		expect(back.headers.get('location')).toBe('/authorities/TRF/report?fy=2025-26');
	});

	it('a sign-in posted without form data is the sender’s error, said as such', async () => {
		const res = await fetch(`${baseUrl}/login`, {
			method: 'POST',
			headers: { origin: baseUrl, accept: 'text/html' }
		});
		expect(res.status).toBe(415);
		const text = await res.text();
		expect(text).toMatch(/expects form data/);
		expect(text).not.toMatch(/on our side/);
	});

	it('the admin form refuses a breached, repeated or own-email password, saying why', async () => {
		const add = (email: string, password: string) =>
			fetch(`${baseUrl}/admin/users?/add`, {
				method: 'POST',
				headers: form(adminCookie),
				body: new URLSearchParams({ email, password, role: 'officer', authorities: 'MAN' })
			});
		const cases = [
			['password1234', /most common passwords in published breaches/],
			['aaaaaaaaaaaa', /repeated/],
			['weak.one@e2e.example', /email address/]
		] as const;
		const before = snapshot().users;
		for (const [password, why] of cases) {
			const res = await add('weak.one@e2e.example', password);
			expect(res.status, password).toBe(400);
			expect(await res.text(), password).toMatch(why);
		}
		expect(snapshot().users).toBe(before);
	});

	it('refuses a sixth wrong password within 15 minutes, saying when to retry', async () => {
		const add = await fetch(`${baseUrl}/admin/users?/add`, {
			method: 'POST',
			headers: form(adminCookie),
			body: new URLSearchParams({
				email: 'limited@e2e.example',
				password: 'a good long password',
				role: 'officer',
				authorities: 'MAN'
			}).toString()
		});
		expect(add.status).toBe(200);
		// A client's own X-Forwarded-For is not believed: only ADDRESS_HEADER, set for a trusted
		// proxy, names another address than the connection's (this server has none set).
		const attempt = (password: string, i = 0) =>
			fetch(`${baseUrl}/login`, {
				method: 'POST',
				headers: { ...form(), 'x-forwarded-for': `203.0.113.${i}` },
				body: new URLSearchParams({ email: 'limited@e2e.example', password }).toString(),
				redirect: 'manual'
			});
		for (let i = 0; i < 5; i++) expect((await attempt('wrong', i)).status).toBe(400);
		const blocked = await attempt('a good long password');
		expect(blocked.status).toBe(429);
		expect(await blocked.text()).toMatch(/Too many failed sign-ins: try again after \d\d:\d\d/);
		const db = new Database(dbPath, { readonly: true });
		const addresses = db
			.prepare("SELECT DISTINCT ip FROM login_attempts WHERE email = 'limited@e2e.example'")
			.pluck()
			.all();
		db.close();
		expect(addresses).toEqual(['127.0.0.1']);
	});
});
