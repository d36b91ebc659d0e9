/**
 * The sample pipeline generator: reproducible from its seed, small, always labelled as sample,
 * internally consistent (dates in order, links that resolve), and never claiming a real round's
 * outcome where the published facts already have one.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { templateActionsFeed } from '../feeds/template-actions';
import { templateBidsFeed } from '../feeds/template-bids';
import { templateCompetitionsFeed } from '../feeds/template-competitions';
import {
	DEFAULT_SAMPLE_AS_OF,
	DEFAULT_SAMPLE_COUNCILS,
	generateSamplePipeline,
	mulberry32,
	SAMPLE_COUNCILS,
	SAMPLE_NOTE,
	type SamplePipeline
} from './sample-pipeline';

/** A parsed row, by the template columns these tests read. */
type Row = Record<Column, string>;
type Column =
	| 'scheme'
	| 'round'
	| 'notes'
	| 'reference'
	| 'lead_authority'
	| 'status'
	| 'requested'
	| 'awarded'
	| 'officer_days'
	| 'submitted_on'
	| 'decided_on'
	| 'status_date'
	| 'partner_authorities'
	| 'authority'
	| 'rag_note'
	| 'funded_by'
	| 'percent_complete'
	| 'start_date'
	| 'due_date'
	| 'completed_on';

function parse(csv: string): { header: string[]; rows: Row[] } {
	const result = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true });
	expect(result.errors).toEqual([]);
	return { header: result.meta.fields ?? [], rows: result.data };
}

const iso = (uk: string) => (uk ? uk.split('/').reverse().join('-') : '');

/** The real rounds bids may name (scheme → rounds), as in data/funding-published-facts. */
const REAL_ROUNDS: Record<string, string[]> = {
	'Home Upgrade Grant': ['Phase 2 (HUG2)'],
	'Public Sector Decarbonisation Scheme': ['Phase 3a', 'Phase 3b', 'Phase 3c', 'Phase 4'],
	'Social Housing Decarbonisation Fund': ['Wave 2.1', 'Wave 2.2'],
	'Levelling Up Fund': ['Round 1', 'Round 2', 'Round 3'],
	'Warm Homes: Local Grant': ['2025-28']
};
const ENGLAND_ONLY = [
	'Home Upgrade Grant',
	'Public Sector Decarbonisation Scheme',
	'Social Housing Decarbonisation Fund',
	'Warm Homes: Local Grant'
];

function parsed(sample: SamplePipeline) {
	return {
		competitions: parse(sample.competitions),
		bids: parse(sample.bids),
		actions: parse(sample.actions)
	};
}

describe('mulberry32', () => {
	it('gives the same sequence for the same seed, in [0, 1)', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const xs = Array.from({ length: 1000 }, () => a());
		expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
		expect(mulberry32(43)()).not.toBe(xs[0]);
	});
});

