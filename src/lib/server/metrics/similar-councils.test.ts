import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MYSOCIETY_SUBSECTORS } from '../feeds/emissions-mysociety';
import { SIMILARITY_TYPES, similarCouncils, type SimilarityAuthority } from './similar-councils';
import { EMISSIONS_PROFILE_SECTORS, type EmissionsProfileInput } from './similarity-features';
import { peerGroup } from './tier-group';

// The shipped data, read directly: what is tested is the pure computation, not an import.
function readCsv(path: string) {
	return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
}
const orNull = (s: string | undefined) => (s ? Number(s) : null);

const authorities: SimilarityAuthority[] = readCsv(
	'data/uk-la-names-codes/uk_local_authorities_current.csv'
)
	.filter((r) => r['current-authority'] === 'True')
	.map((r) => ({
		code: r['local-authority-code']!,
		type: r['local-authority-type']!,
		x: orNull(r.x),
		y: orNull(r.y)
	}));
const emissions: EmissionsProfileInput[] = readCsv(
	'data/la-emissions-mysociety-2005-2020/local_authority_emissions.csv'
)
	.filter((r) => r.Year === '2020')
	.map((r) => {
		const sectorsKt: Record<string, number> = {};
		for (const s of MYSOCIETY_SUBSECTORS) {
			sectorsKt[s.sector] = (sectorsKt[s.sector] ?? 0) + Number(r[s.column]);
		}
		return {
			code: r['local-authority-code']!,
			sectorsKt,
			population: Number(r['Population:000s']) * 1000,
			areaKm2: Number(r['Area:km2'])
		};
	});

const result = similarCouncils(authorities, emissions);
const typeOf = new Map(authorities.map((a) => [a.code, a.type]));
const groupOf = (code: string) => peerGroup(typeOf.get(code)!);
const top = (similarity: (typeof SIMILARITY_TYPES)[number], code: string, n: number) =>
	result.peers[similarity]
		.get(code)!
		.slice(0, n)
		.map((p) => p.code);

