import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { ImportReport } from '../import/run-import';
import {
	countRows,
	createFixtureDb,
	FEED_FIXTURES,
	fixture,
	importFile
} from '../../../../tests/helpers/db';
import { parseConsortiumNote } from './consortium-note';

let handle: DbHandle;
let report: ImportReport;

beforeAll(async () => {
	handle = await createFixtureDb();
	report = await importFile(handle, 'funding-facts', FEED_FIXTURES['funding-facts']);
});
afterAll(() => handle.close());

const competitionId = (scheme: string, round: string) =>
	handle.sqlite
		.prepare('SELECT id FROM competitions WHERE scheme = ? AND round = ?')
		.pluck()
		.get(scheme, round) as number;
const awardsIn = (id: number) =>
	handle.sqlite
		.prepare('SELECT * FROM awards WHERE competition_id = ? ORDER BY id')
		.all(id) as Record<string, unknown>[];
const partnersOf = (awardId: unknown) =>
	handle.sqlite
		.prepare('SELECT authority_code, name FROM partners WHERE award_id = ? ORDER BY id')
		.all(awardId) as { authority_code: string | null; name: string }[];

describe('funding-facts feed', () => {
	it('commits every fixture row with no problems', () => {
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 57,
			rowsAccepted: 57,
			rowsRejected: 0,
			fatal: null
		});
		expect(report.groups).toEqual([]);
	});

	it('stores the HUG2 Blackpool £41.4m consortium award once, against BPL, with 12 partners', () => {
		const hug2 = competitionId('Home Upgrade Grant', 'Phase 2 (HUG2)');
		const big = awardsIn(hug2).filter((a) => a.amount_gbp === 41400000);
		expect(big).toHaveLength(1);
		expect(big[0]).toMatchObject({
			authority_code: 'BPL',
			kind: 'award',
			is_consortium: 1,
			award_date: '2023-03-22',
			recipient_name: 'Blackpool Council'
		});
		const partners = partnersOf(big[0]!.id);
		expect(partners.map((p) => p.authority_code)).toEqual([
			'BBD',
			'BUN',
			'CHO',
			'HYN',
			'LAC',
			'PEN',
			'PRE',
			'RIB',
			'ROS',
			'SRI',
			'WLA',
			'WYR'
		]);
		expect(partners[0]!.name).toBe('Blackburn with Darwen');
		// the partners got no award rows of their own
		const partnerAwards = handle.sqlite
			.prepare(
				"SELECT count(*) FROM awards WHERE competition_id = ? AND authority_code IN ('BBD','BUN','WYR')"
			)
			.pluck()
			.get(hug2);
		expect(partnerAwards).toBe(0);
	});

	it('marks the superseded SHDF Wave 2.2 deadline as replaced by the extension', () => {
		const wave = competitionId('Social Housing Decarbonisation Fund', 'Wave 2.2');
		const closes = handle.sqlite
			.prepare(
				"SELECT id, date, time, superseded_by_id FROM competition_dates WHERE competition_id = ? AND event = 'closes' ORDER BY date"
			)
			.all(wave) as { id: number; date: string; time: string; superseded_by_id: number | null }[];
		expect(closes).toHaveLength(2);
		const [original, extended] = closes;
		expect(original).toMatchObject({
			date: '2024-01-19',
			time: '23:59',
			superseded_by_id: extended!.id
		});
		expect(extended).toMatchObject({ date: '2024-01-31', superseded_by_id: null });
	});

	it('marks a failed-portal window as replaced by its re-run', () => {
		const psds = competitionId('Public Sector Decarbonisation Scheme', 'Phase 3c');
		const opens = handle.sqlite
			.prepare(
				"SELECT id, date, superseded_by_id FROM competition_dates WHERE competition_id = ? AND event = 'opens' ORDER BY date"
			)
			.all(psds) as { id: number; date: string; superseded_by_id: number | null }[];
		expect(opens.map((o) => o.date)).toEqual(['2023-10-10', '2023-11-07']);
		expect(opens[0]!.superseded_by_id).toBe(opens[1]!.id);
	});

	it('resolves "LB Waltham Forest" to WFT', () => {
		const wave = competitionId('Social Housing Decarbonisation Fund', 'Wave 2.2');
		expect(awardsIn(wave).find((a) => a.recipient_name === 'LB Waltham Forest')).toMatchObject({
			authority_code: 'WFT',
			amount_gbp: 1449000
		});
	});

	it('splits a joint recipient into a lead and partner', () => {
		const wave = competitionId('Social Housing Decarbonisation Fund', 'Wave 2.2');
		const joint = awardsIn(wave).find((a) => a.authority_code === 'BAB')!;
		expect(joint).toMatchObject({ is_consortium: 1, amount_gbp: 1593000 });
		expect(partnersOf(joint.id)).toEqual([{ authority_code: 'MSU', name: 'Mid Suffolk' }]);
		expect(awardsIn(wave).filter((a) => a.authority_code === 'MSU')).toEqual([]);
	});

	it('records budgets and totals as competition facts', () => {
		const hug2 = competitionId('Home Upgrade Grant', 'Phase 2 (HUG2)');
		expect(
			handle.sqlite
				.prepare('SELECT budget_gbp, decision_date FROM competitions WHERE id = ?')
				.get(hug2)
		).toEqual({ budget_gbp: 630000000, decision_date: '2023-03-22' });
		expect(countRows(handle, 'competition_facts')).toBe(12);
	});

	it('re-import writes nothing and keeps the partner lists', async () => {
		const before = {
			awards: countRows(handle, 'awards'),
			partners: countRows(handle, 'partners'),
			dates: countRows(handle, 'competition_dates')
		};
		const again = await importFile(handle, 'funding-facts', FEED_FIXTURES['funding-facts']);
		expect(again).toMatchObject({ status: 'committed', rowsWritten: 0 });
		expect({
			awards: countRows(handle, 'awards'),
			partners: countRows(handle, 'partners'),
			dates: countRows(handle, 'competition_dates')
		}).toEqual(before);
	});

	it('rejects an award naming a council nobody knows, naming it', async () => {
		const csv =
			'scheme,round,fact_type,date,time,amount_gbp,recipient_or_scope,notes,source_url\nHome Upgrade Grant,Phase 2 (HUG2),award,2023-03-22,,£1.2m,Borsetshire District Council,,\n';
		const r = await importFile(handle, 'funding-facts', csv);
		expect(r.status).toBe('rejected');
		expect(r.groups).toEqual([
			expect.objectContaining({
				code: 'unknown_authority',
				column: 'recipient_or_scope',
				message: 'unknown authority "Borsetshire District Council"'
			})
		]);
	});

	// An unknown name is reported with the nearest known council, so a misspelling is fixed at once.
	it('names the nearest known council beside a misspelt one', async () => {
		const csv =
			'scheme,round,fact_type,date,time,amount_gbp,recipient_or_scope,notes,source_url\nHome Upgrade Grant,Phase 2 (HUG2),award,2023-03-22,,£1.2m,Traford Council,,\n';
		const r = await importFile(handle, 'funding-facts', csv, { dryRun: true });
		expect(r.groups.map((g) => g.message)).toEqual([
			'unknown authority "Traford Council" (nearest known: Trafford (TRF))'
		]);
	});

	// Reported: the "needs a date" check runs in the writer, after the pipeline has counted the row
	// as accepted, so accept-valid mode sets the row aside but reports rowsRejected 0.
	it('counts an opening fact with no date as rejected, not accepted', async () => {
		const csv =
			'scheme,round,fact_type,date\nHome Upgrade Grant,Phase 9,application_open,\nHome Upgrade Grant,Phase 9,application_close,2024-01-31\n';
		const r = await importFile(handle, 'funding-facts', csv, {
			mode: 'accept-valid',
			dryRun: true
		});
		expect(r.groups).toEqual([
			expect.objectContaining({
				severity: 'error',
				column: 'date',
				message: 'an opening or closing fact needs a date',
				rows: [2]
			})
		]);
		expect(r).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
	});
});

