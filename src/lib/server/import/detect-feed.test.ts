import { describe, expect, it } from 'vitest';
import { detectFeed, detectFeedFromHeaders } from './detect-feed';
import { fixture } from '../../../../tests/helpers/db';

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
});
