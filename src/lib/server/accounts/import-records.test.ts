import { describe, expect, it } from 'vitest';
import type { IssueGroup } from '../rows/issues';
import { seesBatchDetail, setAsideRowsVisible, visibleBatch } from './import-records';
import type { Viewer } from './viewer';

const PUBLIC: Viewer = { role: 'public' };
const ADMIN: Viewer = { role: 'admin', userId: 1, email: 'a@example.org' };
const TRF: Viewer = {
	role: 'officer',
	userId: 2,
	email: 'o@trafford.example',
	authorities: ['TRF']
};
const TRF2: Viewer = {
	role: 'officer',
	userId: 3,
	email: 'p@trafford.example',
	authorities: ['TRF']
};

const officerBids = { feed: 'bids', importedBy: 'o@trafford.example', isSample: false };
const national = { feed: 'desnz-ghg', importedBy: 'a@example.org', isSample: false };
const sample = { feed: 'bids', importedBy: 'sample data', isSample: true };

const group: IssueGroup = {
	severity: 'error',
	code: 'invalid_number',
	column: 'officer_days',
	message: 'expected a number',
	count: 2,
	rows: [3, 7],
	values: ['forty (draft: confidential)']
};

describe('what a viewer reads of an import', () => {
	it('keeps an officer’s file name and quoted values from the public and other officers', () => {
		for (const viewer of [PUBLIC, TRF2]) expect(seesBatchDetail(officerBids, viewer)).toBe(false);
		for (const viewer of [ADMIN, TRF]) expect(seesBatchDetail(officerBids, viewer)).toBe(true);
		const shown = visibleBatch(
			{ ...officerBids, fileName: 'Trafford draft bids CONFIDENTIAL.csv', groups: [group] },
			PUBLIC,
			'Bids'
		);
		expect(shown.fileName).toBe('A file for the Bids feed');
		expect(shown.groups).toEqual([{ ...group, values: [] }]);
		expect(shown.detailWithheld).toBe(true);
	});

	it('shows national datasets and sample data to everyone', () => {
		for (const batch of [national, sample]) expect(seesBatchDetail(batch, PUBLIC)).toBe(true);
	});

	it('gives set-aside rows to admins and the importer whole, to officers by council, to no one else', () => {
		expect(setAsideRowsVisible(officerBids, ADMIN)).toEqual({ all: true });
		expect(setAsideRowsVisible(officerBids, TRF)).toEqual({ all: true });
		expect(setAsideRowsVisible(officerBids, TRF2)).toEqual({ all: false, councils: ['TRF'] });
		expect(setAsideRowsVisible(officerBids, PUBLIC)).toBeNull();
		// Public data, but its set-aside rows are still only counted for the public.
		expect(setAsideRowsVisible(national, PUBLIC)).toBeNull();
	});
});
