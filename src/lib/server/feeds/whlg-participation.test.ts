import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import type { ImportReport } from '../import/run-import';
import {
	countRows,
	createFixtureDb,
	dataDigest,
	FEED_FIXTURES,
	importFile
} from '../../../../tests/helpers/db';

let handle: DbHandle;
let report: ImportReport;

beforeAll(async () => {
	handle = await createFixtureDb();
	report = await importFile(handle, 'whlg-participation', FEED_FIXTURES['whlg-participation']);
});
afterAll(() => handle.close());

const participation = (code: string) =>
	handle.sqlite
		.prepare(
			'SELECT status, lead_authority_code, lead_name, website_url FROM participations WHERE authority_code = ?'
		)
		.get(code);

describe('whlg-participation feed', () => {
	it('commits every fixture row (a CRLF file) into the WH:LG competition', () => {
		expect(report).toMatchObject({
			status: 'committed',
			rowsRead: 9,
			rowsAccepted: 9,
			rowsRejected: 0
		});
		expect(report.groups).toEqual([]);
		expect(countRows(handle, 'participations')).toBe(9);
		const competitions = handle.sqlite
			.prepare('SELECT scheme, round, kind FROM competitions')
			.all();
		expect(competitions).toEqual([
			{ scheme: 'Warm Homes: Local Grant', round: '2025-28', kind: 'expression_of_interest' }
		]);
	});

	it('resolves councils by name, and consortium leads too', () => {
		expect(participation('BNE')).toEqual({
			status: 'Live',
			lead_authority_code: 'GLA',
			lead_name: 'Greater London Authority',
			website_url: 'https://www.barnet.gov.uk/'
		});
		expect(participation('KIN')).toMatchObject({ status: 'Live', lead_authority_code: 'BRO' });
		expect(participation('HYN')).toMatchObject({ lead_authority_code: 'BPL' });
		expect(participation('TRF')).toMatchObject({
			status: 'NotParticipating',
			lead_authority_code: 'GMCA'
		});
		expect(participation('WFT')).toMatchObject({ lead_authority_code: null, lead_name: null });
	});

	it('reports an unknown council as an unknown_authority error naming the value', async () => {
		const csv = [
			'os_custodian_code,la_name,whlg_status,website_url,income_threshold_gbp,consortium',
			'5090,Barnet Council,Live,https://www.barnet.gov.uk/,36000,',
			'9999,Borsetshire District Council,Live,https://example.org/,36000,'
		].join('\r\n');
		const r = await importFile(handle, 'whlg-participation', csv, { mode: 'accept-valid' });
		expect(r).toMatchObject({ status: 'committed', rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
		expect(r.groups).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'unknown_authority',
				column: 'la_name',
				message: 'unknown authority "Borsetshire District Council"',
				count: 1,
				rows: [3]
			})
		]);
	});

	it('keeps a consortium lead that is not a council by name, with a warning', async () => {
		const csv = 'la_name,whlg_status,consortium\nBarnet Council,Live,Central Lincolnshire\n';
		const r = await importFile(handle, 'whlg-participation', csv);
		expect(r.status).toBe('committed');
		expect(r.groups).toEqual([
			expect.objectContaining({
				severity: 'warning',
				code: 'lead_not_a_council',
				column: 'consortium'
			})
		]);
		expect(participation('BNE')).toMatchObject({
			lead_authority_code: null,
			lead_name: 'Central Lincolnshire'
		});
	});

	it('rejects a status DESNZ does not use', async () => {
		const r = await importFile(
			handle,
			'whlg-participation',
			'la_name,whlg_status\nBarnet Council,Maybe\n'
		);
		expect(r.status).toBe('rejected');
		expect(r.groups[0]).toMatchObject({ code: 'invalid_value', column: 'whlg_status', rows: [2] });
		expect(r.groups[0]!.message).toContain('expected one of Live');
	});
});

// Reported: mapping a HUG2 participation sheet's status column onto this feed with --accept-valid
// stored 126 HUG2 statuses as Warm Homes: Local Grant participation (the status words are the same).
describe('a participation file for another scheme', () => {
	const HUG2 = 'la_name,hug2_status,website_url\nBarnet Council,Live,https://www.barnet.gov.uk/\n';

	it('is refused whole when a column it reads is named for another scheme', async () => {
		const db = await createFixtureDb();
		try {
			const before = dataDigest(db);
			const r = await importFile(db, 'whlg-participation', HUG2, {
				headerMap: { hug2_status: 'whlg_status' },
				mode: 'accept-valid'
			});
			expect(r).toMatchObject({ status: 'rejected', rowsWritten: 0 });
			expect(r.fatal).toBe(
				'This file is for Home Upgrade Grant, not Warm Homes: Local Grant: its column "hug2_status" says so. Nothing was imported; import it with a feed for Home Upgrade Grant, if there is one.'
			);
			expect(dataDigest(db)).toEqual(before);
		} finally {
			db.close();
		}
	});

	it('is refused whole when its scheme column or its name says so, even keeping valid rows', async () => {
		const db = await createFixtureDb();
		try {
			const before = dataDigest(db);
			const mixed =
				'la_name,whlg_status,scheme\nBarnet Council,Live,WH:LG\nTrafford Council,Live,HUG2\n';
			const r = await importFile(db, 'whlg-participation', mixed, { mode: 'accept-valid' });
			expect(r).toMatchObject({ status: 'rejected', rowsWritten: 0 });
			expect(r.fatal).toBe(
				'This file has 1 row for another scheme ("HUG2"): row 3. A file for one scheme is not imported as another\'s. Nothing was imported.'
			);
			const named = await importFile(
				db,
				'whlg-participation',
				'la_name,status\nBarnet Council,Live\n',
				{
					headerMap: { status: 'whlg_status' },
					fileName: 'hug2-participation.csv'
				}
			);
			expect(named.fatal).toMatch(
				/^This file is for Home Upgrade Grant, not Warm Homes: Local Grant: its name "hug2-participation.csv" says so/
			);
			expect(dataDigest(db)).toEqual(before);
			// Its own scheme, however written, is imported.
			const own = await importFile(
				db,
				'whlg-participation',
				'la_name,whlg_status,scheme\nBarnet Council,Live,Warm Homes: Local Grant\n',
				{ fileName: 'whlg-2025.csv' }
			);
			expect(own.status).toBe('committed');
		} finally {
			db.close();
		}
	});
});
