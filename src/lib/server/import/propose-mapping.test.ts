import { describe, expect, it } from 'vitest';
import { templateBidsFeed } from '../feeds/template-bids';
import { headerWords, nearHeaders, proposeMapping } from './propose-mapping';

/** An officer's own bids spreadsheet: some headers ours or aliases, some only near them. */
const OWN = [
	'Local authority',
	'Scheme',
	'Outcome',
	'Staff days (est.)',
	'Total requested',
	'Colour'
];

describe('proposeMapping', () => {
	it('proposes a near header for a field it does not name exactly', () => {
		const p = proposeMapping(templateBidsFeed, OWN, {});
		expect(p.lead_authority).toEqual({ header: 'Local authority', source: 'near' });
		expect(p.officer_days).toEqual({ header: 'Staff days (est.)', source: 'near' });
		expect(p.requested).toEqual({ header: 'Total requested', source: 'near' });
		// Names and aliases are matched, not suggested.
		expect(p.scheme).toEqual({ header: 'Scheme', source: 'name' });
		expect(p.status).toEqual({ header: 'Outcome', source: 'name' });
		// A header like no field is proposed for none.
		expect(Object.values(p).map((x) => x.header)).not.toContain('Colour');
	});

	it('never proposes one header for two fields, nor two headers for one', () => {
		const headers = ['Local authority', 'Lead council', 'Partner councils'];
		const p = proposeMapping(templateBidsFeed, headers, {});
		// "Lead council" is an alias: it takes the lead; "Local authority" is then near nothing left.
		expect(p.lead_authority).toEqual({ header: 'Lead council', source: 'name' });
		expect(p.partner_authorities).toEqual({ header: 'Partner councils', source: 'name' });
		const proposed = Object.values(p).map((x) => x.header);
		expect(proposed).not.toContain('Local authority');
		expect(new Set(proposed).size).toBe(proposed.length);
	});

	it("puts the user's own choice first, then names, then the saved mapping, then near headers", () => {
		const p = proposeMapping(templateBidsFeed, OWN, {
			given: { Colour: 'notes' },
			saved: { 'local authority': 'lead_authority', 'Staff days (est.)': 'bid_cost' }
		});
		expect(p.notes).toEqual({ header: 'Colour', source: 'yours' });
		// Saved mappings match headers as the import does: case and spacing ignored.
		expect(p.lead_authority).toEqual({ header: 'Local authority', source: 'saved' });
		expect(p.bid_cost).toEqual({ header: 'Staff days (est.)', source: 'saved' });
		// The header went to the saved field, so officer_days is proposed nothing.
		expect(p.officer_days).toBeUndefined();
	});

	it('ignores a saved or given field the feed does not have', () => {
		const p = proposeMapping(templateBidsFeed, OWN, {
			given: { Colour: 'no_such_field' },
			saved: { Scheme: 'another_field' }
		});
		expect(p.scheme).toEqual({ header: 'Scheme', source: 'name' });
		expect(Object.keys(p)).not.toContain('no_such_field');
	});
});

describe('near headers', () => {
	it('compares words, with plurals and a council’s synonyms folded', () => {
		expect(headerWords('Partner Authorities')).toEqual(new Set(['partner', 'authority']));
		expect(headerWords('partner_councils')).toEqual(new Set(['partner', 'authority']));
		expect(headerWords('Staff days')).toEqual(headerWords('officer_days'));
		expect(headerWords('Bid status')).toEqual(new Set(['bid', 'status']));
	});

	it('leaves headers already taken, and fields already matched, alone', () => {
		const near = nearHeaders(templateBidsFeed, OWN, {
			headers: new Set(['Local authority']),
			columns: new Set(['officer_days'])
		});
		expect(near.lead_authority).toBeUndefined();
		expect(near.officer_days).toBeUndefined();
		expect(near.requested).toBe('Total requested');
	});
});
