import { describe, expect, it } from 'vitest';
import { readMeasure, readUnit } from './totals-words';

describe("an emissions-totals row's measure words", () => {
	it.each([
		['territorial', undefined, 'territorial', true],
		['Scope_of_influence', undefined, 'scope_of_influence', true],
		['Total', 'Territorial emissions', 'territorial', true],
		['Total', 'Emissions within the scope of influence of LAs', 'scope_of_influence', true],
		[
			'Total',
			'CO2 emissions within the scope of influence (excluding large industrial installations)',
			'scope_of_influence',
			true
		],
		['Total', 'Greenhouse gas emissions', 'territorial', false],
		['Total emissions', null, 'territorial', false]
	])('reads %s / %s as %s', (measure, indicator, expected, named) => {
		expect(readMeasure(measure, indicator)).toEqual({ kind: 'measure', measure: expected, named });
	});

	it.each([
		['Per capita', 'Territorial emissions'],
		['per head', undefined],
		['Total', 'Emissions per km2'],
		['Per capita', 'Emissions within the scope of influence of LAs']
	])('leaves out a rate: %s / %s', (measure, indicator) => {
		expect(readMeasure(measure, indicator)).toMatchObject({ kind: 'not-stored', why: /per-head/ });
	});

	it.each([
		['Territorial', 'Domestic emissions'],
		['Total', 'Transport emissions'],
		['Domestic Total', undefined]
	])("leaves out one sector's row: %s / %s", (measure, indicator) => {
		expect(readMeasure(measure, indicator)).toMatchObject({ kind: 'not-stored', why: /sector/ });
	});

	it('knows nothing of words that name no emissions', () => {
		expect(readMeasure('consumption', null)).toEqual({ kind: 'unknown' });
		expect(readMeasure(null, null)).toEqual({ kind: 'unknown' });
	});
});

describe("an emissions-totals row's unit", () => {
	it.each([
		['', 'ghg', 1],
		['kt CO2e', 'ghg', 1],
		['ktCO2e', 'ghg', 1],
		['kt CO2', 'co2', 1],
		['kilotonnes (kt CO2e)', 'ghg', 1],
		['kilotonnes (kt CO2)', 'co2', 1],
		['thousand tonnes of CO2 equivalent', 'ghg', 1],
		['tonnes (t CO2e)', 'ghg', 0.001],
		['tCO2', 'co2', 0.001],
		['Mt CO2e', 'ghg', 1000],
		['million tonnes CO2', 'co2', 1000]
	])('reads "%s" as %s × %d', (raw, gases, toKt) => {
		expect(readUnit(raw)).toEqual({ kind: 'amount', gases, toKt });
	});

	it('tells a rate and an unreadable unit apart', () => {
		expect(readUnit('tonnes per person (t CO2e)')).toEqual({ kind: 'rate' });
		expect(readUnit('kt CO2e/km2')).toEqual({ kind: 'rate' });
		expect(readUnit('kilotonnes')).toEqual({ kind: 'unknown' });
		expect(readUnit('CO2e')).toEqual({ kind: 'unknown' });
		expect(readUnit('GWh')).toEqual({ kind: 'unknown' });
	});
});
