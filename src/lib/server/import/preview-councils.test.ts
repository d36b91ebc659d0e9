/**
 * A check's preview says which council each row's council cell became, named from the register,
 * and when that was an abolished council's successor or only another name for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb, importFile, toCsv } from '../../../../tests/helpers/db';
import { describeCouncil } from '../../import-preview';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createFixtureDb();
});
afterAll(() => handle.close());

const HEADER = ['reference', 'lead_authority', 'scheme', 'round', 'title', 'status'];
const bid = (ref: string, council: string) => [ref, council, 'PSDS', 'Phase 4', 'Heat', 'won'];

describe('the preview names the council each row resolved to', () => {
	it('by name, alias, GSS code and through a successor; none for a refused row', async () => {
		const csv = toCsv([
			HEADER,
			bid('P-1', 'Preston'),
			bid('P-2', 'LB Waltham Forest'),
			bid('P-3', 'E07000123'),
			bid('P-4', 'Nowhere Shire'),
			bid('P-5', 'Allerdale')
		]);
		const report = await importFile(handle, 'bids', csv, {
			dryRun: true,
			mode: 'accept-valid',
			previewRows: 10
		});
		expect(report.preview.map((r) => r.reference)).toEqual(['P-1', 'P-2', 'P-3', 'P-5']);
		expect(report.previewCouncils.map((row) => row.map(describeCouncil))).toEqual([
			['Preston → Preston City Council (PRE)'],
			[
				'LB Waltham Forest → London Borough of Waltham Forest (WFT), matched by one of its other names'
			],
			['E07000123 → Preston City Council (PRE)'],
			[
				'Allerdale → Cumberland Council (CBD), successor of the abolished Allerdale Borough Council (ALL)'
			]
		]);
		expect(report.previewCouncils[0]![0]).toMatchObject({
			column: 'lead_authority',
			matchedBy: 'name',
			successorOf: null
		});
	});
});
