/**
 * The vocabulary of DESNZ's "UK local authority and regional greenhouse gas emissions" releases:
 * the gases, the sectors and each sector's sub-sectors, as the releases since 2005–2020 spell
 * them (a sector renamed between releases, "Waste management" → "Waste", keeps both spellings).
 * The desnz-ghg feed takes gas, sector and sub-sector from here and refuses anything else, naming
 * row, column and value: a file with gases "G0" … "G65" was stored as a new release and shown on
 * council pages. Cells are matched ignoring case, spacing and the kind of quote ('Other' or
 * ’Other’), and stored as spelled here, so one release never holds two spellings of one name.
 */

export const DESNZ_GASES = ['CO2', 'CH4', 'N2O'] as const;

const WASTE = ['Landfill', "Waste 'Other'", "Waste Management 'Other'"];
const LULUCF_PARTS = [
	'Forestry',
	'Cropland',
	'Grassland',
	'Wetlands',
	'Settlements',
	'Harvested Wood Products'
];

/** Each sector (as releases spell it) with its sub-sectors. */
export const DESNZ_SECTORS: Record<string, readonly string[]> = {
	Agriculture: [
		'Agriculture Electricity',
		'Agriculture Gas',
		"Agriculture 'Other'",
		'Agriculture Livestock',
		'Agriculture Soils'
	],
	Commercial: ['Commercial Electricity', 'Commercial Gas', "Commercial 'Other'"],
	Domestic: ['Domestic Electricity', 'Domestic Gas', "Domestic 'Other'"],
	Industry: [
		'Industry Electricity',
		'Industry Gas',
		"Industry 'Other'",
		'Large Industrial Installations'
	],
	// Releases have named these "Forestry", "Net Emissions: Forestry" and (one line, before the
	// split) "LULUCF Net Emissions".
	LULUCF: [
		...LULUCF_PARTS,
		...LULUCF_PARTS.map((p) => `Net Emissions: ${p}`),
		...LULUCF_PARTS.map((p) => `LULUCF Net Emissions: ${p}`),
		'LULUCF Net Emissions'
	],
	'Public Sector': ['Public Sector Electricity', 'Public Sector Gas', "Public Sector 'Other'"],
	Transport: [
		'Road Transport (A roads)',
		'Road Transport (Motorways)',
		'Road Transport (Minor roads)',
		'Diesel Railways',
		"Transport 'Other'"
	],
	Waste: WASTE,
	'Waste management': WASTE
};

/** Case, spacing and quotes folded: "Industry  ’other’" → "industry 'other'". */
const fold = (s: string) =>
	s
		.trim()
		.replace(/\s+/g, ' ')
		.replace(/[‘’`´]/g, "'")
		.toLowerCase();

const GAS = new Map(DESNZ_GASES.map((g) => [fold(g), g as string]));
const SECTOR = new Map(Object.keys(DESNZ_SECTORS).map((s) => [fold(s), s]));
const SUB_SECTOR = new Map(
	Object.entries(DESNZ_SECTORS).map(([s, subs]) => [s, new Map(subs.map((x) => [fold(x), x]))])
);

export type VocabularyCheck = { ok: true; value: string } | { ok: false; expected: string };

const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
/** The sub-sectors a message lists: LULUCF's other spellings are said, not listed. */
const shown = (sector: string) =>
	sector === 'LULUCF'
		? `${list(LULUCF_PARTS)} (or "Net Emissions: " before them)`
		: list(DESNZ_SECTORS[sector] ?? []);

/**
 * Answers by the cell's text, remembered: a release repeats a few dozen names half a million
 * times. (Bounded, so a hostile file of distinct names cannot grow it without end.)
 */
function remembered(check: (cell: string) => VocabularyCheck) {
	const seen = new Map<string, VocabularyCheck>();
	return (cell: string): VocabularyCheck => {
		let r = seen.get(cell);
		if (!r) {
			r = check(cell);
			if (seen.size < 1000) seen.set(cell, r);
		}
		return r;
	};
}

export const desnzGas = remembered((cell) => {
	const value = GAS.get(fold(cell));
	return value
		? { ok: true, value }
		: { ok: false, expected: `expected one of DESNZ's gases: ${list(DESNZ_GASES)}` };
});

export const desnzSector = remembered((cell) => {
	const value = SECTOR.get(fold(cell));
	return value
		? { ok: true, value }
		: {
				ok: false,
				expected: `expected one of DESNZ's sectors: ${list(Object.keys(DESNZ_SECTORS))}`
			};
});

const subSectorChecks = new Map(
	Object.keys(DESNZ_SECTORS).map((sector) => [
		sector,
		remembered((cell): VocabularyCheck => {
			const value = SUB_SECTOR.get(sector)!.get(fold(cell));
			return value
				? { ok: true, value }
				: {
						ok: false,
						expected: `expected one of DESNZ's sub-sectors of ${sector}: ${shown(sector)}`
					};
		})
	])
);

/** A sub-sector of the given sector (as desnzSector returned it). */
export function desnzSubSector(sector: string, cell: string): VocabularyCheck {
	return subSectorChecks.get(sector)!(cell);
}
