import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb } from '../../../../tests/helpers/db';
import { AuthorityResolver } from './resolve-authority';

let handle: DbHandle;
let resolver: AuthorityResolver;

beforeAll(async () => {
	handle = await createFixtureDb();
	resolver = AuthorityResolver.load(handle.sqlite);
});
afterAll(() => handle.close());

const ok = (code: string, matchedBy: string, successorOf: string | null = null) => ({
	ok: true,
	code,
	matchedBy,
	successorOf
});

describe('AuthorityResolver', () => {
	it('loads every council in the register, current and abolished', () => {
		expect(resolver.size).toBe(470);
		expect(resolver.has('ALL')).toBe(true);
		expect(resolver.isCurrent('ALL')).toBe(false);
		expect(resolver.isCurrent('CBD')).toBe(true);
		expect(resolver.name('TRF')).toBe('Trafford');
	});

	it('resolves a 3-letter code, in any case and with spaces', () => {
		expect(resolver.resolve('TRF')).toEqual(ok('TRF', 'code'));
		expect(resolver.resolve(' trf ')).toEqual(ok('TRF', 'code'));
		expect(resolver.resolve('GMCA')).toEqual(ok('GMCA', 'code'));
	});

	it('resolves a current GSS code', () => {
		expect(resolver.resolve('E08000009')).toEqual(ok('TRF', 'gss'));
		expect(resolver.resolve('E09000031')).toEqual(ok('WFT', 'gss'));
	});

	it('resolves a former GSS code of a re-coded council', () => {
		expect(resolver.resolve('E08000020')).toEqual(ok('GAT', 'former_gss'));
		expect(resolver.resolve('E07000097')).toEqual(ok('EHE', 'former_gss'));
	});

	it('reports an unknown GSS code as unknown, not as a name', () => {
		expect(resolver.resolve('E09999999')).toEqual({ ok: false, reason: 'unknown', candidates: [] });
	});

	it('resolves a spelling from the name lookup', () => {
		expect(resolver.resolve('Bristol, City of')).toEqual(ok('BST', 'name'));
		expect(resolver.resolve('Bristol City Council')).toEqual(ok('BST', 'name'));
	});

	it.each([
		['LB Waltham Forest', 'WFT'],
		['Barnet Council', 'BNE'],
		["Borough Council of King's Lynn & West Norfolk", 'KIN'],
		['Blackpool Council', 'BPL'],
		['Trafford Metropolitan Borough Council', 'TRF']
	])('resolves %j by its normalised name to %s', (name, code) => {
		expect(resolver.resolve(name)).toMatchObject({ ok: true, code, matchedBy: 'name' });
	});

	it('resolves a combined authority with or without Mayoral, as a CA or CCA, and by its initials', () => {
		for (const name of [
			'York and North Yorkshire Combined Authority',
			'York and North Yorkshire Mayoral Combined Authority',
			'York & North Yorkshire CA',
			'YNYCA'
		])
			expect(resolver.resolve(name), name).toEqual(ok('YNYC', 'name'));
		for (const name of ['Liverpool City Region Combined Authority', 'LCRCA'])
			expect(resolver.resolve(name), name).toEqual(ok('LCR', 'name'));
		for (const name of ['South Yorkshire Combined Authority', 'SYMCA'])
			expect(resolver.resolve(name), name).toEqual(ok('SCR', 'name'));
		expect(resolver.resolve('East Midlands Combined Authority')).toEqual(ok('EMCA', 'name'));
		expect(resolver.resolve('Greater Lincolnshire Mayoral Combined County Authority')).toEqual(
			ok('GLCA', 'name')
		);
		// A county is not its combined authority.
		expect(
			resolver.resolve('North Yorkshire').ok && resolver.resolve('North Yorkshire')
		).not.toEqual(ok('YNYC', 'name'));
	});

	it('follows an abolished council to its single successor and says so', () => {
		expect(resolver.resolve('ALL')).toEqual(ok('CBD', 'code', 'ALL'));
		expect(resolver.resolve('Allerdale Borough Council')).toEqual(ok('CBD', 'name', 'ALL'));
		expect(resolver.resolve('E07000026')).toEqual(ok('CBD', 'gss', 'ALL'));
	});

	it('refuses to guess for a council split in two', () => {
		const r = resolver.resolve('CMA');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.reason).toBe('ambiguous');
		expect([...r.candidates].sort()).toEqual(['CBD', 'WAF']);
	});

	it('historical mode keeps an abolished council as itself', () => {
		expect(resolver.resolve('ALL', { historical: true })).toEqual(ok('ALL', 'code'));
		expect(resolver.resolve('CMA', { historical: true })).toEqual(ok('CMA', 'code'));
	});

	it('reports an unknown name or a blank as unknown', () => {
		expect(resolver.resolve('Borsetshire District Council')).toEqual({
			ok: false,
			reason: 'unknown',
			candidates: []
		});
		expect(resolver.resolve('   ')).toEqual({ ok: false, reason: 'unknown', candidates: [] });
	});
});

