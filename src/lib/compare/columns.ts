/**
 * The columns of the compare table: each with its label, unit and a one-line definition for the
 * column chooser and the key below the table. Browser-safe: the page, the API and the OpenAPI
 * description read the same list, so a column cannot mean one thing on the page and another in
 * a download.
 */
import { roundTo } from '../format';
import { moneyShortWords, type MoneyScope } from '../funding-purpose';
import type { RowStatus } from '../progress-filter';

/** Every field of a compare row. */
export interface CompareRow {
	code: string;
	gssCode: string | null;
	name: string;
	nation: string;
	region: string | null;
	type: string;
	typeName: string;
	/** lower-or-unitary, county or combined: the chart's colour, never summed across. */
	tierGroup: string | null;
	population: number | null;
	areaTargetYear: number | null;
	councilTargetYear: number | null;
	declared: string | null;
	emissionsChangePct: number | null;
	emissionsPerHeadT: number | null;
	emissionsYear: number | null;
	measure: string;
	releaseLabel: string | null;
	status: RowStatus;
	/**
	 * Whether the council led a published award of the money counted. Award lists are partial: a
	 * council without one is unknown, so its funding figures are null and say so in words.
	 */
	ledAward: boolean;
	perHeadGbp: number | null;
	potsWon: number | null;
	effectivePots: number | null;
	competitiveShare: number | null;
	actionsComplete: number | null;
	actionsTotal: number | null;
}

export type ColumnKind = 'text' | 'number' | 'status' | 'date';

export interface CompareColumn {
	key: keyof CompareRow;
	label: string;
	/** A phone's card label: a few words, with the unit where the figure does not carry it. */
	short: string;
	/** Words after the figure, or '' for text. */
	unit: string;
	definition: string;
	kind: ColumnKind;
	/**
	 * Shown when the address names no columns: few enough that the table fits a 1280 px screen
	 * without scrolling sideways; the rest are one tick away in the column chooser.
	 */
	standard: boolean;
	/** Share (0..1) printed as a percentage. */
	share?: boolean;
	/** Decimal places when printed. */
	digits?: number;
	/**
	 * Counts award money: net-zero money by default, all money when asked (money.ts), and null
	 * where the council led no published award of that money.
	 */
	money?: boolean;
}

export const COMPARE_COLUMNS = [
	{
		key: 'nation',
		label: 'Nation',
		short: 'Nation',
		unit: '',
		kind: 'text',
		standard: false,
		definition: 'England, Scotland, Wales or Northern Ireland.'
	},
	{
		key: 'region',
		label: 'Region',
		short: 'Region',
		unit: '',
		kind: 'text',
		standard: false,
		definition: 'The English region (ONS); blank outside England.'
	},
	{
		key: 'typeName',
		label: 'Type',
		short: 'Type',
		unit: '',
		kind: 'text',
		standard: true,
		definition:
			'The kind of council: district, county, unitary, metropolitan or London borough, combined authority…'
	},
	{
		key: 'population',
		label: 'Population',
		short: 'Population',
		unit: 'people',
		kind: 'number',
		standard: false,
		definition: 'Residents, latest mid-year estimate held.'
	},
	{
		key: 'areaTargetYear',
		label: 'Whole-area target',
		short: 'Area target',
		unit: 'year',
		kind: 'number',
		standard: true,
		definition: 'The earliest year by which the council aims for net zero across its whole area.'
	},
	{
		key: 'councilTargetYear',
		label: 'Council-operations target',
		short: 'Council target',
		unit: 'year',
		kind: 'number',
		standard: false,
		definition: 'The earliest year by which the council aims for net zero in its own operations.'
	},
	{
		key: 'declared',
		label: 'Emergency declared',
		short: 'Emergency declared',
		unit: 'date',
		kind: 'date',
		standard: false,
		definition: 'The date the council declared a climate emergency, where it did.'
	},
	{
		key: 'emissionsChangePct',
		label: 'Emissions change since 2005',
		short: 'Since 2005',
		unit: '%',
		kind: 'number',
		digits: 0,
		standard: true,
		definition:
			"Change in the area's emissions from 2005 to the latest year of its current DESNZ series."
	},
	{
		key: 'emissionsPerHeadT',
		label: 'Emissions per head',
		short: 't CO2e/head',
		unit: 't CO2e per person',
		kind: 'number',
		digits: 1,
		standard: true,
		definition: "The area's emissions in the latest year divided by its residents that year."
	},
	{
		key: 'emissionsYear',
		label: 'Emissions year',
		short: 'Emissions year',
		unit: 'year',
		kind: 'number',
		standard: false,
		definition: 'The latest year of the emissions series the two figures before are from.'
	},
	{
		key: 'releaseLabel',
		label: 'Emissions release',
		short: 'Emissions release',
		unit: '',
		kind: 'text',
		standard: false,
		definition:
			'The DESNZ release the emissions figures come from (a new release revises the back-series).'
	},
	{
		key: 'status',
		label: 'On track',
		short: 'On track',
		unit: '',
		kind: 'status',
		standard: true,
		definition:
			'Status of the earliest whole-area target on the current trend, as on the national progress page.'
	},
	{
		key: 'perHeadGbp',
		label: '£ won per head',
		short: '£ won a head',
		unit: '£ per person',
		kind: 'number',
		digits: 0,
		standard: true,
		money: true,
		definition:
			'Published awards to the council as lead, divided by its residents. Award lists are partial: where the council led none, the figure is unknown ("no published award"), not £0. Sample data excluded.'
	},
	{
		key: 'potsWon',
		label: 'Pots',
		short: 'Pots won',
		unit: 'pots',
		kind: 'number',
		standard: true,
		money: true,
		definition:
			'Different funding competitions the council won money from as lead; unknown, not 0, where it led no published award.'
	},
	{
		key: 'effectivePots',
		label: 'Effective pots',
		short: 'Effective pots',
		unit: 'pots',
		kind: 'number',
		digits: 1,
		standard: false,
		money: true,
		definition:
			'The number of equal-sized pots that would give the same concentration (1 ÷ HHI); higher is more fragmented. Unknown where the council led no published award.'
	},
	{
		key: 'competitiveShare',
		label: 'Competitive share',
		short: 'Competitive share',
		unit: '% of £',
		kind: 'number',
		share: true,
		standard: false,
		money: true,
		definition:
			'Share of the £ won that came from competitions where councils bid against each other. Unknown where the council led no published award.'
	},
	{
		key: 'actionsComplete',
		label: 'Actions complete',
		short: 'Actions complete',
		unit: 'actions',
		kind: 'number',
		standard: false,
		definition:
			"Climate actions marked complete in the council's imported action plan, of those it publishes (private and sample actions excluded)."
	},
	{
		key: 'actionsTotal',
		label: 'Actions',
		short: 'Actions',
		unit: 'actions',
		kind: 'number',
		standard: false,
		definition:
			"All climate actions in the council's imported action plan (sample actions excluded)."
	}
] as const satisfies readonly CompareColumn[];

