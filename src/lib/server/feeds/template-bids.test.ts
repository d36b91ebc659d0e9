import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { AnyFeed } from '../rows/feed';
import {
	countRows,
	createTestDb,
	dataDigest,
	fixture,
	importFile,
	loadAuthorities
} from '../../../../tests/helpers/db';
import { templateActionsFeed } from './template-actions';
import { templateBidsFeed } from './template-bids';
import { templateCompetitionsFeed } from './template-competitions';

const FILE = fixture('templates/bids.csv');
const HEADER = readFileSync(FILE, 'utf8').split('\n')[0]!;

let handle: DbHandle;
const load = (source: string, feed: AnyFeed = templateBidsFeed) =>
	importFile(handle, feed.key, source);

beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
	await load(fixture('templates/actions.csv'), templateActionsFeed);
	// The published rounds: Test Decarbonisation Fund Phase 2 is one, its Phase 3 is not.
	await load(fixture('templates/competitions.csv'), templateCompetitionsFeed);
});
const publishedRound = (scheme: string, round: string) =>
	(
		handle.sqlite
			.prepare('SELECT id FROM competitions WHERE scheme = ? AND round = ?')
			.get(scheme, round) as { id: number } | undefined
	)?.id;
afterAll(() => handle.close());

const all = (sql: string, ...params: unknown[]) =>
	handle.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
const bid = (reference: string) =>
	handle.sqlite.prepare('SELECT * FROM bids WHERE reference = ?').get(reference) as Record<
		string,
		unknown
	>;
const history = (reference: string) =>
	all(
		'SELECT h.status, h.on_date FROM bid_status_history h JOIN bids b ON b.id = h.bid_id WHERE b.reference = ? ORDER BY h.on_date',
		reference
	);