describe('resolveJoint', () => {
	it('splits a joint recipient when every part resolves, lead first', () => {
		expect(resolver.resolveJoint('Babergh and Mid Suffolk District Councils')).toEqual([
			'BAB',
			'MSU'
		]);
	});

	it('keeps a single name whose own words contain "and"', () => {
		expect(resolver.resolveJoint("Borough Council of King's Lynn & West Norfolk")).toEqual(['KIN']);
		expect(resolver.resolveJoint('Westmorland and Furness Council')).toEqual(['WAF']);
	});

	it('returns null when a part is unknown', () => {
		expect(resolver.resolveJoint('Babergh and Borsetshire District Councils')).toBeNull();
		expect(resolver.resolveJoint('Borsetshire')).toBeNull();
	});
});

describe('jointParts', () => {
	it('names each part with its resolution, so the unknown one can be reported', () => {
		const parts = resolver.jointParts('Babergh and Borsetshire District Councils');
		expect(parts?.map((p) => [p.part, p.resolution.ok])).toEqual([
			['Babergh', true],
			['Borsetshire', false]
		]);
		expect(resolver.jointParts('Trafford')).toBeNull();
	});
});

describe('suggest', () => {
	it.each([
		['Traford', 'TRF'],
		['Blackpol', 'BPL'],
		['Trafofrd', 'TRF'],
		['Kettring', 'KET'],
		['LB Waltam Forest', 'WFT']
	])('offers the nearest known name for %j first', (input, code) => {
		expect(resolver.suggest(input)[0]).toMatchObject({ code, distance: 1 });
	});

	it('ranks by distance, at most the limit, and nothing for a name near no council', () => {
		const near = resolver.suggest('Traford', 2);
		expect(near.length).toBeLessThanOrEqual(2);
		expect(near.map((s) => s.distance)).toEqual([...near.map((s) => s.distance)].sort());
		expect(resolver.suggest('Borsetshire')).toEqual([]);
		expect(resolver.suggest('Le')).toEqual([]);
	});
});

describe('AuthorityResolver.shared', () => {
	it('loads once per database and again only after the database changed', () => {
		const first = AuthorityResolver.shared(handle.sqlite);
		expect(AuthorityResolver.shared(handle.sqlite)).toBe(first);
		expect(first.resolve('Grantchester')).toMatchObject({ ok: false });
		handle.sqlite
			.prepare(
				"INSERT INTO authority_aliases (normalised, authority_code, alias, source) VALUES ('grantchester', 'CAB', 'Grantchester', 'test')"
			)
			.run();
		const second = AuthorityResolver.shared(handle.sqlite);
		expect(second).not.toBe(first);
		expect(second.resolve('Grantchester')).toMatchObject({ ok: true, code: 'CAB' });
	});
});
