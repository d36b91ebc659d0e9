import { describe, expect, it } from 'vitest';
import { listFeedSummaries } from './catalogue';
import { FEEDS } from './registry';

describe('feed catalogue', () => {
	it('takes the template flag from each feed, not from a second list', () => {
		const flagged = FEEDS.filter((f) => f.template).map((f) => f.key);
		expect(flagged.sort()).toEqual([
			'actions',
			'bids',
			'competitions',
			'council-emissions',
			'milestones',
			'targets'
		]);
		const summaries = listFeedSummaries();
		expect(summaries.map((s) => s.key)).toEqual(FEEDS.map((f) => f.key));
		for (const s of summaries) expect(s.isTemplate).toBe(flagged.includes(s.key));
	});
});
