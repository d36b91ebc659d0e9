import { describe, expect, it } from 'vitest';
import {
	foldName,
	nameDistance,
	normaliseCouncilName,
	repairDoubleEncoding
} from './normalise-name';

describe('foldName', () => {
	it('lower-cases, drops accents and apostrophes, spells "&" as "and"', () => {
		expect(foldName("King's Lynn & West Norfolk")).toBe('kings lynn and west norfolk');
		expect(foldName('Ynys Môn')).toBe('ynys mon');
		expect(foldName('  Bristol,  City of ')).toBe('bristol city of');
	});
});

describe('normaliseCouncilName', () => {
	it.each([
		['LB Waltham Forest', 'waltham forest'],
		['London Borough of Waltham Forest', 'waltham forest'],
		['Barnet Council', 'barnet'],
		["Borough Council of King's Lynn & West Norfolk", 'kings lynn and west norfolk'],
		["King's Lynn and West Norfolk BoroughCouncil", 'kings lynn and west norfolk'],
		['Kettering Borough Council (defunct council)', 'kettering'],
		['South Buckinghamshire DistrictCouncil', 'south buckinghamshire'],
		['Trafford Metropolitan Borough Council', 'trafford'],
		['The Royal Borough of Kensington and Chelsea', 'kensington and chelsea'],
		['City and County of Swansea', 'swansea'],
		['Babergh and Mid Suffolk District Councils', 'babergh and mid suffolk'],
		['Cumbria County Council', 'cumbria']
	])('%j → %j', (input, expected) => expect(normaliseCouncilName(input)).toBe(expected));

	it('keeps council-type words that are part of the place name in the middle', () => {
		expect(normaliseCouncilName('Blackburn with Darwen Borough Council')).toBe(
			'blackburn with darwen'
		);
		expect(normaliseCouncilName('Newcastle-under-Lyme Borough Council')).toBe(
			'newcastle under lyme'
		);
	});

	it('both spellings of a council meet on the same key', () => {
		expect(normaliseCouncilName('LB Waltham Forest')).toBe(
			normaliseCouncilName('London Borough of Waltham Forest')
		);
		expect(normaliseCouncilName('Blackpool Council')).toBe(
			normaliseCouncilName('Blackpool Borough Council')
		);
	});
});

describe('repairDoubleEncoding', () => {
	it('flags text whose original letter was already lost as lossy', () => {
		const result = repairDoubleEncoding('Sir Ynys Mï¿½n');
		expect(result.repaired).toBe(true);
		expect(result.lossy).toBe(true);
		expect(result.text).toContain('\ufffd');
	});

	it('repairs a double-encoded half-width filler to a plain space', () => {
		const result = repairDoubleEncoding('Cityï¾\u00a0and County of Swansea');
		expect(result.lossy).toBe(false);
		expect(result.repaired).toBe(true);
		expect(result.text.replace(/\s+/g, ' ')).toBe('City and County of Swansea');
	});

	it('repairs an ordinary double-encoded accent', () => {
		expect(repairDoubleEncoding('Ynys MÃ´n')).toEqual({
			text: 'Ynys Môn',
			repaired: true,
			lossy: false
		});
	});

	it.each([
		'Plain text',
		'Ynys Môn',
		"King's Lynn & West Norfolk",
		'Comhairle nan Eilean Siar',
		''
	])('leaves %j untouched', (text) => {
		expect(repairDoubleEncoding(text)).toEqual({ text, repaired: false, lossy: false });
	});
});

describe('nameDistance', () => {
	it.each([
		['trafford', 'trafford', 0],
		['traford', 'trafford', 1],
		['trafofrd', 'trafford', 1],
		['trafrod', 'trafford', 2],
		['blackpol', 'blackpool', 1],
		['kitten', 'sitting', 3],
		['', 'abc', 3]
	])('%j to %j is %i', (a, b, d) => {
		expect(nameDistance(a, b)).toBe(d);
		expect(nameDistance(b, a)).toBe(d);
	});

	it('stops at max + 1 once the distance must exceed max', () => {
		expect(nameDistance('trafford', 'bradford', 1)).toBe(2);
		expect(nameDistance('leeds', 'north northamptonshire', 2)).toBe(3);
		expect(nameDistance('traford', 'trafford', 1)).toBe(1);
	});
});
