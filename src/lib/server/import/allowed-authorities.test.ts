/**
 * An officer's import is limited to their councils: a file with one row for another council is
 * refused whole, naming the row, even when the valid rows could be kept; a consortium their
 * council leads, with other councils as partners, is theirs; an admin (no limit) imports it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, importFile, loadAuthorities } from '../../../../tests/helpers/db';
import type { DbHandle } from '../db/client';

let handle: DbHandle;
beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
});
afterAll(() => handle.close());

const HEADER =
	'Council,Scope,Net zero year,Base year,Baseline emissions (kt CO2e),Interim targets,Target wording,Source';
const TARGETS = [
	HEADER,
	'Trafford,Whole area,2038,2005,"1,200",,Trafford will be net zero by 2038,',
	'MAN,Whole area,2038,2005,"3,100",,Manchester will be net zero by 2038,'
].join('\n');
const count = () => handle.sqlite.prepare('SELECT count(*) FROM targets').pluck().get();

describe('an officer’s import', () => {
	it('is refused whole when a row is for another council, the row named', async () => {
		for (const mode of ['strict', 'accept-valid'] as const) {
			const report = await importFile(handle, 'targets', TARGETS, {
				allowedAuthorities: ['TRF'],
				mode
			});
			expect(report.status).toBe('rejected');
			expect(report.fatal).toMatch(/row 3\b/);
			expect(report.fatal).toMatch(/You may import only for TRF/);
			const group = report.groups.find((g) => g.code === 'not_your_authority')!;
			expect(group.message).toMatch(/Manchester \(MAN\)/);
			expect(count()).toBe(0);
		}
	});

	it('may name other councils as partners of a bid its council leads', async () => {
		const csv = [
			'Bid reference,Lead council,Scheme name,Round,Project title,Amount requested,Bid status,Partner councils',
			'TRF-1,Trafford,Test Fund,1,Heat pumps,"£100,000",Submitted,Manchester; Salford'
		].join('\n');
		const report = await importFile(handle, 'bids', csv, { allowedAuthorities: ['TRF'] });
		expect(report.fatal).toBeNull();
		expect(report.status).toBe('committed');
	});

	it('is not limited for an admin', async () => {
		const report = await importFile(handle, 'targets', TARGETS, { allowedAuthorities: null });
		expect(report.status).toBe('committed');
		expect(count()).toBe(2);
	});
});