export type ColumnKey = (typeof COMPARE_COLUMNS)[number]['key'];
export const COLUMN_KEYS = COMPARE_COLUMNS.map((c) => c.key) as [ColumnKey, ...ColumnKey[]];
/** The name column is always first and can sort too. */
export const SORT_KEYS = ['name', ...COLUMN_KEYS] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const NUMERIC_KEYS = COMPARE_COLUMNS.filter((c) => c.kind === 'number').map(
	(c) => c.key
) as [NumericKey, ...NumericKey[]];
export type NumericKey = Extract<(typeof COMPARE_COLUMNS)[number], { kind: 'number' }>['key'];

export const STANDARD_COLUMNS = COMPARE_COLUMNS.filter((c) => c.standard).map((c) => c.key);

const byKey = new Map<string, CompareColumn>(COMPARE_COLUMNS.map((c) => [c.key, c]));
export function columnOf(key: string): CompareColumn | undefined {
	return byKey.get(key);
}

/**
 * The label with its unit, for an axis or a CSV reader: "Emissions per head (t CO2e per person)";
 * given the money counted, a funding column says which: "£ won per head, net-zero money (£ per
 * person)".
 */
export function labelWithUnit(key: string, money?: MoneyScope): string {
	const c = columnOf(key);
	if (!c) return key;
	const label = c.money && money ? `${c.label}, ${moneyShortWords(money)}` : c.label;
	return c.unit && c.unit !== 'year' && c.unit !== 'date' ? `${label} (${c.unit})` : label;
}

/**
 * The figure rounded as the page prints it, kept a number for a download: a share as a whole
 * %, other figures to the column's decimals, years as they are. The JSON keeps full precision.
 */
export function roundedCell(key: string, value: number | string | null): number | string | null {
	const c = columnOf(key);
	if (typeof value !== 'number' || !c || c.unit === 'year') return value;
	if ('share' in c && c.share) return roundTo(value * 100, 0);
	return roundTo(value, c.digits ?? 0);
}

/** The value as the page prints it (shares as %, change with its sign). */
export function formatCell(key: string, value: number | string | null): string {
	if (value === null || value === '') return '—';
	if (typeof value === 'string') return value;
	const c = columnOf(key);
	if (!c) return String(value);
	if (c.unit === 'year') return String(value);
	if ('share' in c && c.share) return `${Math.round(value * 100)}%`;
	const digits = c.digits ?? 0;
	const text = Math.abs(value).toLocaleString('en-GB', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	});
	if (key === 'emissionsChangePct') {
		const sign = Number(value.toFixed(digits)) < 0 ? '\u2212' : value > 0 ? '+' : '';
		return `${sign}${text}%`;
	}
	return `${value < 0 ? '\u2212' : ''}${c.unit.startsWith('£') ? '£' : ''}${text}`;
}
