/** The import preview: stored values in words, and the file's cells that read differently. */
import { describe, expect, it } from 'vitest';
import { cellsThatDiffer, describeCouncil, showStored } from './import-preview';

describe('showStored', () => {
	it('prints dates, lists and nothing as the preview shows them', () => {
		expect(showStored({ date: '2024-11-25', precision: 'day' })).toBe('2024-11-25');
		expect(showStored({ date: '2024-11-01', precision: 'month' })).toBe('2024-11');
		expect(showStored(['Lancaster', 'Wyre'])).toBe('Lancaster; Wyre');
		expect(showStored(null)).toBe('—');
		expect(showStored(2400000)).toBe('2400000');
	});
});

describe('cellsThatDiffer', () => {
	it('names the cells whose text is not stored as written: money, dates, shorthand', () => {
		const stored = {
			reference: 'UX-1',
			lead_authority: 'Preston',
			requested: 2400000,
			awarded: 1900000,
			submitted_on: '2024-11-25',
			partners: ['Lancaster', 'Wyre'],
			officer_days: 40
		};
		const file = {
			reference: 'UX-1',
			lead_authority: 'Preston',
			amount_requested: '£2,400,000',
			amount_awarded: '£1.9m',
			submitted_on: '25/11/2024',
			partner_councils: 'Lancaster; Wyre',
			officer_days: '40',
			bid_cost: ''
		};
		expect(cellsThatDiffer(stored, file)).toEqual([
			{ column: 'amount_requested', text: '£2,400,000' },
			{ column: 'amount_awarded', text: '£1.9m' },
			{ column: 'submitted_on', text: '25/11/2024' }
		]);
	});

	it('is empty when the file says exactly what is stored', () => {
		expect(cellsThatDiffer({ year: 2031, scope: 'x' }, { Target: '2031', Scope: ' x ' })).toEqual(
			[]
		);
	});
});

describe('describeCouncil', () => {
	const preston = { column: 'lead_authority', code: 'PRE', name: 'Preston City Council' };
	it('names the council a cell resolved to, and says when it was a successor or an alias', () => {
		expect(
			describeCouncil({ ...preston, value: 'Preston', matchedBy: 'name', successorOf: null })
		).toBe('Preston → Preston City Council (PRE)');
		expect(
			describeCouncil({ ...preston, value: 'preston cc', matchedBy: 'alias', successorOf: null })
		).toBe('preston cc → Preston City Council (PRE), matched by one of its other names');
		const cumberland = { column: 'council', code: 'CBD', name: 'Cumberland Council' };
		const allerdale = { code: 'ALL', name: 'Allerdale Borough Council' };
		expect(
			describeCouncil({
				...cumberland,
				value: 'E07000026',
				matchedBy: 'former_gss',
				successorOf: allerdale
			})
		).toBe(
			'E07000026 → Cumberland Council (CBD), successor of the abolished Allerdale Borough Council (ALL), matched by a former GSS code'
		);
	});
});
