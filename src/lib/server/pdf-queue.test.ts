import { describe, expect, it } from 'vitest';
import { createPdfQueue, RendererBusy } from './pdf-queue';

/** A render that finishes when told, so the test holds the queue where it wants it. */
function heldRenders() {
	const calls: { url: string; finish: (ok?: boolean) => void }[] = [];
	const render = (url: string) =>
		new Promise<Uint8Array>((resolve, reject) =>
			calls.push({
				url,
				finish: (ok = true) =>
					ok ? resolve(new TextEncoder().encode(url)) : reject(new Error('no'))
			})
		);
	return { calls, render };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the PDF queue', () => {
	it('renders one at a time, queues a few, and refuses the next with a retry time', async () => {
		const { calls, render } = heldRenders();
		const queue = createPdfQueue(render, { concurrency: 1, maxWaiting: 2, retryAfterSeconds: 20 });
		const asked = ['a', 'b', 'c'].map((k) => queue.pdf(k, `/r/${k}`));
		await tick();
		expect(queue.load()).toMatchObject({ running: 1, waiting: 2 });
		expect(calls.map((c) => c.url)).toEqual(['/r/a']);
		let refused: unknown;
		try {
			void queue.pdf('d', '/r/d');
		} catch (e) {
			refused = e;
		}
		expect(refused).toBeInstanceOf(RendererBusy);
		expect(refused).toMatchObject({
			retryAfterSeconds: 20,
			message: expect.stringMatching(/try again in 20 seconds/)
		});
		for (let i = 0; i < 3; i++) {
			calls[i]!.finish();
			await tick();
		}
		expect(calls.map((c) => c.url)).toEqual(['/r/a', '/r/b', '/r/c']);
		expect(new TextDecoder().decode(await asked[2]!)).toBe('/r/c');
		expect(queue.load()).toMatchObject({ running: 0, waiting: 0 });
	});

	it('keeps a made PDF under its key, and one render serves two asks at once', async () => {
		const { calls, render } = heldRenders();
		const queue = createPdfQueue(render);
		const first = queue.pdf('TRF|2025-26|v1', '/r');
		const second = queue.pdf('TRF|2025-26|v1', '/r');
		await tick();
		calls[0]!.finish();
		expect(await first).toBe(await second);
		await queue.pdf('TRF|2025-26|v1', '/r');
		expect(calls).toHaveLength(1);
		// Another data version is another PDF.
		const changed = queue.pdf('TRF|2025-26|v2', '/r');
		await tick();
		expect(calls).toHaveLength(2);
		calls[1]!.finish();
		await changed;
	});

	it('forgets a failed render, so the next ask tries again', async () => {
		const { calls, render } = heldRenders();
		const queue = createPdfQueue(render);
		const failed = queue.pdf('k', '/r');
		await tick();
		calls[0]!.finish(false);
		await expect(failed).rejects.toThrow('no');
		const again = queue.pdf('k', '/r');
		await tick();
		expect(calls).toHaveLength(2);
		calls[1]!.finish();
		await again;
	});

	it('keeps at most maxKept PDFs, dropping the least recently asked', async () => {
		const { calls, render } = heldRenders();
		const queue = createPdfQueue(render, { maxKept: 2, maxWaiting: 5 });
		const keys = ['a', 'b', 'c'];
		const all = keys.map((k) => queue.pdf(k, k));
		for (let i = 0; i < 3; i++) {
			await tick();
			calls[i]!.finish();
		}
		await Promise.all(all);
		expect(queue.load().kept).toBe(2);
		void queue.pdf('a', 'a'); // dropped: made again
		await tick();
		expect(calls).toHaveLength(4);
	});
});