describe('similarCouncils on the shipped 2020 emissions and current authorities', () => {
	it('leaves out only the combined authorities without coordinates or emissions, saying why', () => {
		expect(authorities).toHaveLength(397);
		const out = (similarity: string) =>
			result.excluded
				.filter((e) => e.similarity === similarity)
				.map((e) => `${e.code}: ${e.reason}`)
				.sort();
		expect(out('emissions')).toEqual(
			['EMCA', 'GLCA', 'HYCA'].map((c) => `${c}: no emissions for the year`)
		);
		expect(out('nearby')).toEqual(
			['CPCA', 'EMCA', 'GLCA', 'HYCA', 'WECA', 'WMCA'].map(
				(c) => `${c}: no coordinates: x null, y null`
			)
		);
		expect(out('overall')).toEqual([
			'CPCA: no nearby distance',
			'EMCA: no emissions, nearby distance',
			'GLCA: no emissions, nearby distance',
			'HYCA: no emissions, nearby distance',
			'WECA: no nearby distance',
			'WMCA: no nearby distance'
		]);
	});

	it.each(SIMILARITY_TYPES)('%s: peers of the same group only, sorted, 0–100, 30 kept', (t) => {
		const codes = result.distances[t].codes;
		const groupSize = new Map<string, number>();
		for (const c of codes) groupSize.set(groupOf(c)!, (groupSize.get(groupOf(c)!) ?? 0) + 1);
		expect(result.peers[t].size).toBe(codes.length);
		// Problems are collected, not asserted one by one: 400 councils × 30 peers.
		const problems: string[] = [];
		for (const [code, peers] of result.peers[t]) {
			const expected = Math.min(30, groupSize.get(groupOf(code)!)! - 1);
			if (peers.length !== expected) problems.push(`${code}: ${peers.length} peers`);
			peers.forEach((p, k) => {
				const where = `${code} → ${p.code}`;
				if (p.code === code) problems.push(`${where}: itself`);
				if (groupOf(p.code) !== groupOf(code)) problems.push(`${where}: another peer group`);
				if (!(p.match >= 0 && p.match <= 100)) problems.push(`${where}: match ${p.match}`);
				if (p.position !== k + 1) problems.push(`${where}: position ${p.position}`);
				const before = peers[k - 1];
				if (before && (p.distance < before.distance || p.match > before.match)) {
					problems.push(`${where}: out of order`);
				}
			});
		}
		expect(problems).toEqual([]);
		// Single-tier councils and districts are many; counties 21; combined authorities and GLA few.
		expect(result.peers[t].get('TRF')).toHaveLength(30);
		expect(result.peers[t].get('KEN')).toHaveLength(20);
	});

	it.each(SIMILARITY_TYPES)('%s: distances are symmetric and 0 to oneself', (t) => {
		const m = result.distances[t];
		const n = m.codes.length;
		const rows = m.codes.map((_, i) => m.row(i, new Float64Array(n)));
		const problems: string[] = [];
		for (let i = 0; i < n; i++) {
			if (rows[i]![i] !== 0) problems.push(`${m.codes[i]} to itself: ${rows[i]![i]}`);
			for (let j = 0; j < i; j++) {
				if (rows[i]![j] !== rows[j]![i]) problems.push(`${m.codes[i]}–${m.codes[j]}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('finds the councils around Trafford as its nearby peers', () => {
		// Salford and Manchester touch it and lie closest; Stockport, Warrington, Wigan also touch.
		expect(top('nearby', 'TRF', 2)).toEqual(['SLF', 'MAN']);
		expect(top('nearby', 'TRF', 6)).toEqual(expect.arrayContaining(['SKP', 'WRT']));
		expect(top('nearby', 'TRF', 10)).toEqual(expect.arrayContaining(['WGN', 'CHE']));
		// Kent's nearby peers are counties, the neighbouring ones first.
		expect(top('nearby', 'KEN', 4)).toEqual(['ESS', 'SRY', 'ESX', 'WSX']);
	});

	it('finds plausible emissions peers', () => {
		// Camden's offices, universities and hospitals weigh like those of inner London's others.
		expect(top('emissions', 'CMD', 2)).toEqual(['SWK', 'HMF']);
		// Highland's nearest profiles are other rural, farming, sparsely peopled councils.
		expect(top('emissions', 'HLD', 6)).toEqual(
			expect.arrayContaining(['NBL', 'HEF', 'ANS', 'ABD'])
		);
	});

	// Reported: Trafford's 30 emissions-profile and overall peers held none of the other nine
	// Greater Manchester boroughs, and listed districts (Woking, South Ribble, Harlow, Wyre,
	// Bolsover), which have other powers than a metropolitan borough.
	it('lists no district among a metropolitan borough’s peers, of any type', () => {
		for (const t of SIMILARITY_TYPES)
			expect(result.peers[t].get('TRF')!.filter((p) => typeOf.get(p.code) === 'NMD')).toEqual([]);
	});

	it('weighs nearness in the overall peers: a council’s neighbours are among them', () => {
		expect(top('overall', 'MAN', 10)).toEqual(expect.arrayContaining(['SLF', 'OLD', 'BOL']));
		expect(top('overall', 'SOL', 6)).toEqual(expect.arrayContaining(['BIR', 'SAW', 'COV']));
		expect(top('overall', 'TRF', 10)).toEqual(expect.arrayContaining(['WGN', 'WRT']));
	});
});

describe('similarCouncils on a handful', () => {
	const profile = (code: string, industry: number) => ({
		code,
		sectorsKt: Object.fromEntries(EMISSIONS_PROFILE_SECTORS.map((s, i) => [s, industry + i])),
		population: 1000,
		areaKm2: 10
	});

	it('leaves out an unknown type everywhere and emissions of an unknown authority', () => {
		const r = similarCouncils(
			[
				{ code: 'AAA', type: 'NMD', x: 0, y: 0 },
				{ code: 'BBB', type: 'NMD', x: 1, y: 1 },
				{ code: 'QQQ', type: 'XYZ', x: 2, y: 2 }
			],
			[profile('AAA', 1), profile('BBB', 2), profile('QQQ', 3), profile('OLD', 4)]
		);
		expect(r.excluded.map((e) => `${e.similarity} ${e.code}: ${e.reason}`)).toEqual([
			'emissions QQQ: authority type "XYZ" is in no peer group',
			'nearby QQQ: authority type "XYZ" is in no peer group',
			'overall QQQ: authority type "XYZ" is in no peer group',
			'emissions OLD: emissions for an authority not in the current list'
		]);
		expect(r.peers.overall.get('AAA')!.map((p) => p.code)).toEqual(['BBB']);
		expect(r.peers.nearby.has('QQQ')).toBe(false);
	});

	it('refuses an authority listed twice', () => {
		const a = { code: 'AAA', type: 'NMD', x: 0, y: 0 };
		expect(() => similarCouncils([a, a], [])).toThrow('AAA appears twice');
	});
});