describe('generateSamplePipeline', () => {
	it('is deterministic: the same seed gives byte-identical CSV text', () => {
		const a = generateSamplePipeline({ seed: 7 });
		const b = generateSamplePipeline({ seed: 7 });
		expect(b).toEqual(a);
		expect(generateSamplePipeline()).toEqual(generateSamplePipeline());
		const c = generateSamplePipeline({ seed: 8 });
		expect(c.bids).not.toBe(a.bids);
		expect(c.actions).not.toBe(a.actions);
	});

	it('gives each council its own stream: a council alone is generated as in the full set', () => {
		const all = parse(generateSamplePipeline({ seed: 3 }).bids).rows;
		const leeds = parse(generateSamplePipeline({ seed: 3, councils: ['LDS'] }).bids).rows;
		expect(leeds).toEqual(all.filter((r) => r.lead_authority === 'LDS'));
	});

	it('writes the templates’ own headers', () => {
		const { competitions, bids, actions } = parsed(generateSamplePipeline());
		expect(competitions.header).toEqual(templateCompetitionsFeed.columns.map((c) => c.name));
		expect(bids.header).toEqual(templateBidsFeed.columns.map((c) => c.name));
		expect(actions.header).toEqual(templateActionsFeed.columns.map((c) => c.name));
	});

	it('rejects councils it has no profile for, bad seeds and dates', () => {
		expect(() => generateSamplePipeline({ councils: ['XYZ'] })).toThrow(
			/no sample profile for XYZ/
		);
		expect(() => generateSamplePipeline({ councils: ['TRF', 'trf'] })).toThrow(/twice/);
		expect(() => generateSamplePipeline({ seed: -1 })).toThrow(/seed/);
		expect(() => generateSamplePipeline({ seed: 1.5 })).toThrow(/seed/);
		expect(() => generateSamplePipeline({ asOf: '01/11/2026' })).toThrow(/yyyy-mm-dd/);
		// A day the calendar does not have is refused, not rolled over into March.
		expect(() => generateSamplePipeline({ asOf: '2026-02-30' })).toThrow(/yyyy-mm-dd/);
		expect(() => generateSamplePipeline({ asOf: '2024-01-01' })).toThrow(/or later/);
	});

	// Invariants over many seeds, so no seed can produce a file the feeds would reject or mislabel.
	const SEEDS = Array.from({ length: 200 }, (_, i) => i);

	it('is small: 6–10 bids and 3–6 actions per council, under 100 rows in all', () => {
		for (const seed of SEEDS) {
			const sample = generateSamplePipeline({ seed });
			const { bids, actions, competitions } = parsed(sample);
			expect(sample.rows).toEqual({
				competitions: competitions.rows.length,
				bids: bids.rows.length,
				actions: actions.rows.length
			});
			expect(competitions.rows.length + bids.rows.length + actions.rows.length).toBeLessThan(100);
			for (const code of DEFAULT_SAMPLE_COUNCILS) {
				const n = bids.rows.filter((b) => b.lead_authority === code).length;
				const m = actions.rows.filter((a) => a.authority === code).length;
				expect(n).toBeGreaterThanOrEqual(6);
				expect(n).toBeLessThanOrEqual(10);
				expect(m).toBeGreaterThanOrEqual(3);
				expect(m).toBeLessThanOrEqual(6);
			}
		}
	});

	it('only writes fictional competitions, and bids name real rounds only where they ran', () => {
		for (const seed of SEEDS) {
			const { competitions, bids } = parsed(generateSamplePipeline({ seed }));
			for (const c of competitions.rows) {
				expect(c.scheme.startsWith('Sample: ')).toBe(true);
				expect(c.notes).toContain(SAMPLE_NOTE);
			}
			const sampleRounds = new Set(competitions.rows.map((c) => `${c.scheme}|${c.round}`));
			for (const b of bids.rows) {
				const council = SAMPLE_COUNCILS[b.lead_authority]!;
				if (b.scheme.startsWith('Sample: ')) {
					expect(sampleRounds.has(`${b.scheme}|${b.round}`)).toBe(true);
					continue;
				}
				expect(REAL_ROUNDS[b.scheme]).toContain(b.round);
				if (ENGLAND_ONLY.includes(b.scheme)) expect(council.nation).toBe('England');
				// The published facts already record Bristol's awards in these two rounds.
				if (b.lead_authority === 'BST') {
					expect(`${b.scheme}|${b.round}`).not.toBe('Home Upgrade Grant|Phase 2 (HUG2)');
					expect(`${b.scheme}|${b.round}`).not.toBe('Levelling Up Fund|Round 2');
				}
				// Only councils that really take part in Warm Homes: Local Grant bid to it.
				if (b.scheme === 'Warm Homes: Local Grant')
					expect(['BST', 'LDS']).toContain(b.lead_authority);
				// Real rounds are all decided: the open and pending pipeline is in sample rounds.
				expect(['won', 'lost', 'withdrawn']).toContain(b.status);
			}
		}
	});

	it('writes plausible, labelled bids', () => {
		const statuses = new Set<string>();
		let consortia = 0;
		for (const seed of SEEDS) {
			const { bids } = parsed(generateSamplePipeline({ seed }));
			const references = new Set<string>();
			for (const b of bids.rows) {
				const council = SAMPLE_COUNCILS[b.lead_authority]!;
				statuses.add(b.status);
				expect(b.reference).toMatch(new RegExp(`^SAMPLE-${b.lead_authority}-20\\d\\d-\\d\\d$`));
				expect(references.has(b.reference)).toBe(false);
				references.add(b.reference);
				expect(b.notes).toContain(SAMPLE_NOTE);
				const requested = Number(b.requested);
				expect(requested).toBeGreaterThanOrEqual(50_000);
				expect(requested).toBeLessThanOrEqual(10_000_000);
				const days = Number(b.officer_days);
				expect(days).toBeGreaterThanOrEqual(5);
				expect(days).toBeLessThanOrEqual(40);
				if (b.status === 'won') {
					expect(Number(b.awarded)).toBeGreaterThan(0);
					expect(Number(b.awarded)).toBeLessThanOrEqual(requested);
				} else expect(b.awarded).toBe('');
				if (['won', 'lost'].includes(b.status)) {
					expect(iso(b.submitted_on) <= iso(b.decided_on)).toBe(true);
					expect(iso(b.decided_on) < DEFAULT_SAMPLE_AS_OF).toBe(true);
				}
				if (b.status === 'submitted') {
					expect(b.submitted_on).not.toBe('');
					expect(b.decided_on).toBe('');
				}
				if (['drafting', 'idea', 'withdrawn'].includes(b.status)) {
					expect(b.submitted_on + b.decided_on).toBe('');
					expect(iso(b.status_date) <= DEFAULT_SAMPLE_AS_OF).toBe(true);
				}
				const partners = b.partner_authorities ? b.partner_authorities.split('; ') : [];
				for (const p of partners) expect(council.neighbours).toContain(p);
				if (partners.length) {
					consortia++;
					expect(b.notes).toContain(`Consortium bid led by ${council.name}`);
				}
			}
			for (const code of DEFAULT_SAMPLE_COUNCILS) {
				const mine = bids.rows.filter((b) => b.lead_authority === code).map((b) => b.status);
				for (const s of ['won', 'lost', 'submitted']) expect(mine).toContain(s);
				expect(mine.some((s) => s === 'drafting' || s === 'idea')).toBe(true);
			}
		}
		expect([...statuses].sort()).toEqual(
			['drafting', 'idea', 'lost', 'submitted', 'withdrawn', 'won'].sort()
		);
		expect(consortia).toBeGreaterThan(SEEDS.length);
	});

	it('writes actions linked to their council’s bids, some of them late', () => {
		for (const seed of SEEDS) {
			const { bids, actions } = parsed(generateSamplePipeline({ seed }));
			for (const a of actions.rows) {
				expect(a.reference).toMatch(new RegExp(`^SAMPLE-${a.authority}-ACT-\\d\\d$`));
				expect(a.rag_note).toContain(SAMPLE_NOTE);
				for (const ref of a.funded_by ? a.funded_by.split('; ') : []) {
					const bid = bids.rows.find((b) => b.reference === ref);
					expect(bid?.lead_authority).toBe(a.authority);
					expect(['won', 'submitted']).toContain(bid!.status);
				}
				const pct = a.percent_complete ? Number(a.percent_complete.replace('%', '')) : null;
				if (a.status === 'complete') {
					expect(pct).toBe(100);
					expect(iso(a.start_date) <= iso(a.completed_on)).toBe(true);
					expect(iso(a.completed_on) <= DEFAULT_SAMPLE_AS_OF).toBe(true);
				}
				if (pct !== null) expect(pct >= 0 && pct <= 100).toBe(true);
				if (a.start_date && a.due_date) expect(iso(a.start_date) < iso(a.due_date)).toBe(true);
			}
			for (const code of DEFAULT_SAMPLE_COUNCILS) {
				const mine = actions.rows.filter((a) => a.authority === code);
				const late = mine.filter(
					(a) =>
						['in_progress', 'delayed'].includes(a.status) && iso(a.due_date) < DEFAULT_SAMPLE_AS_OF
				);
				expect(late.length).toBeGreaterThan(0);
				expect(mine.some((a) => a.funded_by)).toBe(true);
			}
		}
	});
});
