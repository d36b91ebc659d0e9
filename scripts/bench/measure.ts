/**
 * How the national benchmark measures one address: a single request timed from sending to its
 * last byte over a kept-alive loopback connection (the server's time plus microseconds of
 * loopback), the body's size as sent plain and gzipped, and autocannon's requests/s and p99
 * under concurrent connections. Latencies in milliseconds.
 */
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
/** What a browser says it accepts: the server then compresses as it would for one. */
export const BROWSER_ENCODING = 'br, gzip';

export interface Timed {
	status: number;
	ms: number;
	/** Bytes of the body as sent (compressed when the response says so). */
	bytes: number;
	headers: Record<string, string | string[] | undefined>;
}

/** GET `url` once; `encoding` is the Accept-Encoding sent (none when null). */
export function timedGet(url: string, encoding: string | null = BROWSER_ENCODING): Promise<Timed> {
	return new Promise((resolve, reject) => {
		const started = process.hrtime.bigint();
		const req = request(
			url,
			{ agent, headers: encoding ? { 'accept-encoding': encoding } : {} },
			(res) => {
				let bytes = 0;
				res.on('data', (chunk: Buffer) => (bytes += chunk.length));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						ms: Number(process.hrtime.bigint() - started) / 1e6,
						bytes,
						headers: res.headers
					})
				);
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end();
	});
}

/**
 * Milliseconds from `since` until `url` is answered as one the server keeps (not `no-store`:
 * then its pages mix results from before a change with new ones), asking every 20 ms.
 */
export async function untilKept(url: string, since: number): Promise<number> {
	const deadline = since + 300_000;
	while (performance.now() < deadline) {
		if ((await timedGet(url)).headers['cache-control'] !== 'no-store')
			return performance.now() - since;
		await new Promise((r) => setTimeout(r, 20));
	}
	throw new Error(`${url} was still answered from two versions of the data after 300 s.`);
}

/** The nearest-rank percentile `p` (0–100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[
		Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
	]!;
}

export interface Latencies {
	p50: number;
	p99: number;
	samples: number;
}

export const latencies = (ms: readonly number[]): Latencies => ({
	p50: percentile(ms, 50),
	p99: percentile(ms, 99),
	samples: ms.length
});

export interface Load {
	rps: number;
	p50: number;
	p99: number;
	requests: number;
	/** Requests not answered with a 2xx: the sum of the three below. */
	failed: number;
	/** Connection errors (a connection reset by the server, say). */
	errors: number;
	timeouts: number;
	non2xx: number;
}

/**
 * autocannon on one address with `connections` at once, for about `seconds`: as many requests as
 * the address answers in that time one after another (from `serialMs`, its warm time), at least
 * two per connection, every one of them answered. A run for a set time would drop the requests
 * still waiting at its end, and with them the slowest answers of a slow page.
 */
export async function drive(
	url: string,
	connections: number,
	seconds: number,
	serialMs: number
): Promise<Load> {
	const amount = Math.max(connections * 2, Math.round((seconds * 1000) / Math.max(serialMs, 0.05)));
	const result = await autocannon({
		url,
		connections,
		amount,
		timeout: 300,
		headers: { 'accept-encoding': BROWSER_ENCODING }
	});
	return {
		rps: result.requests.total / result.duration,
		p50: result.latency.p50,
		p99: result.latency.p99,
		requests: result.requests.total,
		failed: result.errors + result.timeouts + result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx
	};
}

/** Serial GETs of `url` until `done` settles (the last one allowed to finish): their times. */
export async function serialUntil(url: string, done: Promise<unknown>): Promise<number[]> {
	let settled = false;
	void done.finally(() => (settled = true));
	const ms: number[] = [];
	while (!settled) ms.push((await timedGet(url)).ms);
	return ms;
}
