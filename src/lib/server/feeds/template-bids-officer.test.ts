// Officers' own bid sheets (tests/fixtures/officer: invented bids of real councils to real
// schemes) import into the bids template after at most a column mapping.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { mapHeaders } from '../import/map-headers';
import { readHeaderRow } from '../import/detect-feed';
import type { ImportReport } from '../import/run-import';
import {
	createFixtureDb,
	dataDigest,
	fixture,
	importFile,
	toCsv
} from '../../../../tests/helpers/db';
import { derivedReference } from './bid-identity';
import { readSchemeCell, roundKeys } from './bid-scheme';
import { templateBidsFeed } from './template-bids';

const COMMA_1252 = fixture('officer/bid-tracker-windows-1252.csv');
const SEMICOLON_BOM = fixture('officer/bid-tracker-utf8-bom-semicolon.csv');
/** The mappings an officer gives on the import page, or with the CLI's --map. */
const COMMA_MAP = { Council: 'lead_authority', Fund: 'scheme', Project: 'title' };
const SEMICOLON_MAP = {
	'Local authority': 'lead_authority',
	'Funding stream': 'scheme',
	Scheme: 'title',
	'Bid value': 'requested',
	'Grant offered': 'awarded',
	'Date of outcome': 'decided_on'
};

let handle: DbHandle;
const load = (source: string | Buffer, headerMap: Record<string, string> = COMMA_MAP) =>
	importFile(handle, 'bids', source, { headerMap });

beforeAll(async () => {
	// The published rounds (PSDS Phase 3c, HUG Phase 2 (HUG2)…) that officers' "Fund" cells name.
	handle = await createFixtureDb(['funding-facts']);
});
afterAll(() => handle.close());

type Row = Record<string, unknown>;
const all = (sql: string, ...params: unknown[]) =>
	handle.sqlite.prepare(sql).all(...params) as Row[];
const bidsOf = (lead: string) =>
	all(`SELECT b.* FROM bids b WHERE b.lead_authority_code = ? ORDER BY b.id`, lead);
const group = (report: ImportReport, code: string) => report.groups.filter((g) => g.code === code);
const errors = (report: ImportReport) => report.groups.filter((g) => g.severity === 'error');

