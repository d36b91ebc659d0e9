/**
 * One colour-blind-safe palette for every chart (Okabe & Ito), with fixed colours per emissions
 * sector so that "Transport" is the same colour on every page.
 */
export const PALETTE = [
	'#0072B2',
	'#E69F00',
	'#009E73',
	'#CC79A7',
	'#56B4E9',
	'#D55E00',
	'#6b6b6b',
	'#F0E442'
] as const;

export const SECTOR_ORDER = [
	'Transport',
	'Domestic',
	'Industry',
	'Commercial',
	'Public sector',
	'Agriculture',
	'Waste management'
] as const;

export function sectorColour(sector: string): string {
	const i = SECTOR_ORDER.indexOf(sector as (typeof SECTOR_ORDER)[number]);
	return PALETTE[i >= 0 ? i : PALETTE.length - 1]!;
}

export const SCOPE_COLOURS = { council_operations: '#0072B2', whole_area: '#E69F00' } as const;
