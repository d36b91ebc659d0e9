/**
 * What Net Zero Local knows about each national scheme beyond what a feed states: the department
 * that runs it, whether money is won by competition or allocated by formula, and its theme.
 * These are classifications by this project (shown as such in the UI), not figures.
 */
import type { COMPETITION_KINDS } from '../db/schema';

export interface SchemeFacts {
	funder: string;
	funderKind: string;
	kind: (typeof COMPETITION_KINDS)[number];
	theme: string;
	eligibleTypes?: string[];
}

const DESNZ = 'DESNZ (formerly BEIS)';
const MHCLG = 'MHCLG (formerly DLUHC)';
const GBE = 'Great British Energy';
const ENGLAND_COUNCILS = ['NMD', 'UA', 'MD', 'LBO', 'CTY', 'CC', 'COMB', 'SRA'];

export const SCHEME_CATALOGUE: Record<string, SchemeFacts> = {
	'Home Upgrade Grant': {
		funder: DESNZ,
		funderKind: 'department',
		kind: 'competitive',
		theme: 'housing retrofit',
		eligibleTypes: ENGLAND_COUNCILS
	},
	'Green Homes Grant Local Authority Delivery': {
		funder: DESNZ,
		funderKind: 'department',
		kind: 'competitive',
		theme: 'housing retrofit',
		eligibleTypes: ENGLAND_COUNCILS
	},
	'Public Sector Decarbonisation Scheme': {
		funder: DESNZ,
		funderKind: 'department (delivered by Salix)',
		kind: 'competitive',
		theme: 'public buildings'
	},
	'Social Housing Decarbonisation Fund': {
		funder: DESNZ,
		funderKind: 'department',
		kind: 'competitive',
		theme: 'housing retrofit',
		eligibleTypes: ENGLAND_COUNCILS
	},
	'Levelling Up Fund': {
		funder: MHCLG,
		funderKind: 'department',
		kind: 'competitive',
		theme: 'regeneration and transport'
	},
	'UK Shared Prosperity Fund': {
		funder: MHCLG,
		funderKind: 'department',
		kind: 'formula',
		theme: 'local growth'
	},
	'Warm Homes: Local Grant': {
		funder: DESNZ,
		funderKind: 'department',
		kind: 'expression_of_interest',
		theme: 'housing retrofit',
		eligibleTypes: ENGLAND_COUNCILS
	},
	// The 2025–26 schemes in the published facts; their funders as the facts' notes and the
	// transcribed rounds (data/funding-competitions-2025-2027) name them.
	'Warm Homes: Social Housing Fund': {
		funder: DESNZ,
		funderKind: 'department',
		kind: 'competitive',
		theme: 'housing retrofit'
	},
	'Warm Homes Plan': {
		funder: DESNZ,
		funderKind: 'department',
		kind: 'competitive',
		theme: 'housing retrofit'
	},
	'Green Heat Network Fund': {
		funder: DESNZ,
		funderKind: 'department',
		kind: 'competitive',
		theme: 'heat networks'
	},
	'Heat Network Efficiency Scheme': {
		funder: DESNZ,
		funderKind: 'department',
		kind: 'competitive',
		theme: 'heat networks'
	},
	'Local Electric Vehicle Infrastructure (LEVI) Fund': {
		funder: 'Department for Transport',
		funderKind: 'department (Office for Zero Emission Vehicles)',
		kind: 'formula',
		theme: 'transport'
	},
	'Great British Energy Community Fund': {
		funder: GBE,
		funderKind: 'publicly owned energy company',
		kind: 'competitive',
		theme: 'energy'
	},
	'Great British Energy: solar for schools and NHS': {
		funder: GBE,
		funderKind: 'publicly owned energy company',
		kind: 'competitive',
		theme: 'energy'
	},
	'Great British Energy: Local Power Plan': {
		funder: GBE,
		funderKind: 'publicly owned energy company',
		kind: 'expression_of_interest',
		theme: 'energy'
	},
	'Mayoral Renewables Fund (Great British Energy)': {
		funder: GBE,
		funderKind: 'publicly owned energy company',
		kind: 'competitive',
		theme: 'energy'
	}
};