describe("an officer's Windows-1252 comma sheet", () => {
	let report: ImportReport;
	beforeAll(async () => {
		report = await load(COMMA_1252);
	});

	it('needs no column the sheet lacks: reference and round are optional', async () => {
		const { missing } = mapHeaders(templateBidsFeed, await readHeaderRow(COMMA_1252));
		expect(missing).toEqual([]);
	});

	it('imports all 30 bids, £ amounts and dd/mm/yyyy dates read', () => {
		expect(errors(report)).toEqual([]);
		expect(report).toMatchObject({
			status: 'committed',
			encoding: 'windows-1252',
			rowsRead: 30,
			rowsWritten: 30,
			unmappedColumns: []
		});
		const [hall] = bidsOf('NFK');
		expect(hall).toMatchObject({
			title: 'Heat pumps – County Hall',
			scheme: 'Public Sector Decarbonisation Scheme',
			round: 'Phase 3c',
			requested_gbp: 3_450_000,
			awarded_gbp: 3_120_000,
			status: 'won',
			decided_on: '2023-03-17',
			officer_days: 28
		});
		expect(bidsOf('KIN')).toEqual([
			expect.objectContaining({ title: 'Lynnsport heat pump and solar' })
		]);
		expect(bidsOf('BRE')).toEqual([
			expect.objectContaining({ status: 'drafting', officer_days: 6.5 })
		]);
	});

	it('derives a reference for each bid and reports it as derived', () => {
		const refs = all('SELECT reference FROM bids').map((b) => b.reference as string);
		expect(refs).toHaveLength(30);
		expect(new Set(refs).size).toBe(30);
		for (const ref of refs) expect(ref).toMatch(/^auto-[0-9a-f]{12}$/);
		expect(group(report, 'reference_derived')).toEqual([
			expect.objectContaining({ severity: 'info', column: 'reference', count: 30 })
		]);
	});

	it('keeps apart the same project bid to two rounds, and two bids of one council to one round', () => {
		const norfolk = bidsOf('NFK').map((b) => [b.title, b.round]);
		expect(norfolk).toEqual([
			['Heat pumps – County Hall', 'Phase 3c'],
			['LED lighting at 14 fire stations', 'Phase 3c'],
			['Heat pumps – County Hall', 'Phase 3b'],
			['Norfolk Warm Homes 2025–28', '']
		]);
	});

	it('reports every status read from another word, and only those', () => {
		const read = group(report, 'choice_read').map((g) => [g.message, g.count, g.severity]);
		expect(read.sort()).toEqual([
			['"Awaiting decision" read as submitted', 3, 'info'],
			['"In preparation" read as drafting', 2, 'info'],
			['"Partially successful" read as won', 3, 'info'],
			['"Pending" read as submitted', 3, 'info'],
			['"Successful" read as won', 8, 'info'],
			['"Unsuccessful" read as lost', 7, 'info']
		]);
		expect(bidsOf('SFK').map((b) => b.status)).toEqual(['submitted', 'submitted']);
	});

	it('reads the round from the Fund cell, joining the published round', () => {
		const published = (scheme: string, round: string) =>
			all('SELECT id FROM competitions WHERE scheme = ? AND round = ?', scheme, round);
		expect(published('Home Upgrade Grant', 'Phase 2 (HUG2)')).toHaveLength(1);
		expect(bidsOf('ESK').map((b) => [b.scheme, b.round])).toEqual([
			['Social Housing Decarbonisation Fund', 'Wave 2.1'],
			['Home Upgrade Grant', 'Phase 2 (HUG2)']
		]);
		expect(bidsOf('SFK')[0]).toMatchObject({
			scheme: 'Local Electric Vehicle Infrastructure',
			round: ''
		});
		expect(group(report, 'scheme_read')).toContainEqual(
			expect.objectContaining({
				message:
					'"Home Upgrade Grant 2" read as scheme "Home Upgrade Grant", round "Phase 2 (HUG2)"'
			})
		);
	});

	it('takes the first council of a joint name as the lead, the other as partner', () => {
		const [retrofit] = bidsOf('BAB');
		const partners = all(
			'SELECT authority_code, kind FROM partners WHERE bid_id = ?',
			retrofit!.id
		);
		expect(partners).toEqual([{ authority_code: 'MSU', kind: 'authority' }]);
		expect(group(report, 'joint_lead').map((g) => g.values[0])).toEqual([
			'Babergh and Mid Suffolk District Councils',
			'Broadland and South Norfolk Councils'
		]);
	});

	it('takes a blank title from the scheme, and an abolished lead as its successor', () => {
		expect(bidsOf('BRO')).toEqual([expect.objectContaining({ title: 'Home Upgrade Grant 2' })]);
		expect(group(report, 'title_from_scheme')[0]).toMatchObject({ count: 2, severity: 'info' });
		expect(bidsOf('NNT')).toEqual([
			expect.objectContaining({ title: 'Municipal offices heat pumps', round: 'Phase 1' })
		]);
		expect(group(report, 'successor_used')[0]).toMatchObject({
			values: ['Kettering Borough Council']
		});
	});

	it('changes nothing when imported again', async () => {
		const before = dataDigest(handle);
		const again = await load(COMMA_1252);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 30 });
		expect(dataDigest(handle)).toEqual(before);
	});

	it('matches the same bids when names are respelt and titles retyped', async () => {
		const ids = all('SELECT id, lead_authority_code, reference FROM bids ORDER BY id');
		const text = readFileSync(COMMA_1252, 'latin1')
			.replaceAll('Norfolk County Council', 'NFK')
			.replaceAll('Heat pumps \u0096 County Hall', 'heat pumps - county hall')
			.replaceAll('Suffolk County Council', 'E10000029')
			.replaceAll('Home Upgrade Grant 2', 'HUG2');
		const again = await load(Buffer.from(text, 'latin1'));
		// Only the titles shown change: two retyped, one taken from the fund cell as now written.
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 3, rowsUnchanged: 27 });
		expect(all('SELECT id, lead_authority_code, reference FROM bids ORDER BY id')).toEqual(ids);
		expect(bidsOf('NFK').map((b) => b.title)).toContain('heat pumps - county hall');
		expect(bidsOf('BRO')[0]).toMatchObject({ title: 'HUG2', round: 'Phase 2 (HUG2)' });
		await load(COMMA_1252);
	});

	it('updates the bid a changed status belongs to, adding to its history', async () => {
		const text = readFileSync(COMMA_1252, 'latin1').replace(
			'"£4,100,000",,Pending,,40',
			'"£4,100,000","£3,900,000",Successful,12/02/2025,40'
		);
		const again = await load(Buffer.from(text, 'latin1'));
		expect(again).toMatchObject({ rowsWritten: 1, rowsUnchanged: 29 });
		const [levi] = bidsOf('SFK');
		expect(levi).toMatchObject({ status: 'won', awarded_gbp: 3_900_000 });
		const history = all(
			'SELECT status FROM bid_status_history WHERE bid_id = ? ORDER BY rowid',
			levi!.id
		);
		expect(history.map((h) => h.status)).toEqual(['submitted', 'won']);
	});
});

