import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { runImport } from '../import/run-import';
import type { AnyFeed, FeedColumn } from '../rows/feed';
import {
	createTestDb,
	csvSource,
	dataDigest,
	loadAuthorities,
	toCsv
} from '../../../../tests/helpers/db';
import { templateActionsFeed } from './template-actions';
import { templateBidsFeed } from './template-bids';
import { templateCompetitionsFeed } from './template-competitions';
import { templateMilestonesFeed } from './template-milestones';
import { templateTargetsFeed } from './template-targets';
import { templateCouncilEmissionsFeed } from './template-council-emissions';
import { exampleMarkers } from './template-example';
import { foldChoice, sameRows, splitList, templateColumns, ukDate } from './template-shared';

/** In import order: milestones need the action, bids link it. */
const TEMPLATES: AnyFeed[] = [
	templateCompetitionsFeed,
	templateActionsFeed,
	templateBidsFeed,
	templateMilestonesFeed,
	templateTargetsFeed,
	templateCouncilEmissionsFeed
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

	const download = (feed: AnyFeed, example = (c: FeedColumn) => c.example!) =>
		toCsv([feed.columns.map((c) => c.name), feed.columns.map(example)]);
	const load = (feed: AnyFeed, csv: string) =>
		runImport(handle, {
			feed,
			source: csvSource(csv),
			fileName: `${feed.key}-template.csv`,
			importedBy: 'test'
		});

	it.each(TEMPLATES.map((feed) => [feed.key, feed] as const))(
		'the %s download (header and example row) is refused: the example is not real data',
		async (_key, feed) => {
			const before = dataDigest(handle);
			const report = await load(feed, download(feed));
			expect(report).toMatchObject({ status: 'rejected', rowsAccepted: 0, rowsWritten: 0 });
			// Every problem is reported; the example's own is among them (the milestones example
			// also names an action that is not stored).
			expect(report.groups.filter((g) => g.severity === 'error')).toContainEqual(
				expect.objectContaining({
					code: 'template_example',
					rows: [2],
					message: expect.stringMatching(/is the template's example, not real data/)
				})
			);
			expect(dataDigest(handle)).toEqual(before);
		}
	);

	it.each(TEMPLATES.map((feed) => [feed.key, feed] as const))(
		'the %s example marks itself in a required column or in two, so deleting one column keeps it',
		(_key, feed) => {
			const marked = [...exampleMarkers(feed.columns).keys()];
			const required = feed.columns.filter((c) => c.required).map((c) => c.name);
			expect(marked.length >= 2 || marked.some((c) => required.includes(c))).toBe(true);
		}
	);

	it('refuses an example half overwritten, or with a marked column deleted', async () => {
		const half = download(templateBidsFeed, (c) =>
			c.name === 'lead_authority' ? 'TRF' : c.example!
		);
		const withoutReference = toCsv(
			[1, 2].map((row) =>
				templateBidsFeed.columns
					.filter((c) => c.name !== 'reference')
					.map((c) => (row === 1 ? c.name : c.example!))
			)
		);
		for (const csv of [half, withoutReference]) {
			const report = await load(templateBidsFeed, csv);
			expect(report.status).toBe('rejected');
			expect(report.groups.map((g) => g.code)).toContain('template_example');
		}
	});

	it.each(TEMPLATES.map((feed) => [feed.key, feed] as const))(
		'the %s example with its marked values replaced imports cleanly',
		async (_key, feed) => {
			const own = (c: FeedColumn) => c.example!.replace(/example/gi, 'Sample');
			const report = await load(feed, download(feed, own));
			expect(report).toMatchObject({ status: 'committed', rowsAccepted: 1, rowsWritten: 1 });
			expect(report.unmappedColumns).toEqual([]);
			// The only warning allowed: the actions example names a bid imported after it.
			const warnings = report.groups.filter((g) => g.severity !== 'info');
			expect(warnings.map((g) => g.code)).toEqual(feed.key === 'actions' ? ['unknown_bid'] : []);
		}
	);
});

describe('template link columns', () => {
	it.each(
		[
			templateCompetitionsFeed,
			templateTargetsFeed,
			templateBidsFeed,
			templateCouncilEmissionsFeed
		].map((feed) => [feed.key, feed] as const)
	)('%s: a javascript: source_url is refused, naming row, column and value', async (_key, feed) => {
		const link = 'javascript:alert(document.cookie)';
		// The example row, made real (its markers replaced), with a bad link.
		const example = feed.columns.map((c) =>
			c.name === 'source_url' ? link : c.example!.replace(/example/gi, 'Sample')
		);
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
	});
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
