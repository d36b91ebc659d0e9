/**
 * The part of autocannon's API bench-load.ts uses: the package ships no types, and
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
		requests?: { method?: string; path: string }[];
		headers?: Record<string, string>;
	}
	interface Result {
		requests: Histogram;
		latency: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
	}
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
}
