import { describe, expect, it } from 'vitest';
import { STANDARD_COLUMNS, formatCell, roundedCell, type CompareRow } from './columns';
import { hiddenFields } from './hidden';
import {
	CompareStateSchema,
	compareHref,
	compareParams,
	KEYS,
	keepsRow,
	readCompareState,
	sortRows
} from './state';

const read = (query: string) => {
	const r = readCompareState(new URLSearchParams(query));
	if (!r.success) throw new Error(r.message);
	return r.data;
};

const row = (over: Partial<CompareRow>): CompareRow => ({
	code: 'AAA',
	gssCode: null,
	name: 'A',
	nation: 'England',
	region: null,
	type: 'NMD',
	typeName: 'District',
	tierGroup: 'lower-or-unitary',
	population: null,
	areaTargetYear: null,
	councilTargetYear: null,
	declared: null,
	emissionsChangePct: null,
	emissionsPerHeadT: null,
	emissionsYear: null,
	measure: 'Territorial',
	releaseLabel: null,
	status: 'no_target',
	perHeadGbp: null,
	potsWon: null,
	effectivePots: null,
	competitiveShare: null,
	ledAward: false,
	actionsComplete: null,
	actionsTotal: null,
	...over
});

describe('the compare view in the address', () => {
	it('reads the defaults from an empty address and writes them back as nothing', () => {
		const s = read('');
		expect(s).toMatchObject({ sort: 'name', dir: 'asc', cols: STANDARD_COLUMNS });
		expect(compareHref('/compare', s)).toBe('/compare');
	});

	it('restores exactly the view it wrote (round trip)', () => {
		const query =
			'q=tra&nation=England&region=North+West&type=MD&target=2038&status=red&cols=population,status,perHeadGbp&sort=perHeadGbp&dir=desc&map=potsWon&x=population&y=emissionsPerHeadT';
		const s = read(query);
		expect(s.cols).toEqual(['population', 'status', 'perHeadGbp']);
		const again = read(compareParams(s).toString());
		expect(again).toEqual(s);
		expect(new URLSearchParams(compareParams(s)).get('cols')).toBe('population,status,perHeadGbp');
	});

	it("takes a form's repeated cols, in the table's order", () => {
		expect(read('cols=perHeadGbp&cols=nation').cols).toEqual(['nation', 'perHeadGbp']);
	});

	it('names the parameter, the value and what was expected when one is wrong', () => {
		const r = readCompareState(new URLSearchParams('cols=nation,bogus&sort=x&x=name'));
		expect(r.success).toBe(false);
		if (r.success) return;
		expect(r.message).toContain('cols: "bogus" is not a column');
		expect(r.message).toContain('sort: expected one of');
		expect(r.message).toContain('x: expected one of');
	});

	it('counts net-zero money unless the address says money=all, and keeps the choice', () => {
		expect(read('').money).toBe('net-zero');
		const all = read('nation=Wales&money=all');
		expect(all.money).toBe('all');
		expect(compareHref('/compare', all)).toBe('/compare?nation=Wales&money=all');
		expect(compareHref('/compare', all, { money: 'net-zero' })).toBe('/compare?nation=Wales');
		// A form that changes the map keeps the money chosen.
		expect(hiddenFields(all, ['map'])).toContainEqual(['money', 'all']);
		const wrong = readCompareState(new URLSearchParams('money=general'));
		expect(wrong.success ? null : wrong.message).toBe(
			'money: expected "net-zero" (net-zero money, the default) or "all" (all money)'
		);
	});

	it('opens an old address naming the retired bid success column without it, and says so', () => {
		const r = readCompareState(new URLSearchParams('cols=population,successRate&cols=successRate'));
		expect(r.success).toBe(true);
		if (!r.success) return;
		expect(r.data.cols).toEqual(['population']);
		expect(r.retired).toEqual(['successRate']);
		// Only the retired column asked for: the standard columns, as for none.
		const only = readCompareState(new URLSearchParams('cols=successRate'));
		expect(only.success && only.data.cols).toEqual(STANDARD_COLUMNS);
		// A name an object inherits is not a retired column: it is not a column at all.
		const odd = readCompareState(new URLSearchParams('cols=constructor'));
		expect(odd.success ? null : odd.message).toContain('cols: "constructor" is not a column');
	});

	it('keeps the other parts of the view as hidden fields', () => {
		const s = read('nation=Wales&sort=population&map=potsWon');
		expect(hiddenFields(s, ['map'])).toEqual([
			['nation', 'Wales'],
			['sort', 'population']
		]);
	});
});

describe('filtering and sorting rows', () => {
	const rows = [
		row({ code: 'B', name: 'Bravo', perHeadGbp: 10, nation: 'Wales', areaTargetYear: 2030 }),
		row({ code: 'A', name: 'Alpha', perHeadGbp: null, areaTargetYear: 2050, status: 'red' }),
		row({ code: 'C', name: 'Charlie', perHeadGbp: 30, gssCode: 'E06000001' }),
		row({ code: 'D', name: 'Delta', perHeadGbp: 10, status: 'green', areaTargetYear: 2030 })
	];

	it('puts blanks last in both directions and breaks ties by name', () => {
		expect(sortRows(rows, 'perHeadGbp', 'asc').map((r) => r.code)).toEqual(['B', 'D', 'C', 'A']);
		expect(sortRows(rows, 'perHeadGbp', 'desc').map((r) => r.code)).toEqual(['C', 'B', 'D', 'A']);
	});

	it('orders statuses from on track to no target', () => {
		expect(sortRows(rows, 'status', 'asc').map((r) => r.code)).toEqual(['D', 'A', 'B', 'C']);
	});

	it('filters by nation, target year, status and text (name or code)', () => {
		const keep = (q: string) => rows.filter((r) => keepsRow(r, read(q))).map((r) => r.code);
		expect(keep('nation=Wales')).toEqual(['B']);
		expect(keep('target=2030')).toEqual(['B', 'D']);
		expect(keep('target=none')).toEqual(['C']);
		expect(keep('status=red')).toEqual(['A']);
		expect(keep('q=ALP')).toEqual(['A']);
		expect(keep('q=e06000001')).toEqual(['C']);
	});
});

describe('printing a cell', () => {
	it('prints shares as %, change with its sign, years bare and blanks as a dash', () => {
		expect(formatCell('competitiveShare', 0.426)).toBe('43%');
		expect(formatCell('emissionsChangePct', -41.6)).toBe('\u221242%');
		expect(formatCell('emissionsChangePct', 3.2)).toBe('+3%');
		expect(formatCell('areaTargetYear', 2030)).toBe('2030');
		expect(formatCell('perHeadGbp', 1234.4)).toBe('£1,234');
		expect(formatCell('population', null)).toBe('—');
	});

	it('rounds a download cell as the table prints it, kept a number', () => {
		expect(roundedCell('competitiveShare', 0.426)).toBe(43);
		expect(roundedCell('emissionsChangePct', -41.6)).toBe(-42);
		expect(roundedCell('emissionsPerHeadT', 5.4678)).toBe(5.5);
		expect(roundedCell('perHeadGbp', 1234.4)).toBe(1234);
		expect(roundedCell('areaTargetYear', 2030)).toBe(2030);
		expect(roundedCell('typeName', 'Unitary authority')).toBe('Unitary authority');
		expect(roundedCell('population', null)).toBeNull();
	});
});

describe('the state fields links are made from', () => {
	it('are the schema fields, in its order', () => {
		expect([...KEYS]).toEqual(Object.keys(CompareStateSchema.shape));
	});
});