describe('funding-facts feed, 2025–2026 rows', () => {
	let later: DbHandle;
	let r: ImportReport;
	beforeAll(async () => {
		later = await createFixtureDb();
		r = await importFile(later, 'funding-facts', fixture('funding_facts_2025_2026.csv'));
	});
	afterAll(() => later.close());
	const facts = (type: string) =>
		later.sqlite
			.prepare('SELECT amount_gbp, scope FROM competition_facts WHERE fact_type = ? ORDER BY id')
			.all(type);

	it('imports every row, the new fact types included', () => {
		expect(r).toMatchObject({ status: 'committed', rowsRead: 5, rowsAccepted: 5, rowsRejected: 0 });
		expect(r.groups.filter((g) => g.severity !== 'info')).toEqual([]);
	});

	it('stores a programme closing (no further rounds) as a fact of the scheme', () => {
		expect(facts('programme_closed')).toEqual([
			{ amount_gbp: null, scope: 'England public sector' }
		]);
		// Its round, written "(scheme)" in the file, is the whole scheme, not a round named so.
		const rounds = later.sqlite
			.prepare(
				"SELECT round FROM competitions WHERE scheme = 'Public Sector Decarbonisation Scheme'"
			)
			.pluck()
			.all();
		expect(rounds).toEqual(['Whole scheme']);
	});

	it('keeps a formula allocation with no one amount, and a declined offer, as facts, not awards', () => {
		expect(facts('allocation')).toEqual([
			{ amount_gbp: 1500000, scope: 'Tonbridge and Malling Borough Council' },
			{ amount_gbp: null, scope: 'Tier 1 LAs and combined authorities in England' }
		]);
		const awards = later.sqlite
			.prepare('SELECT authority_code, kind, amount_gbp FROM awards ORDER BY id')
			.all();
		expect(awards).toEqual([
			{ authority_code: 'GRY', kind: 'award', amount_gbp: 5498108 },
			{ authority_code: 'CPCA', kind: 'allocation', amount_gbp: 201720 }
		]);
		expect(r.groups.find((g) => g.code === 'offer_declined')).toMatchObject({
			severity: 'info',
			values: ['Tonbridge and Malling Borough Council'],
			rows: [3]
		});
	});

	// Reported: "2025 awards (14 Feb)" and "£68m round (8 projects)" were round names.
	it('keeps a note written beside a round’s name as the round’s notes', async () => {
		const csv =
			'scheme,round,fact_type,date,amount_gbp,recipient_or_scope,notes,source_url\n' +
			'Green Heat Network Fund,2025 awards (14 Feb),awards_announced,14/02/2025,34000000,4 projects,,https://example.org/a\n' +
			'Green Heat Network Fund,2025 awards,award,14/02/2025,6950000,East Devon District Council,,https://example.org/a\n';
		expect((await importFile(later, 'funding-facts', csv)).status).toBe('committed');
		const rounds = later.sqlite
			.prepare("SELECT round, notes FROM competitions WHERE scheme = 'Green Heat Network Fund'")
			.all();
		expect(rounds).toEqual([{ round: '2025 awards', notes: '14 Feb' }]);
	});
});

