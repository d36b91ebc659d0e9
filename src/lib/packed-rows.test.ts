import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from './packed-rows';

describe('packed rows', () => {
	it('names each field once and gives the same rows back', () => {
		const rows = [
			{ code: 'TRF', name: 'Trafford', x: 1.5, y: null, other: 'left out' },
			{ code: 'MAN', name: 'Manchester', x: null, y: -3, other: 'left out' }
		];
		const packed = packRows(rows, ['code', 'name', 'x', 'y']);
		expect(packed).toEqual({
			fields: ['code', 'name', 'x', 'y'],
			values: [
				['TRF', 'Trafford', 1.5, null],
				['MAN', 'Manchester', null, -3]
			]
		});
		expect(unpackRows(packed)).toEqual(rows.map(({ other: _, ...r }) => r));
		expect(unpackRows(packRows([], ['code']))).toEqual([]);
	});
});