describe("an officer's UTF-8 semicolon sheet with a BOM", () => {
	let report: ImportReport;
	beforeAll(async () => {
		report = await load(SEMICOLON_BOM, SEMICOLON_MAP);
	});

	it('imports all 30 bids after the mapping, "Scheme" as the title', () => {
		expect(errors(report)).toEqual([]);
		expect(report).toMatchObject({ status: 'committed', encoding: 'utf-8', rowsWritten: 30 });
		expect(report.unmappedColumns).toEqual([]);
		expect(bidsOf('TRF').map((b) => [b.title, b.scheme, b.round, b.status])).toEqual([
			['Sale Leisure Centre heat pumps', 'Public Sector Decarbonisation Scheme', 'Phase 3c', 'won'],
			['SHDF Wave 2.1', 'Social Housing Decarbonisation Fund', 'Wave 2.1', 'lost'],
			[
				'On-street residential chargepoints',
				'Local Electric Vehicle Infrastructure (LEVI) Capital Fund',
				'',
				'drafting'
			],
			[
				'Stretford Leisure Centre heat pumps',
				'Public Sector Decarbonisation Scheme',
				'Phase 4',
				'drafting'
			]
		]);
		expect(bidsOf('OLD')[0]).toMatchObject({ requested_gbp: 2_400_000, status: 'drafting' });
		expect(bidsOf('GMCA')[0]).toMatchObject({ round: 'Phase 2 (HUG2)', status: 'submitted' });
	});

	it('reports how initials and separators in the fund were read', () => {
		const read = group(report, 'scheme_read').map((g) => g.message);
		expect(read).toContain(
			'"PSDS Phase 3c" read as scheme "Public Sector Decarbonisation Scheme", round "Phase 3c"'
		);
		expect(read).toContain('"HUG2" read as scheme "Home Upgrade Grant", round "Phase 2 (HUG2)"');
		expect(read).toContain(
			'"Social Housing Decarbonisation Fund (Wave 2.1)" read as scheme "Social Housing Decarbonisation Fund", round "Wave 2.1"'
		);
	});

	it('changes nothing when imported again', async () => {
		const before = dataDigest(handle);
		const again = await load(SEMICOLON_BOM, SEMICOLON_MAP);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 30 });
		expect(dataDigest(handle)).toEqual(before);
	});
});

describe('bids without a reference', () => {
	const HEADER = ['Council', 'Fund', 'Project', 'Status'];
	const sheet = (...rows: string[][]) => toCsv([HEADER, ...rows]);

	it('refuses two rows that no column tells apart, naming both rows', async () => {
		const before = dataDigest(handle);
		const report = await load(
			sheet(
				['Leeds', 'PSDS Phase 4', 'Solar car ports', 'Draft'],
				[
					'Leeds City Council',
					'Public Sector Decarbonisation Scheme Phase 4',
					'Solar car-ports',
					'Submitted'
				]
			)
		);
		expect(report.status).toBe('rejected');
		expect(errors(report)).toEqual([
			expect.objectContaining({
				code: 'duplicate_bid',
				rows: [3],
				message: expect.stringContaining('as row 2, and no reference to tell them apart')
			})
		]);
		expect(dataDigest(handle)).toEqual(before);
	});

	it('names the part of a joint name it does not know', async () => {
		const report = await load(
			sheet(['Babergh and Borsetshire Councils', 'HUG2', 'Retrofit', 'Draft'])
		);
		expect(errors(report)).toEqual([
			expect.objectContaining({
				code: 'unknown_authority',
				values: ['Babergh and Borsetshire Councils'],
				message: expect.stringMatching(/"Borsetshire" is not a council we know/)
			})
		]);
	});

	it('hands a derived bid over to the reference given later, keeping its history', async () => {
		await load(sheet(['Leeds', 'PSDS Phase 4', 'Solar car ports', 'Draft']));
		const [bid] = bidsOf('LDS');
		const report = await load(
			toCsv([
				['Reference', 'Council', 'Fund', 'Project', 'Status'],
				['LDS-PSDS4-01', 'Leeds', 'PSDS Phase 4', 'Solar car ports', 'Submitted']
			])
		);
		expect(report).toMatchObject({ status: 'committed', rowsWritten: 1 });
		expect(group(report, 'reference_given')).toHaveLength(1);
		expect(bidsOf('LDS')).toEqual([
			expect.objectContaining({ id: bid!.id, reference: 'LDS-PSDS4-01', status: 'submitted' })
		]);
	});
});

