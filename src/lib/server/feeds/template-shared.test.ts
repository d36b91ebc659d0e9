import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { runImport } from '../import/run-import';
import type { AnyFeed } from '../import/types';
import { createTestDb, csvSource, loadAuthorities, toCsv } from '../../../../tests/helpers/db';
import { templateActionsFeed } from './template-actions';
import { templateBidsFeed } from './template-bids';
import { templateCompetitionsFeed } from './template-competitions';
import { templateMilestonesFeed } from './template-milestones';
import { templateTargetsFeed } from './template-targets';
import { foldChoice, sameRows, splitList, templateColumns, ukDate } from './template-shared';

/** In import order: milestones need the action, bids link it. */
const TEMPLATES: AnyFeed[] = [
	templateCompetitionsFeed,
	templateActionsFeed,
	templateBidsFeed,
	templateMilestonesFeed,
	templateTargetsFeed
];

let handle: DbHandle;
beforeAll(async () => {
	handle = createTestDb();
	await loadAuthorities(handle);
});
afterAll(() => handle.close());

describe('template feeds', () => {
	it('document every column with a description and an example', () => {
		for (const feed of TEMPLATES) {
			for (const column of feed.columns) {
				expect(column.description.length, `${feed.key}.${column.name}`).toBeGreaterThan(10);
				expect(column.example, `${feed.key}.${column.name}`).toBeTruthy();
			}
		}
	});

	it.each(TEMPLATES.map((feed) => [feed.key, feed] as const))(
		'the %s download (header and example row) imports cleanly',
		async (_key, feed) => {
			const csv = toCsv([feed.columns.map((c) => c.name), feed.columns.map((c) => c.example!)]);
			const report = await runImport(handle, {
				feed,
				source: csvSource(csv),
				fileName: `${feed.key}-template.csv`,
				importedBy: 'test'
			});
			expect(report).toMatchObject({ status: 'committed', rowsAccepted: 1, rowsWritten: 1 });
			expect(report.unmappedColumns).toEqual([]);
			// The only warning allowed: the actions example names a bid imported after it.
			const warnings = report.groups.filter((g) => g.severity !== 'info');
			expect(warnings.map((g) => g.code)).toEqual(feed.key === 'actions' ? ['unknown_bid'] : []);
		}
	);
});

describe('template link columns', () => {
	it.each([templateCompetitionsFeed, templateTargetsFeed].map((feed) => [feed.key, feed] as const))(
		'%s: a javascript: source_url is refused, naming row, column and value',
		async (_key, feed) => {
			const link = 'javascript:alert(document.cookie)';
			const example = feed.columns.map((c) => (c.name === 'source_url' ? link : c.example!));
			const report = await runImport(handle, {
				feed,
				source: csvSource(toCsv([feed.columns.map((c) => c.name), example])),
				fileName: `${feed.key}-bad-link.csv`,
				importedBy: 'test'
			});
			expect(report.status).toBe('rejected');
			expect(report.groups.filter((g) => g.severity === 'error')).toEqual([
				expect.objectContaining({
					column: 'source_url',
					message: 'expected a web address starting with http:// or https://',
					rows: [2],
					values: [link]
				})
			]);
		}
	);
});

describe('template helpers', () => {
	it('fold free-text choices', () => {
		expect(foldChoice('  In-Progress. ')).toBe('in progress');
		expect(foldChoice('on_hold')).toBe('on hold');
	});

	it('split list cells on semicolons, or commas when asked and there is no semicolon', () => {
		expect(splitList(' A ; B;;A ')).toEqual(['A', 'B']);
		expect(splitList('A, B')).toEqual(['A, B']);
		expect(splitList('A, B', true)).toEqual(['A', 'B']);
		expect(splitList('Armagh City, Banbridge and Craigavon; Belfast', true)).toEqual([
			'Armagh City, Banbridge and Craigavon',
			'Belfast'
		]);
		expect(splitList(null)).toEqual([]);
	});

	it('compare child rows in any order', () => {
		expect(
			sameRows(
				[
					[1, 'a'],
					[2, 'b']
				],
				[
					[2, 'b'],
					[1, 'a']
				]
			)
		).toBe(true);
		expect(
			sameRows(
				[[1, 'a']],
				[
					[1, 'a'],
					[1, 'a']
				]
			)
		).toBe(false);
	});

	it('write ISO dates back as dd/mm/yyyy for messages', () => {
		expect(ukDate('2024-11-28')).toBe('28/11/2024');
	});

	it('refuse a column table that does not match the schema', () => {
		const table = 'a* | The a column. | 1 | A\nb | The b column. | 2';
		expect(templateColumns(['a', 'b'], table)).toEqual([
			{ name: 'a', required: true, description: 'The a column.', example: '1', aliases: ['A'] },
			{ name: 'b', required: false, description: 'The b column.', example: '2', aliases: [] }
		]);
		expect(() => templateColumns(['a', 'c'], table)).toThrow(/do not match/);
		expect(() => templateColumns(['a'], 'a | no example')).toThrow(/description and example/);
	});
});
