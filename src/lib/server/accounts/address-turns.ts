/**
 * Sign-in attempts from a slowed address take turns: one at a time, each after its wait. Waiting
 * alone would not slow anyone who sends many attempts at once; taking turns bounds an address to
 * one guess per wait. The queue per address is short: a flood past it is answered at once with a
 * refusal to retry later, rather than holding connections open for minutes. In memory: one
 * server process holds the turns (a restart forgets them, the failures stay in the database).
 */

/** Attempts of one address waiting at most; more are refused until the queue shortens. */
export const MAX_WAITING_PER_ADDRESS = 10;

const queues = new Map<string, { tail: Promise<void>; waiting: number }>();

export type Wait = (ms: number) => Promise<void>;
export const sleep: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` after the address's earlier attempts and `delayMs`; null when the queue is full. */
export async function inTurn<T>(
	address: string,
	delayMs: number,
	attempt: () => Promise<T>,
	wait: Wait = sleep
): Promise<{ value: T } | null> {
	if (delayMs <= 0 && !queues.has(address)) return { value: await attempt() };
	const queue = queues.get(address) ?? { tail: Promise.resolve(), waiting: 0 };
	if (queue.waiting >= MAX_WAITING_PER_ADDRESS) return null;
	const previous = queue.tail;
	let done!: () => void;
	queue.tail = new Promise<void>((resolve) => (done = resolve));
	queue.waiting++;
	queues.set(address, queue);
	try {
		await previous;
		if (delayMs > 0) await wait(delayMs);
		return { value: await attempt() };
	} finally {
		queue.waiting--;
		done();
		if (queue.waiting === 0) queues.delete(address);
	}
}
