import { describe, expect, it } from 'vitest';
import {
	bandOf,
	councilMapStatus,
	countByTargetYear,
	countStatuses,
	nationalCounts,
	NO_YEAR_LABEL,
	progressMapCells,
	type JudgedTarget
} from './national-progress';

const t = (
	targetYear: number | null,
	status: JudgedTarget['status'],
	typeName = 'Non-metropolitan district',
	nation = 'England'
): JudgedTarget => ({ targetYear, status, typeName, nation });

// Six targets: three for 2030 (green, red, and one a county has no figures for), one for 2038
// (amber), one for 2050 (green, in Wales) and one that names no year.
const targets = [
	t(2030, 'green'),
	t(2030, 'red', 'Metropolitan district'),
	t(2030, 'none', 'County'),
	t(2038, 'amber', 'Metropolitan district'),
	t(2050, 'green', 'Welsh unitary authority', 'Wales'),
	t(null, 'none', 'London borough')
];

describe('countStatuses', () => {
	it('counts each target once, in one column, the total their sum', () => {
		expect(countStatuses(targets)).toEqual({ green: 2, amber: 1, red: 1, none: 2, total: 6 });
		expect(countStatuses([])).toEqual({ green: 0, amber: 0, red: 0, none: 0, total: 0 });
	});
});

describe('countByTargetYear', () => {
	it('gives each year that occurs, earliest first, and targets without a year last', () => {
		const rows = countByTargetYear([t(2050, 'red'), t(null, 'none'), t(2030, 'green')]);
		expect(rows.map((r) => r.label)).toEqual(['2030', '2050', NO_YEAR_LABEL]);
	});

	it('sorts years as numbers, not as text', () => {
		const rows = countByTargetYear([t(2100, 'red'), t(2045, 'red'), t(2030, 'red')]);
		expect(rows.map((r) => r.label)).toEqual(['2030', '2045', '2100']);
	});
});

describe('bandOf', () => {
	it('puts 2030 and earlier in the first band, 2050 and later in the last', () => {
		expect([2025, 2030, 2031, 2049, 2050, 2060, null].map(bandOf)).toEqual([
			'By 2030',
			'By 2030',
			'2031 to 2049',
			'2031 to 2049',
			'2050 or later',
			'2050 or later',
			NO_YEAR_LABEL
		]);
	});
});

describe('nationalCounts', () => {
	const c = nationalCounts(targets);

	it('counts by year: 2030 has one of each but amber', () => {
		expect(c.byYear).toEqual([
			{ label: '2030', counts: { green: 1, amber: 0, red: 1, none: 1, total: 3 } },
			{ label: '2038', counts: { green: 0, amber: 1, red: 0, none: 0, total: 1 } },
			{ label: '2050', counts: { green: 1, amber: 0, red: 0, none: 0, total: 1 } },
			{ label: NO_YEAR_LABEL, counts: { green: 0, amber: 0, red: 0, none: 1, total: 1 } }
		]);
	});

	it('counts by band in the bands’ order', () => {
		expect(c.byBand.map((g) => [g.label, g.counts.total])).toEqual([
			['By 2030', 3],
			['2031 to 2049', 1],
			['2050 or later', 1],
			[NO_YEAR_LABEL, 1]
		]);
	});

	it('counts by type and by nation, in alphabetical order', () => {
		expect(c.byType.map((g) => [g.label, g.counts.total])).toEqual([
			['County', 1],
			['London borough', 1],
			['Metropolitan district', 2],
			['Non-metropolitan district', 1],
			['Welsh unitary authority', 1]
		]);
		expect(c.byType.find((g) => g.label === 'Metropolitan district')!.counts).toMatchObject({
			red: 1,
			amber: 1
		});
		expect(c.byNation).toEqual([
			{ label: 'England', counts: { green: 1, amber: 1, red: 1, none: 2, total: 5 } },
			{ label: 'Wales', counts: { green: 1, amber: 0, red: 0, none: 0, total: 1 } }
		]);
	});

	it('sums every table to the same number of targets', () => {
		const sum = (groups: typeof c.byYear) => groups.reduce((n, g) => n + g.counts.total, 0);
		for (const groups of [c.byYear, c.byBand, c.byType, c.byNation]) {
			expect(sum(groups)).toBe(targets.length);
		}
		expect(c.all.total).toBe(targets.length);
	});
});

describe('councilMapStatus', () => {
	it('takes the earliest-dated target, then one without a year, and null without any', () => {
		expect(councilMapStatus([t(2050, 'green'), t(2030, 'red')])).toBe('red');
		expect(councilMapStatus([t(null, 'none'), t(2045, 'amber')])).toBe('amber');
		expect(councilMapStatus([t(null, 'none')])).toBe('none');
		expect(councilMapStatus([])).toBeNull();
	});
});

describe('progressMapCells', () => {
	const hex = (gssCode: string) => ({ gssCode, name: gssCode, q: 0, r: 0 });
	it('colours each hex by its council’s earliest target; no target and no council apart', () => {
		const cells = progressMapCells(
			[hex('E1'), hex('E2'), hex('E3')],
			[
				{ code: 'AAA', gssCode: 'E1', targetYear: 2050, status: 'green' },
				{ code: 'AAA', gssCode: 'E1', targetYear: 2030, status: 'red' },
				{ code: 'BBB', gssCode: 'E2', targetYear: null, status: 'no_target' },
				{ code: 'CTY', gssCode: null, targetYear: 2030, status: 'none' }
			]
		);
		expect(cells.map((c) => [c.gssCode, c.code, c.category, c.targetYear])).toEqual([
			['E1', 'AAA', 'red', 2030],
			['E2', 'BBB', 'no_target', null],
			['E3', null, null, null]
		]);
	});
});