describe('bids template', () => {
	it('imports the fixture: amounts, statuses, dates and successors', async () => {
		const report = await load(FILE);
		expect(report).toMatchObject({ status: 'committed', rowsRead: 3, rowsWritten: 3, fatal: null });
		expect(report.groups.filter((g) => g.severity === 'error')).toEqual([]);
		expect(bid('LDS-2024-07')).toMatchObject({
			lead_authority_code: 'LDS',
			title: 'Heat pumps for six leisure centres',
			requested_gbp: 2_400_000,
			awarded_gbp: 1_900_000,
			status: 'won',
			submitted_on: '2024-11-28',
			decided_on: '2025-03-14',
			officer_days: 35,
			bid_cost_gbp: 12_500,
			is_sample: 0,
			batch_id: report.batchId
		});
		expect(bid('LDS-2024-09')).toMatchObject({ status: 'lost', lead_authority_code: 'LDS' });
		expect(bid('LDS-2025-01')).toMatchObject({ status: 'drafting', officer_days: 4.5 });
		expect(history('LDS-2024-07')).toEqual([{ status: 'won', on_date: '2025-03-14' }]);
		expect(history('LDS-2024-09')).toEqual([{ status: 'lost', on_date: '2024-12-20' }]);
		expect(history('LDS-2025-01')).toEqual([{ status: 'drafting', on_date: '2025-02-03' }]);
		expect(report.groups).toContainEqual(
			expect.objectContaining({ severity: 'info', code: 'successor_used', values: ['Allerdale'] })
		);
	});

	// Reported: status_date stayed null when only the decision date was given, though the
	// template says it defaults to it.
	it('dates a status the file does not date by the decision or submission it implies', () => {
		expect(bid('LDS-2024-07')).toMatchObject({ status: 'won', status_date: '2025-03-14' });
		expect(bid('LDS-2024-09')).toMatchObject({ status: 'lost', status_date: '2024-12-20' });
		expect(bid('LDS-2025-01')).toMatchObject({ status: 'drafting', status_date: '2025-02-03' });
	});

	it('stores council partners resolved and other partners by kind', () => {
		const id = bid('LDS-2024-07').id;
		expect(
			all('SELECT authority_code, name, kind FROM partners WHERE bid_id = ? ORDER BY id', id)
		).toEqual([
			{ authority_code: 'BRD', name: 'Bradford', kind: 'authority' },
			{ authority_code: 'CLD', name: 'Calderdale', kind: 'authority' },
			{ authority_code: 'KIR', name: 'Kirklees', kind: 'authority' },
			{ authority_code: null, name: 'Leeds Teaching Hospitals NHS Trust', kind: 'nhs' },
			{ authority_code: null, name: 'University of Leeds', kind: 'university' },
			{ authority_code: null, name: 'Leeds Community Energy', kind: 'other' }
		]);
		const drafting = bid('LDS-2025-01').id;
		expect(
			all('SELECT authority_code FROM partners WHERE bid_id = ? ORDER BY id', drafting)
		).toEqual([{ authority_code: 'WKF' }, { authority_code: 'CBD' }]);
	});

	it('joins a published round, and keeps a round the catalogue lacks as the council’s words', async () => {
		expect(bid('LDS-2024-07')).toMatchObject({
			competition_id: publishedRound('Test Decarbonisation Fund', 'Phase 2'),
			scheme: 'Test Decarbonisation Fund',
			round: 'Phase 2'
		});
		expect(bid('LDS-2025-01')).toMatchObject({
			competition_id: null,
			scheme: 'Test Decarbonisation Fund',
			round: 'Phase 3'
		});
		expect(publishedRound('Test Decarbonisation Fund', 'Phase 3')).toBeUndefined();
		const report = await load(FILE);
		expect(report.groups).toContainEqual(
			expect.objectContaining({ code: 'round_not_published', rows: [3, 4] })
		);
	});

	it('makes no award of a won bid: the published award lists are not the council’s ledger', () => {
		expect(all('SELECT * FROM awards')).toEqual([]);
		expect(all('SELECT * FROM partners WHERE award_id IS NOT NULL')).toEqual([]);
	});

	it('links the actions named in linked_actions', () => {
		const links = all(
			'SELECT a.reference FROM action_funding f JOIN actions a ON a.id = f.action_id WHERE f.bid_id = ? ORDER BY a.reference',
			bid('LDS-2024-07').id
		);
		expect(links.map((l) => l.reference)).toEqual(['ACT-014', 'ACT-022']);
	});

	it('writes nothing when the same file is imported again', async () => {
		const before = dataDigest(handle);
		const again = await load(FILE);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0, rowsUnchanged: 3 });
		expect(dataDigest(handle)).toEqual(before);
	});

	it('adds to the status history when a status changes, and only then', async () => {
		const text = readFileSync(FILE, 'utf8').replace(
			'In preparation,03/02/2025,,',
			'Submitted,,01/04/2025,'
		);
		expect((await load(text)).rowsWritten).toBe(1);
		expect(history('LDS-2025-01')).toEqual([
			{ status: 'drafting', on_date: '2025-02-03' },
			{ status: 'submitted', on_date: '2025-04-01' }
		]);
		expect((await load(text)).rowsWritten).toBe(0);
	});

	it('links a won bid to the published award of the same money: one sum, two records', async () => {
		const round = publishedRound('Test Decarbonisation Fund', 'Phase 2')!;
		handle.sqlite
			.prepare(
				"INSERT INTO awards (competition_id, authority_code, kind, amount_gbp, recipient_name) VALUES (?, 'LDS', 'award', 1900000, 'Leeds City Council')"
			)
			.run(round);
		const report = await load(FILE);
		expect(report.groups).toContainEqual(expect.objectContaining({ code: 'award_linked' }));
		expect(all('SELECT bid_id, recipient_name FROM awards')).toEqual([
			{ bid_id: bid('LDS-2024-07').id, recipient_name: 'Leeds City Council' }
		]);
	});

	it('unlinks the published award, and leaves it, when the won bid is corrected to lost', async () => {
		const text = readFileSync(FILE, 'utf8').replace('£1.9m,Successful', ',Unsuccessful');
		await load(text);
		expect(all('SELECT bid_id, amount_gbp FROM awards')).toEqual([
			{ bid_id: null, amount_gbp: 1_900_000 }
		]);
		expect(countRows(handle, 'awards')).toBe(1);
	});

	it('does not set a bid back with an older row of it, unless asked', async () => {
		const older = `${HEADER}\nLDS-2025-01,LDS,Test Decarbonisation Fund,Phase 3,School solar,£700k,,In preparation,03/02/2025,,,,,,,,,\n`;
		const before = dataDigest(handle);
		const report = await load(older);
		// The stored bid was submitted on 1 April 2025 (an earlier test): the drafting row dated
		// 3 February is older, and every value of it that differs is kept back, and counted.
		expect(report).toMatchObject({ status: 'committed', rowsWritten: 0, valuesSetBack: 5 });
		expect(report.groups).toContainEqual(
			expect.objectContaining({ code: 'older_than_stored', column: 'status_date', rows: [2] })
		);
		expect(dataDigest(handle)).toEqual(before);
		const asked = await importFile(handle, 'bids', older, { allowOlder: true, dryRun: true });
		expect(asked).toMatchObject({ status: 'dry-run', rowsWritten: 1, valuesSetBack: 5 });
	});

	// Reported: a row using the template's example scheme said only "this is the template's
	// example", hiding an unknown council, an ANSI escape in a council name and officer_days −40.
	it("reports every problem of a row that is the template's example, not only that", async () => {
		const report = await load(
			`${HEADER}\n` +
				'X-1,Narnia,Example Decarbonisation Fund,Phase 2,A bid,,,Won,,,,-40,,,,,,\n' +
				'X-2,\x1b[31mLeeds\x1b[0m,Example Decarbonisation Fund,Phase 2,A bid,,,Won,,,,,,,,,,\n'
		);
		expect(report.status).toBe('rejected');
		const problems = report.groups.map((g) => [g.code, g.column, g.rows, g.values]);
		expect(problems).toEqual(
			expect.arrayContaining([
				['template_example', 'scheme', [2, 3], ['Example Decarbonisation Fund']],
				['unknown_authority', 'lead_authority', [2], ['Narnia']],
				['invalid_value', 'officer_days', [2], ['-40']],
				['control_character', 'Lead council', [3], ['\\x1b[31mLeeds\\x1b[0m']],
				['unknown_authority', 'lead_authority', [3], ['[31mLeeds[0m']]
			])
		);
	});

	it('rejects bad rows, naming row, column, value and what was expected', async () => {
		const before = dataDigest(handle);
		const report = await load(
			`${HEADER}\nX-1,Atlantis,Test Decarbonisation Fund,Phase 2,A bid,,,Won,,,,,,,,,,\nX-2,LDS,Test Decarbonisation Fund,Phase 2,A bid,,,maybe,,,,,,,,,,\n`
		);
		expect(report.status).toBe('rejected');
		expect(report.groups.filter((g) => g.severity === 'error')).toEqual([
			expect.objectContaining({
				code: 'unknown_authority',
				column: 'lead_authority',
				values: ['Atlantis'],
				rows: [2],
				message: 'unknown authority "Atlantis"'
			}),
			expect.objectContaining({
				code: 'invalid_value',
				column: 'status',
				values: ['maybe'],
				rows: [3],
				message: 'expected idea, drafting, submitted, won, lost or withdrawn'
			})
		]);
		expect(dataDigest(handle)).toEqual(before);
	});
});
