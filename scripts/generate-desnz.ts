/**
 * Writes a synthetic file in the layout of DESNZ's "UK local authority and regional greenhouse gas
 * emissions" full dataset, for benchmarks and volume tests of the desnz-ghg feed:
 *   npx tsx scripts/generate-desnz.ts OUT-synthetic.csv ROWS [SEED]
 * Real current GSS codes of lower-tier and unitary councils (from the shipped register), DESNZ's
 * sector and sub-sector names, CO2/CH4/N2O; the figures are seeded pseudo-random numbers, so the
 * same arguments always give the same bytes. Councils in GSS order, each from 2005 (or the first
 * year writeSyntheticDesnz is given) for as many years as ROWS needs (past the real 2005–2023
 * range above ~640k rows: 361 councils × 93 rows a year). The output name must say "synthetic",
 * so the file is never mistaken for DESNZ's statistics. Rows are written in 1 MB chunks as they
 * are made (1M rows ≈ 145 MB, ~1.5 s).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';

const REGISTER = fileURLToPath(
	new URL('../data/uk-la-names-codes/uk_local_authorities_current.csv', import.meta.url)
);

export const DESNZ_HEADER = [
	'Country',
	'Country Code',
	'Region',
	'Region Code',
	'Second Tier Authority',
	'Local Authority',
	'Local Authority Code',
	'Calendar Year',
	'LA GHG Sector',
	'LA GHG Sub-sector',
	'Greenhouse gas',
	'Territorial emissions (kt CO2e)',
	'Emissions within the scope of influence of LAs (kt CO2e)',
	'Mid-year Population (thousands)',
	'Area (km2)'
];

/** DESNZ's sub-sectors: [sector, sub-sector, typical kt CO2e for 100k people, share in influence]. */
const SUBSECTORS: [string, string, number, number][] = [
	['Industry', 'Industry Electricity', 25, 1],
	['Industry', 'Industry Gas', 20, 1],
	['Industry', 'Large Industrial Installations', 60, 0],
	['Industry', "Industry 'Other'", 15, 1],
	['Commercial', 'Commercial Electricity', 30, 1],
	['Commercial', 'Commercial Gas', 15, 1],
	['Commercial', "Commercial 'Other'", 3, 1],
	['Public Sector', 'Public Sector Electricity', 8, 1],
	['Public Sector', 'Public Sector Gas', 10, 1],
	['Public Sector', "Public Sector 'Other'", 1, 1],
	['Domestic', 'Domestic Electricity', 40, 1],
	['Domestic', 'Domestic Gas', 110, 1],
	['Domestic', "Domestic 'Other'", 12, 1],
	['Transport', 'Road Transport (A roads)', 70, 1],
	['Transport', 'Road Transport (Motorways)', 50, 0],
	['Transport', 'Road Transport (Minor roads)', 45, 1],
	['Transport', 'Diesel Railways', 4, 0],
	['Transport', "Transport 'Other'", 3, 1],
	['LULUCF', 'Forestry', -15, 0.5],
	['LULUCF', 'Cropland', 8, 0.5],
	['LULUCF', 'Grassland', -3, 0.5],
	['LULUCF', 'Wetlands', 1, 0.5],
	['LULUCF', 'Settlements', 4, 0.5],
	['LULUCF', 'Harvested Wood Products', -1, 0.5],
	['Agriculture', 'Agriculture Electricity', 1, 1],
	['Agriculture', 'Agriculture Gas', 0.5, 1],
	['Agriculture', "Agriculture 'Other'", 3, 1],
	['Agriculture', 'Agriculture Livestock', 20, 1],
	['Agriculture', 'Agriculture Soils', 8, 1],
	['Waste', 'Landfill', 12, 1],
	['Waste', "Waste 'Other'", 3, 1]
];
/** Gas shares of a sub-sector's CO2e (methane dominates livestock and landfill). */
const GASES: [string, number][] = [
	['CO2', 0.95],
	['CH4', 0.035],
	['N2O', 0.015]
];
const METHANE_HEAVY = new Set(['Agriculture Livestock', 'Landfill']);

