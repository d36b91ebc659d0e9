/**
 * The part of autocannon's API the benchmarks use: the package ships no types, and
 * @types/autocannon would be one more dependency for one call.
 */
declare module 'autocannon' {
	interface Histogram {
		average: number;
		total: number;
		p50: number;
		p99: number;
	}
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		/** Requests to make, all answered before it ends (duration is then ignored). */
		amount?: number;
		/** Seconds to wait for an answer before counting a timeout (default 10). */
		timeout?: number;
		requests?: { method?: string; path: string }[];
		headers?: Record<string, string>;
	}
	interface Result {
		requests: Histogram;
		latency: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
		/** Seconds the run took. */
		duration: number;
	}
	interface Instance {
		/** Ends the run now; the callback then gets what was measured. */
		stop(): void;
	}
	function autocannon(options: Options): Promise<Result>;
	function autocannon(
		options: Options,
		done: (err: Error | null, result: Result) => void
	): Instance;
	export type { Result };
	export default autocannon;
}
