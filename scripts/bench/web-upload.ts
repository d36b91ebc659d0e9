/**
 * A large file imported through the web as an officer would: an admin account made with
 * `npm run user:add`, signed in through the form, the file uploaded to the API as a stream, its
 * check awaited, then committed and awaited. For bench:load, which drives the pages meanwhile.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

const ADMIN = { email: 'bench-admin@bench.example', password: 'a long benchmark password' };

/** An admin account in the database at `db` (before the server starts). */
export function addBenchAdmin(db: string): void {
	execFileSync(
		process.execPath,
		['--import', 'tsx', 'scripts/user-add.ts', '--admin', ADMIN.email, '--password-stdin'],
		{ env: { ...process.env, DATABASE_URL: db }, input: `${ADMIN.password}\n`, stdio: 'pipe' }
	);
}

/** The admin's session cookie, signed in through the form. */
export async function signIn(baseUrl: string): Promise<string> {
	const res = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		headers: {
			origin: baseUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(ADMIN),
		redirect: 'manual'
	});
	const cookie = res.headers.get('set-cookie')?.split(';')[0];
	if (res.status !== 303 || !cookie) throw new Error(`Signing in answered ${res.status}.`);
	return cookie;
}

interface Job {
	state: string;
	error: string | null;
	report: { status: string; rowsWritten?: number; fatal: string | null } | null;
}

export interface UploadTimes {
	uploadedS: number;
	checkedS: number;
	committedS: number;
	status: string;
}

/**
 * Upload `file` as `feed`, wait for its check, commit it, wait for the import: the seconds from
 * the start at which each step ended, and how it ended.
 */
export async function importThroughWeb(
	baseUrl: string,
	cookie: string,
	file: string,
	feed: string
): Promise<UploadTimes> {
	const started = Date.now();
	const seconds = () => (Date.now() - started) / 1000;
	const headers = { origin: baseUrl, accept: 'application/json', cookie };
	const put = await fetch(
		`${baseUrl}/api/imports/uploads?name=${encodeURIComponent(file.split('/').at(-1)!)}&feed=${feed}&mode=accept-valid`,
		{
			method: 'PUT',
			headers: { ...headers, 'content-type': 'text/csv' },
			body: Readable.toWeb(createReadStream(file)) as ReadableStream,
			duplex: 'half'
		} as RequestInit
	);
	if (put.status !== 201) throw new Error(`The upload answered ${put.status}: ${await put.text()}`);
	const { token } = (await put.json()) as { token: string };
	const uploadedS = seconds();
	const until = async (done: (j: Job) => boolean): Promise<Job> => {
		for (;;) {
			const job = (await (
				await fetch(`${baseUrl}/api/imports/uploads/${token}`, { headers })
			).json()) as Job;
			if (job.state === 'failed') throw new Error(`The import failed: ${job.error}`);
			if (done(job)) return job;
			await new Promise((r) => setTimeout(r, 250));
		}
	};
	await until((j) => j.state === 'checked');
	const checkedS = seconds();
	const commit = await fetch(`${baseUrl}/import/${token}?/commit`, {
		method: 'POST',
		headers: {
			...headers,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: '',
		redirect: 'manual'
	});
	if (commit.status >= 400) throw new Error(`The commit answered ${commit.status}.`);
	const imported = await until((j) => j.state === 'imported');
	return { uploadedS, checkedS, committedS: seconds(), status: imported.report?.status ?? '?' };
}