const COUNTRY: Record<string, [string, string]> = {
	England: ['England', 'E92000001'],
	Wales: ['Wales', 'W92000004'],
	Scotland: ['Scotland', 'S92000003'],
	'Northern Ireland': ['Northern Ireland', 'N92000002']
};
const REGION_CODES: Record<string, string> = {
	'North East': 'E12000001',
	'North West': 'E12000002',
	'Yorkshire and The Humber': 'E12000003',
	'East Midlands': 'E12000004',
	'West Midlands': 'E12000005',
	'East of England': 'E12000006',
	London: 'E12000007',
	'South East': 'E12000008',
	'South West': 'E12000009',
	Wales: 'W92000004',
	Scotland: 'S92000003',
	'Northern Ireland': 'N92000002'
};

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Council {
	name: string;
	gss: string;
	county: string;
	nation: string;
	region: string;
	population: number;
	area: number;
}

/** The shipped council register (mySociety's current list), every row as read. */
export function readRegister(): Record<string, string>[] {
	return Papa.parse<Record<string, string>>(readFileSync(REGISTER, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
}

function councils(): Council[] {
	const rows = readRegister();
	const names = new Map(rows.map((r) => [r['local-authority-code'], r['nice-name']]));
	return rows
		.filter((r) => r['current-authority'] === 'True' && r['lower-or-unitary'] === 'True')
		.filter((r) => r['gss-code'])
		.map((r) => ({
			name: r['nice-name']!,
			gss: r['gss-code']!,
			county: names.get(r['county-la'] ?? '') ?? r['nice-name']!,
			nation: r.nation!,
			region: r.region!,
			population: Number(r['pop-2020']) || 100_000,
			area: Number(r.area) || 100
		}))
		.sort((a, b) => a.gss.localeCompare(b.gss));
}

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Rows a whole year takes: every council, sub-sector and gas. */
export const desnzRowsPerYear = () => councils().length * SUBSECTORS.length * GASES.length;

/**
 * Write `rows` data rows (plus the header) to `path`, the years counted from `firstYear`;
 * resolves when the file is complete.
 */
export async function writeSyntheticDesnz(
	path: string,
	rows: number,
	seed = 1,
	firstYear = 2005
): Promise<void> {
	const rand = random(seed);
	const list = councils();
	const perYear = SUBSECTORS.length * GASES.length;
	const years = Math.max(1, Math.ceil(rows / (list.length * perYear)));
	const fd = openSync(path, 'w');
	let buffer = DESNZ_HEADER.map(quote).join(',') + '\n';
	let written = 0;
	try {
		outer: for (const c of list) {
			const [country, countryCode] = COUNTRY[c.nation] ?? [c.nation, ''];
			const prefix = [
				country,
				countryCode,
				c.region,
				REGION_CODES[c.region] ?? '',
				c.county,
				c.name,
				c.gss
			]
				.map(quote)
				.join(',');
			const scale = (c.population / 100_000) * (0.6 + rand() * 0.8);
			for (let y = 0; y < years; y++) {
				const trend = Math.pow(0.97, y);
				const population = ((c.population * (0.9 + y * 0.006)) / 1000).toFixed(3);
				for (const [sector, subSector, base, influence] of SUBSECTORS) {
					const value = base * scale * trend * (0.7 + rand() * 0.6);
					for (const [gas, share] of GASES) {
						const s = METHANE_HEAVY.has(subSector) ? (gas === 'CH4' ? 0.8 : 0.1) : share;
						const kt = value * s;
						buffer += `${prefix},${firstYear + y},${sector},${quote(subSector)},${gas},${kt.toFixed(6)},${(kt * influence).toFixed(6)},${population},${c.area.toFixed(1)}\n`;
						if (++written === rows) break outer;
						if (buffer.length > 1 << 20) {
							writeSync(fd, buffer);
							buffer = '';
						}
					}
				}
			}
		}
		writeSync(fd, buffer);
	} finally {
		closeSync(fd);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const [out, rowsArg, seedArg] = process.argv.slice(2);
	const rows = Number(rowsArg);
	if (!out || !Number.isInteger(rows) || rows < 1) {
		console.error('Usage: npx tsx scripts/generate-desnz.ts OUT-synthetic.csv ROWS [SEED]');
		process.exit(2);
	}
	if (!/synthetic/i.test(basename(out))) {
		console.error(
			`Name the output so it says "synthetic" (e.g. ${join('/tmp', 'desnz-synthetic-1m.csv')}).`
		);
		process.exit(2);
	}
	const started = Date.now();
	await writeSyntheticDesnz(out, rows, seedArg ? Number(seedArg) : 1);
	console.log(`Wrote ${rows} synthetic rows to ${out} in ${Date.now() - started} ms`);
}
