/** The file's own text of the rows an import preview shows. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRowCells } from './preview-cells';

const dir = mkdtempSync(join(tmpdir(), 'nzl-preview-cells-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRowCells', () => {
	it('gives the wanted rows by column name, in the order asked, as the file wrote them', async () => {
		const path = join(dir, 'bids.csv');
		writeFileSync(
			path,
			'\uFEFFreference,amount_requested,submitted_on\n' +
				'A,"£2,400,000",25/11/2024\n' +
				'B,bad,\n' +
				'C,£1.9m,01/02/2025\n'
		);
		await expect(readRowCells(path, [4, 2])).resolves.toEqual([
			{ reference: 'C', amount_requested: '£1.9m', submitted_on: '01/02/2025' },
			{ reference: 'A', amount_requested: '£2,400,000', submitted_on: '25/11/2024' }
		]);
	});

	it('reads nothing for no rows, and an empty record for a row the file lacks', async () => {
		const path = join(dir, 'short.csv');
		writeFileSync(path, 'a,b\n1,2\n');
		await expect(readRowCells(path, [])).resolves.toEqual([]);
		await expect(readRowCells(path, [2, 9])).resolves.toEqual([{ a: '1', b: '2' }, {}]);
	});
});
