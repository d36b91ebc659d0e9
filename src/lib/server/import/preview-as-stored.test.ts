import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb } from '../../../../tests/helpers/db';
import { previewAsStored } from './preview-as-stored';

let handle: DbHandle;
beforeAll(async () => {
	// Funding facts hold the stored rounds, e.g. Home Upgrade Grant "Phase 2 (HUG2)".
	handle = await createFixtureDb(['funding-facts']);
});
afterAll(() => handle.close());

describe('previewAsStored', () => {
	// Reported: "PSDS Phase 3c" previewed with round "—" while its note said scheme and round.
	it("shows a bid's scheme and round as the bid will be stored", () => {
		const rows = [
			{ reference: 'A', scheme: 'PSDS Phase 3c', round: null },
			{ reference: 'B', scheme: 'HUG2', round: null },
			{ reference: 'C', scheme: 'Our own fund', round: 'Round 1' },
			{ reference: 'D', scheme: 'Public Sector Decarbonisation Scheme', round: null }
		];
		expect(previewAsStored(handle.db, 'bids', rows)).toEqual([
			{ reference: 'A', scheme: 'Public Sector Decarbonisation Scheme', round: 'Phase 3c' },
			{ reference: 'B', scheme: 'Home Upgrade Grant', round: 'Phase 2 (HUG2)' },
			{ reference: 'C', scheme: 'Our own fund', round: 'Round 1' },
			{ reference: 'D', scheme: 'Public Sector Decarbonisation Scheme', round: null }
		]);
	});

	it("leaves other feeds' rows as they are", () => {
		const rows = [{ scheme: 'PSDS Phase 3c', round: null }];
		expect(previewAsStored(handle.db, 'funding-facts', rows)).toBe(rows);
	});
});