describe('parseConsortiumNote', () => {
	it('lists partners after "Consortium lead:"', () => {
		expect(
			parseConsortiumNote('Consortium lead: Bath and North East Somerset, North Somerset')
		).toEqual({
			isConsortium: true,
			partnerNames: ['Bath and North East Somerset', 'North Somerset'],
			jointPhrase: null
		});
	});

	it('keeps a joint-bid phrase whole, to split only if every part resolves', () => {
		expect(
			parseConsortiumNote('Joint bid with Scottish Borders and South Lanarkshire (£20m)')
		).toEqual({
			isConsortium: true,
			partnerNames: [],
			jointPhrase: 'Scottish Borders and South Lanarkshire'
		});
		expect(parseConsortiumNote('Consortium lead for ~30 LAs')).toEqual({
			isConsortium: true,
			partnerNames: [],
			jointPhrase: null
		});
		expect(parseConsortiumNote('Town Centre Access Scheme')).toEqual({
			isConsortium: false,
			partnerNames: [],
			jointPhrase: null
		});
	});
});

describe('funding-facts feed, a file lacking some columns', () => {
	let db: DbHandle;
	let partial: ImportReport;
	const full =
		'scheme,round,fact_type,date,time,amount_gbp,recipient_or_scope,notes,source_url\n' +
		'Home Upgrade Grant,Phase 2 (HUG2),award,2023-03-22,,£1.2m,LB Waltham Forest,Rounded figure,https://www.gov.uk/hug2\n' +
		'Home Upgrade Grant,Phase 2 (HUG2),application_close,2022-11-30,12:00,,,Deadline,https://www.gov.uk/hug2-dates\n';
	const lacking =
		'scheme,round,fact_type,date,amount_gbp,recipient_or_scope\n' +
		'Home Upgrade Grant,Phase 2 (HUG2),award,2023-03-22,£1.2m,LB Waltham Forest\n' +
		'Home Upgrade Grant,Phase 2 (HUG2),application_close,2022-11-30,,\n';
	beforeAll(async () => {
		db = await createFixtureDb();
		await importFile(db, 'funding-facts', full);
		partial = await importFile(db, 'funding-facts', lacking);
	});
	afterAll(() => db.close());

	it('keeps the notes, time and source stored from an earlier file', () => {
		expect(partial).toMatchObject({ status: 'committed', rowsWritten: 0 });
		expect(db.sqlite.prepare('SELECT authority_code, notes, source_url FROM awards').all()).toEqual(
			[{ authority_code: 'WFT', notes: 'Rounded figure', source_url: 'https://www.gov.uk/hug2' }]
		);
		expect(db.sqlite.prepare('SELECT time, note, source_url FROM competition_dates').all()).toEqual(
			[{ time: '12:00', note: 'Deadline', source_url: 'https://www.gov.uk/hug2-dates' }]
		);
	});
});