describe('a sheet imported with references, then without', () => {
	it('updates the bids stored under the references instead of adding others', async () => {
		const withRefs = toCsv([
			['Reference', 'Council', 'Fund', 'Project', 'Status'],
			['BST-23-04', 'Bristol City Council', 'PSDS Phase 3c', 'Museum heat pumps', 'Submitted'],
			['BST-23-05', 'Bristol City Council', 'PSDS Phase 3c', 'Depot solar', 'Submitted']
		]);
		await load(withRefs);
		const report = await load(
			toCsv([
				['Council', 'Fund', 'Project', 'Status'],
				['Bristol', 'Public Sector Decarbonisation Scheme Phase 3c', 'Museum heat pumps', 'Won']
			])
		);
		expect(group(report, 'reference_matched')[0]).toMatchObject({ values: ['BST-23-04'] });
		expect(bidsOf('BST').map((b) => [b.reference, b.status])).toEqual([
			['BST-23-04', 'won'],
			['BST-23-05', 'submitted']
		]);
	});
});

describe('derived references', () => {
	const ref = (lead: string, fund: string, round: string | null, title: string) => {
		const read = readSchemeCell(fund, round);
		return derivedReference(lead, read.scheme, read.round, title);
	};

	it('ignore case, spacing, punctuation, initials and where the round was written', () => {
		const same = [
			ref('NFK', 'Public Sector Decarbonisation Scheme Phase 3c', null, 'Heat pumps – County Hall'),
			ref('NFK', 'PSDS Phase 3c', null, 'heat pumps - county  hall'),
			ref('NFK', 'PSDS', 'Phase 3c', 'Heat Pumps, County Hall'),
			ref('NFK', 'public sector decarbonisation scheme', '3c', 'Heat pumps – County Hall')
		];
		expect(new Set(same).size).toBe(1);
		expect(ref('CAB', 'HUG2', null, '')).toBe(ref('CAB', 'Home Upgrade Grant 2', null, ''));
		expect(ref('CAB', 'Home Upgrade Grant Phase 2', null, '')).toBe(ref('CAB', 'HUG', '2', ''));
	});

	it('differ when the council, the scheme, the round or the title does', () => {
		const refs = [
			ref('NFK', 'PSDS', 'Phase 3c', 'Heat pumps'),
			ref('SFK', 'PSDS', 'Phase 3c', 'Heat pumps'),
			ref('NFK', 'SHDF', 'Phase 3c', 'Heat pumps'),
			ref('NFK', 'PSDS', 'Phase 3b', 'Heat pumps'),
			ref('NFK', 'PSDS', 'Wave 2.1', 'Heat pumps'),
			ref('NFK', 'PSDS', 'Wave 21', 'Heat pumps'),
			ref('NFK', 'PSDS', 'Phase 3c', 'Heat pump'),
			ref('NFK', 'PSDS', 'Phase 3c', '')
		];
		expect(new Set(refs).size).toBe(refs.length);
	});
});

describe('readSchemeCell', () => {
	it.each([
		[
			'Public Sector Decarbonisation Scheme Phase 3c',
			null,
			'Public Sector Decarbonisation Scheme',
			'Phase 3c'
		],
		[
			'Public Sector Decarbonisation Scheme – Phase 3b',
			null,
			'Public Sector Decarbonisation Scheme',
			'Phase 3b'
		],
		[
			'Social Housing Decarbonisation Fund (Wave 2.1)',
			null,
			'Social Housing Decarbonisation Fund',
			'Wave 2.1'
		],
		['SHDF Wave 2.2', null, 'Social Housing Decarbonisation Fund', 'Wave 2.2'],
		['HUG2', null, 'Home Upgrade Grant', '2'],
		['PSDS', 'Phase 4', 'Public Sector Decarbonisation Scheme', 'Phase 4'],
		['warm homes: local grant', null, 'Warm Homes: Local Grant', ''],
		['Local Electric Vehicle Infrastructure', null, 'Local Electric Vehicle Infrastructure', ''],
		[
			'Public Sector Decarbonisation Scheme – Salix',
			null,
			'Public Sector Decarbonisation Scheme – Salix',
			''
		],
		['HUGE Retrofit 2', null, 'HUGE Retrofit 2', ''],
		['PSDS Phase 3c', 'Phase 3c', 'PSDS Phase 3c', 'Phase 3c']
	])('reads %j (round %j) as %j, %j', (cell, round, scheme, read) => {
		expect(readSchemeCell(cell, round)).toEqual({ scheme, round: read });
	});
});

describe('roundKeys', () => {
	it('names a round by its number without "Phase", or by its bracketed name', () => {
		expect(roundKeys('Phase 2 (HUG2)')).toEqual(['2', 'hug2']);
		expect(roundKeys('Wave 2.1')).toEqual(['2 1']);
		expect(roundKeys('3c')).toEqual(['3c']);
	});
});
