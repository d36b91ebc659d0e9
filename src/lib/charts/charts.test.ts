import { describe, expect, it } from 'vitest';
import { emissionsBySectorConfig, emissionsTable, sectorsPresent } from './emissions-config';
import { declarationsByQuarter, targetYearsConfig, targetYearsTable } from './overview-config';
import { sectorColour } from './palette';
import type { YearTotal } from '../server/metrics/emissions';

const totals: YearTotal[] = [
	{ year: 2005, totalKt: 10, sectors: { Domestic: 6, Transport: 4 } },
	{ year: 2006, totalKt: 9, sectors: { Domestic: 5, Transport: 3, Other: 1 } }
];

describe('emissions chart', () => {
	it('orders sectors consistently and puts unknown sectors last', () => {
		expect(sectorsPresent(totals)).toEqual(['Transport', 'Domestic', 'Other']);
	});

	it('builds one stacked dataset per sector with a fixed colour and a unit on the axis', () => {
		const cfg = emissionsBySectorConfig(totals, 'kt CO2');
		expect(cfg.data.labels).toEqual(['2005', '2006']);
		expect(cfg.data.datasets.map((d) => d.label)).toEqual(['Transport', 'Domestic', 'Other']);
		expect(cfg.data.datasets[0]!.data).toEqual([4, 3]);
		expect(cfg.data.datasets[2]!.data).toEqual([0, 1]);
		expect(cfg.data.datasets[0]!.backgroundColor).toBe(sectorColour('Transport'));
		expect(cfg.options?.scales?.y?.title).toMatchObject({ text: 'kt CO2' });
	});

	it('gives the table the same numbers as the chart, plus the total', () => {
		expect(emissionsTable(totals)).toEqual({
			columns: ['Year', 'Transport', 'Domestic', 'Other', 'Total'],
			rows: [
				['2005', 4, 6, 0, 10],
				['2006', 3, 5, 1, 9]
			]
		});
	});
});

describe('emissions chart of a totals-only release', () => {
	it('gives the table one Total column, not two of the same name', () => {
		const only: YearTotal[] = [{ year: 2023, totalKt: 1393.07, sectors: { Total: 1393.07 } }];
		expect(emissionsTable(only)).toEqual({ columns: ['Year', 'Total'], rows: [['2023', 1393.1]] });
	});
});

describe('overview charts', () => {
	const years = [
		{ scope: 'council_operations' as const, targetYear: 2030, councils: 151 },
		{ scope: 'whole_area' as const, targetYear: 2030, councils: 104 },
		{ scope: 'whole_area' as const, targetYear: 2050, councils: 54 }
	];

	it('tabulates councils by target year and scope, zero where none', () => {
		expect(targetYearsTable(years).rows).toEqual([
			['2030', 151, 104],
			['2050', 0, 54]
		]);
	});

	it('charts the same counts', () => {
		const cfg = targetYearsConfig(years);
		expect(cfg.data.datasets.map((d) => d.data)).toEqual([
			[151, 0],
			[104, 54]
		]);
	});

	it('turns monthly declarations into a running total by quarter', () => {
		expect(
			declarationsByQuarter([
				{ month: '2018-11', declarations: 2 },
				{ month: '2019-01', declarations: 3 },
				{ month: '2019-03', declarations: 1 },
				{ month: '2019-07', declarations: 4 }
			])
		).toEqual([
			{ quarter: '2018 Q4', declared: 2, cumulative: 2 },
			{ quarter: '2019 Q1', declared: 4, cumulative: 6 },
			{ quarter: '2019 Q3', declared: 4, cumulative: 10 }
		]);
	});
});
