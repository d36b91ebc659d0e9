import { describe, expect, it } from 'vitest';
import { detectFeed, detectFeedFromHeaders } from './detect-feed';
import { createTestDb, fixture } from '../../../../tests/helpers/db';
import { loadHeaderMaps, saveHeaderMap } from './header-maps';

describe('detectFeed', () => {
	it('picks the feed whose required columns are all present', () => {
		expect(detectFeedFromHeaders(['Year', 'local-authority-code', 'official-name'])).toBeNull();
		expect(detectFeedFromHeaders(['la_name', 'whlg_status', 'consortium'])?.key).toBe(
			'whlg-participation'
		);
	});

	it('reads the header of a comma file whose cells hold semicolons as commas', async () => {
		// bids.csv lists partners as "Bradford; Calderdale": guessing the delimiter from the data misreads it
		expect((await detectFeed(fixture('templates/bids.csv')))?.key).toBe('bids');
	});

	it('recognises the published files it ships with', async () => {
		expect((await detectFeed('data/la-climate-commitments/promises.csv'))?.key).toBe(
			'mysociety-promises'
		);
		expect(
			(await detectFeed('data/la-emissions-mysociety-2005-2020/local_authority_emissions.csv'))?.key
		).toBe('mysociety-emissions');
	});

	// Reported: a file matched by hand and imported said "No feed matches" when uploaded again.
	it('recognises a file by the mapping saved when a file like it was matched by hand', () => {
		const headers = ['Local authority', 'Scheme', 'Outcome', 'Staff days'];
		expect(detectFeedFromHeaders(headers)).toBeNull();
		const handle = createTestDb();
		try {
			saveHeaderMap(handle.sqlite, 'bids', { 'Local authority': 'lead_authority' });
			saveHeaderMap(handle.sqlite, 'actions', { Owner: 'owner' });
			const saved = loadHeaderMaps(handle.sqlite);
			expect(saved).toEqual({
				actions: { Owner: 'owner' },
				bids: { 'Local authority': 'lead_authority' }
			});
			expect(detectFeedFromHeaders(headers, saved)?.key).toBe('bids');
			// Case and spacing are ignored, as when the import applies the mapping.
			expect(detectFeedFromHeaders(['LOCAL  AUTHORITY', 'scheme', 'Outcome'], saved)?.key).toBe(
				'bids'
			);
		} finally {
			handle.close();
		}
	});
});
