/**
 * Committee-report PDFs, made at most a few at a time and kept once made. Each render starts a
 * headless browser (seconds of CPU and a few hundred MB), and anyone may ask for one: without a
 * bound, a handful of clicks or a script would queue renders without end. A PDF is kept under a
 * key that says what it shows (council, options, data version, the day): asked again, it is
 * answered at once; asked while it is being made, the same render serves both. Past the queue,
 * the caller is told to retry later (RendererBusy: 503 with Retry-After).
 */

export class RendererBusy extends Error {
	constructor(readonly retryAfterSeconds: number) {
		super(
			`Committee reports are being printed for other people just now: try again in ${retryAfterSeconds} seconds, or use the browser’s Print.`
		);
	}
}

export interface PdfQueueOptions {
	/** Renders at once (each is a browser). */
	concurrency: number;
	/** Renders waiting at most; one more is refused. */
	maxWaiting: number;
	/** PDFs kept, most recently asked for last. */
	maxKept: number;
	/** Told to a refused caller: about one render's time. */
	retryAfterSeconds: number;
}

const DEFAULTS: PdfQueueOptions = {
	concurrency: 1,
	maxWaiting: 3,
	maxKept: 30,
	retryAfterSeconds: 20
};

export function createPdfQueue(
	render: (url: string) => Promise<Uint8Array>,
	options: Partial<PdfQueueOptions> = {}
) {
	const o = { ...DEFAULTS, ...options };
	/** Made or being made, by key; a failed render is forgotten so the next ask tries again. */
	const kept = new Map<string, Promise<Uint8Array>>();
	const waiting: (() => void)[] = [];
	let running = 0;

	const next = () => {
		if (running < o.concurrency) waiting.shift()?.();
	};

	async function inTurn(url: string): Promise<Uint8Array> {
		if (running >= o.concurrency) await new Promise<void>((start) => waiting.push(start));
		running++;
		try {
			return await render(url);
		} finally {
			running--;
			next();
		}
	}

	return {
		/** The PDF of `url`, kept under `key`; throws RendererBusy when the queue is full. */
		pdf(key: string, url: string): Promise<Uint8Array> {
			const made = kept.get(key);
			if (made) {
				kept.delete(key);
				kept.set(key, made);
				return made;
			}
			if (running >= o.concurrency && waiting.length >= o.maxWaiting)
				throw new RendererBusy(o.retryAfterSeconds);
			const making = inTurn(url);
			kept.set(key, making);
			making.catch(() => kept.get(key) === making && kept.delete(key));
			while (kept.size > o.maxKept) kept.delete(kept.keys().next().value!);
			return making;
		},
		/** For the tests: renders running and waiting now. */
		load: () => ({ running, waiting: waiting.length, kept: kept.size })
	};
}
