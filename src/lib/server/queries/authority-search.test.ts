import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { createFixtureDb } from '../../../../tests/helpers/db';
import { searchAuthorities } from './authority-search';

let handle: DbHandle;
beforeAll(async () => {
	handle = await createFixtureDb();
});
afterAll(() => handle.close());

const search = (q: string, filter = {}) => searchAuthorities({ q, ...filter }, handle.db);
const codes = (q: string, filter = {}) => search(q, filter).authorities.map((a) => a.code);

describe('searchAuthorities', () => {
	it('lists every current council when there is no query', () => {
		const all = searchAuthorities({}, handle.db);
		expect(all.authorities.length).toBe(397);
		expect(all).toMatchObject({ abolished: [], suggestions: [] });
	});

	it('finds a council by a fragment of its name or by its codes', () => {
		expect(codes('traff')).toEqual(['TRF']);
		expect(codes('E08000009')).toEqual(['TRF']);
	});

	it.each([
		['LB Waltham Forest', 'WFT'],
		['London Borough of Waltham Forest', 'WFT'],
		['Trafford Metropolitan Borough Council', 'TRF'],
		['Barnet Council', 'BNE'],
		["Borough Council of King's Lynn & West Norfolk", 'KIN'],
		['Bristol, City of', 'BST']
	])('finds %j by the spelling the alias table knows', (q, code) => {
		expect(codes(q)[0]).toBe(code);
	});

	it('leads from an abolished council to its successor, and says so', () => {
		const found = search('Kettering');
		expect(found.authorities.map((a) => a.code)).toEqual(['NNT']);
		expect(found.abolished).toEqual([
			{
				code: 'KET',
				name: 'Kettering',
				successors: [{ code: 'NNT', name: 'North Northamptonshire' }]
			}
		]);
		expect(found.suggestions).toEqual([]);
	});

	it('leads a fragment that matches only abolished councils to their successors', () => {
		const found = search('kett');
		expect(found.abolished.map((a) => a.code)).toEqual(['KET']);
		expect(found.authorities.map((a) => a.code)).toEqual(['NNT']);
	});

	it('does not list every abolished council a fragment of current names also matches', () => {
		const found = search('north');
		expect(found.abolished).toEqual([]);
		expect(found.authorities.every((a) => a.isCurrent)).toBe(true);
		expect(found.authorities.map((a) => a.code)).toContain('NNT');
	});

	it('names both successors of a council split in two', () => {
		const found = search('Cumbria County Council');
		expect(found.abolished[0]!.successors.map((s) => s.code).sort()).toEqual(['CBD', 'WAF']);
		expect(found.authorities.map((a) => a.code).sort()).toEqual(['CBD', 'WAF']);
	});

	it('lists the abolished council itself too when abolished councils are asked for', () => {
		expect(codes('Kettering', { includeAbolished: true })).toEqual(['KET', 'NNT']);
	});

	it.each([
		['Traford', 'TRF'],
		['Blackpol', 'BPL'],
		['Trafofrd Council', 'TRF'],
		['Waltham Forrest', 'WFT']
	])('offers the nearest names for the near miss %j', (q, code) => {
		const found = search(q);
		expect(found.authorities).toEqual([]);
		expect(found.suggestions[0]).toMatchObject({ code });
		expect(found.suggestions.length).toBeLessThanOrEqual(5);
	});

	it('offers nothing for a name that is not near any council', () => {
		expect(search('Borsetshire')).toEqual({ authorities: [], abolished: [], suggestions: [] });
	});

	it('keeps the other filters', () => {
		expect(codes('LB Waltham Forest', { nation: 'Wales' })).toEqual([]);
		expect(codes('Trafford', { type: 'MD' })).toEqual(['TRF']);
	});
});
