/**
 * Stored peers always match the data as it now is: after an import of an input, after importing
 * the same file again (nothing written), after undoing an import (recomputed, not restored from
 * the undo log), and at start-up on a database whose peers predate its data.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import {
	AUTHORITY_FILES,
	createFixtureDb,
	createTestDb,
	DATA_DIR,
	importFile,
	loadAuthorities,
	tableDigest
} from '../../../../tests/helpers/db';
import { similarCouncils } from '../metrics/similar-councils';
import { getSimilarCouncils } from '../queries/similar-councils';
import { similarCouncilsStale } from './similar-councils-refresh';
import { readSimilarityInputs } from './similarity-inputs';
import { undoImport } from './undo-import';
import { performWrite } from './write-worker';

const SHIPPED_EMISSIONS = join(
	DATA_DIR,
	'la-emissions-mysociety-2005-2020/local_authority_emissions.csv'
);
const digest = (h: DbHandle) =>
	`${tableDigest(h, 'similar_councils')} ${tableDigest(h, 'similarity_runs')}`;
const top = (h: DbHandle, code: string, type: 'emissions' | 'nearby' | 'overall', n = 3) =>
	getSimilarCouncils(code, h.db)
		.peers[type].slice(0, n)
		.map((p) => p.code);

/** The stored peers are those a fresh computation from the stored inputs gives. */
function expectCurrent(h: DbHandle) {
	expect(similarCouncilsStale(h)).toBe(false);
	const inputs = readSimilarityInputs(h.db);
	const fresh = similarCouncils(inputs.authorities, inputs.emissions);
	for (const code of ['TRF', 'MAN', 'KEN', 'CMD']) {
		const s = getSimilarCouncils(code, h.db);
		for (const type of ['emissions', 'nearby', 'overall'] as const) {
			expect(
				s.peers[type].map((p) => [p.code, p.match]),
				`${code} ${type}`
			).toEqual((fresh.peers[type].get(code) ?? []).map((p) => [p.code, p.match]));
		}
	}
}

/** The register's file with one council's rows changed. */
function registerWith(code: string, change: Record<string, string>): string {
	const parsed = Papa.parse<Record<string, string>>(readFileSync(AUTHORITY_FILES[0][1], 'utf8'), {
		header: true,
		skipEmptyLines: true
	});
	const rows = parsed.data
		.filter((r) => r['local-authority-code'] === code)
		.map((r) => ({ ...r, ...change }));
	return Papa.unparse(rows, { columns: parsed.meta.fields });
}

let handle: DbHandle;
let full: number;
beforeAll(async () => {
	handle = await createFixtureDb();
	full = (
		await importFile(handle, 'mysociety-emissions', SHIPPED_EMISSIONS, { mode: 'accept-valid' })
	).batchId!;
}, 180_000);
afterAll(() => handle?.close());

describe('similar councils follow their inputs', () => {
	it('writes nothing when the same file is imported again', async () => {
		const before = digest(handle);
		const again = await importFile(handle, 'mysociety-emissions', SHIPPED_EMISSIONS, {
			mode: 'accept-valid'
		});
		expect(again.status).toBe('committed');
		expect(digest(handle)).toBe(before);
	});

	it('recomputes after a partial release and after its undo, back to exactly what was there', async () => {
		const before = digest(handle);
		expect(top(handle, 'TRF', 'emissions')).not.toContain('RCC');
		// A release for Trafford alone whose 2020 industry is Redcar's: its profile turns industrial.
		const source = Papa.parse<Record<string, string>>(readFileSync(SHIPPED_EMISSIONS, 'utf8'), {
			header: true,
			skipEmptyLines: true
		});
		const row = (code: string) =>
			source.data.find((r) => r.Year === '2020' && r['local-authority-code'] === code)!;
		const industrial = { ...row('TRF') };
		for (const column of Object.keys(industrial).filter(
			(c) => c.startsWith('Industr') || c.startsWith('Large')
		))
			industrial[column] = String(Number(row('RCC')[column]) * 1.5);
		industrial['Total Emissions:kt CO2'] = '';
		const partial = await importFile(
			handle,
			'mysociety-emissions',
			Papa.unparse([industrial], { columns: source.meta.fields })
		);
		expect(partial.status).toBe('committed');
		expect(top(handle, 'TRF', 'emissions', 5)).toContain('RCC');
		expect(getSimilarCouncils('TRF', handle.db).basis?.emissionsReleases).toHaveLength(2);
		expectCurrent(handle);

		expect((await undoImport(handle, partial.batchId!)).ok).toBe(true);
		expect(digest(handle)).toBe(before);
		expectCurrent(handle);
	});

	it('recomputes when an earlier import is undone under a later one', async () => {
		// Trafford moved to London: its nearby peers become London boroughs.
		const moved = await importFile(
			handle,
			'authorities',
			registerWith('TRF', { lat: '51.5072', long: '-0.1276' })
		);
		expect(moved.status).toBe('committed');
		expect(top(handle, 'TRF', 'nearby', 1)).toEqual(['WSM']);
		expectCurrent(handle);

		// Undoing the emissions (an earlier import) keeps the move and drops the profile.
		expect((await undoImport(handle, full)).ok).toBe(true);
		expect(top(handle, 'TRF', 'nearby', 1)).toEqual(['WSM']);
		const trf = getSimilarCouncils('TRF', handle.db);
		expect(trf.peers.emissions).toEqual([]);
		expect(trf.peers.overall).toEqual([]);
		expect(trf.basis?.emissionsYear).toBeNull();
		expect(trf.excluded.emissions).toBe('no emissions for the year');
		expectCurrent(handle);
	});
});

describe('similar councils at start-up', () => {
	const dir = mkdtempSync(join(tmpdir(), 'nzl-similar-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('finds peers that predate the data stale and brings them up to date through the writer', async () => {
		const dbPath = join(dir, 'start.db');
		const h = createTestDb(dbPath);
		try {
			expect(similarCouncilsStale(h)).toBe(false); // nothing to compare yet
			await loadAuthorities(h);
			expect(similarCouncilsStale(h)).toBe(false);
			// As a database from before this feature: the data, no peers.
			h.sqlite.exec('DELETE FROM similar_councils; DELETE FROM similarity_runs');
			expect(similarCouncilsStale(h)).toBe(true);

			const done = await performWrite({ kind: 'similar-councils', dbPath }, () => {});
			expect(done).toMatchObject({ kind: 'similar-councils', result: { changed: true } });
			expect(similarCouncilsStale(h)).toBe(false);
			expect(top(h, 'TRF', 'nearby', 2)).toEqual(['SLF', 'MAN']);
			const again = await performWrite({ kind: 'similar-councils', dbPath }, () => {});
			expect(again).toMatchObject({ result: { changed: false } });
		} finally {
			h.close();
		}
	});
});
