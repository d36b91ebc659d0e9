import { describe, expect, it } from 'vitest';
import { templateBidsFeed } from '../feeds/template-bids';
import { columnsRead, likelyFeed, mappingFormFeeds } from './mapping-view';

const HEADERS = ['Local authority', 'Scheme', 'Outcome', 'Staff days (est.)', 'Colour'];

describe('columnsRead', () => {
	it('says which columns the saved mapping read, which their own names, and which none', () => {
		const saved = { 'Local authority': 'lead_authority', Scheme: 'scheme', Colour: 'notes' };
		expect(columnsRead(templateBidsFeed, HEADERS, {}, saved)).toEqual([
			{ header: 'Local authority', column: 'lead_authority', source: 'saved' },
			{ header: 'Scheme', column: 'scheme', source: 'name' },
			{ header: 'Outcome', column: 'status', source: 'name' },
			{ header: 'Staff days (est.)', column: null, source: null },
			{ header: 'Colour', column: 'notes', source: 'saved' }
		]);
	});

	it("says which the user's own choice read, and leaves a saved mapping the file does not need", () => {
		const given = { 'Local authority': 'lead_authority', 'Staff days (est.)': 'officer_days' };
		const read = columnsRead(templateBidsFeed, HEADERS, given, { Colour: 'notes' });
		expect(read.map((r) => [r.header, r.column, r.source])).toEqual([
			['Local authority', 'lead_authority', 'yours'],
			['Scheme', 'scheme', 'name'],
			['Outcome', 'status', 'name'],
			['Staff days (est.)', 'officer_days', 'yours'],
			['Colour', null, null]
		]);
	});
});

describe('likelyFeed', () => {
	it('is the feed whose required fields all have a proposal', () => {
		expect(likelyFeed(mappingFormFeeds(HEADERS, {}, null, {}))).toBe('bids');
		expect(likelyFeed(mappingFormFeeds(['Colour', 'Size'], {}, null, {}))).toBeNull();
	});
});
