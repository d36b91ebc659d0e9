import { getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { plans } from '../db/schema';
import type { TableRecord } from '../rows/feed';
import { guard, setBackSentence } from './set-back';

const columns = getTableColumns(plans) as Record<string, SQLiteColumn>;
const stored = {
	authority_code: 'TRF',
	url: 'https://example.org/plan.pdf',
	title: 'Carbon Neutral Action Plan 2024',
	type: 'action plan',
	date_retrieved: '2024-01-23',
	last_update: null,
	file_type: 'pdf'
};
const record = (
	values: Partial<typeof plans.$inferInsert>,
	extra: Partial<TableRecord<typeof plans>> = {}
): TableRecord<typeof plans> => ({
	table: plans,
	key: ['authorityCode', 'url'],
	datedBy: 'dateRetrieved',
	values: { authorityCode: 'TRF', url: 'https://example.org/plan.pdf', ...values },
	...extra
});

describe('what an import may not set back', () => {
	it('writes a newer record over the stored one', () => {
		const g = guard(columns, record({ title: 'New', dateRetrieved: '2025-02-01' }), stored, false);
		expect(g).toMatchObject({ setBack: [], older: false });
		expect(g.values).toMatchObject({ title: 'New', dateRetrieved: '2025-02-01' });
	});

	it('keeps a stored value under a blank, and writes it only when asked', () => {
		const r = record({ fileType: null, dateRetrieved: '2024-01-23' });
		expect(guard(columns, r, stored, false)).toMatchObject({
			setBack: ['fileType'],
			values: { fileType: undefined }
		});
		expect(guard(columns, r, stored, true).values).toMatchObject({ fileType: null });
	});

	it('writes a null the feed says is stated', () => {
		const r = record({ fileType: null, dateRetrieved: '2024-01-23' }, { mayClear: ['fileType'] });
		expect(guard(columns, r, stored, false)).toMatchObject({
			setBack: [],
			values: { fileType: null }
		});
	});

	it('keeps every value of an older or undated record, but fills a stored blank', () => {
		for (const dateRetrieved of ['2021-02-20', null]) {
			const r = record({ title: 'Old', dateRetrieved, lastUpdate: '2021-03-01' });
			const g = guard(columns, r, stored, false);
			expect(g.older, String(dateRetrieved)).toBe(true);
			expect(g.setBack).toEqual(['title', 'dateRetrieved']);
			expect(g.values).toMatchObject({ title: undefined, dateRetrieved: undefined });
			expect(g.values.lastUpdate).toBe('2021-03-01');
		}
	});

	it('takes the first date the stored record has, and a file without it as undated', () => {
		const byUpdate = (values: Partial<typeof plans.$inferInsert>) =>
			record(values, { datedBy: ['lastUpdate', 'dateRetrieved'] });
		const updated = { ...stored, last_update: '2024-03-13' };
		// Retrieved later, but its row updated earlier: the update date decides.
		const r = byUpdate({ title: 'New', dateRetrieved: '2025-01-01', lastUpdate: '2022-03-16' });
		expect(guard(columns, r, updated, false)).toMatchObject({ older: true, datedBy: 'lastUpdate' });
		// A file with no last_update column at all cannot show it is newer.
		expect(guard(columns, byUpdate({ title: 'New' }), updated, false)).toMatchObject({
			older: true,
			setBack: ['title']
		});
		// Where the stored plan has no update date, the retrieval date decides.
		const g = guard(
			columns,
			byUpdate({ title: 'New', dateRetrieved: '2025-01-01' }),
			stored,
			false
		);
		expect(g).toMatchObject({ older: false, datedBy: 'dateRetrieved', values: { title: 'New' } });
	});

	it('writes an undated record where the feed says its age is unknown', () => {
		const r = record({ title: 'Old', dateRetrieved: null }, { undated: 'unknown' });
		expect(guard(columns, r, stored, false)).toMatchObject({
			older: false,
			setBack: ['dateRetrieved'],
			values: { title: 'Old', dateRetrieved: undefined }
		});
	});

	it('says what it set back, or would', () => {
		expect(setBackSentence(0, false, true)).toBeNull();
		expect(setBackSentence(1, false, true)).toBe(
			'This file would set back 1 stored value (blanks over values, older records over newer): it is kept as stored.'
		);
		expect(setBackSentence(1234, true, false)).toBe(
			'Set back 1,234 stored values (blanks over values, older records over newer), as asked.'
		);
	});
});
