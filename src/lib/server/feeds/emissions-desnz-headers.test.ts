import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../import/map-headers';
import { desnzEmissionsFeed } from './emissions-desnz';

// Reported: the within-scope column is headed differently from one DESNZ edition to the next;
// each must import as published, with no mapping.
describe('the DESNZ sector file, every edition’s header row', () => {
	const header = (influence: string) => [
		'Country',
		'Country Code',
		'Region',
		'Region Code',
		'Second Tier Authority',
		'Local Authority',
		'Local Authority Code',
		'Calendar Year',
		'LA GHG Sector',
		'LA GHG Sub-sector',
		'Greenhouse gas',
		'Territorial emissions (kt CO2e)',
		influence,
		'Mid-year Population (thousands)',
		'Area (km2)'
	];
	it.each([
		'Emissions within the scope of influence of LAs (kt CO2e)',
		'CO2 emissions within the scope of influence of LAs (kt CO2e)',
		'Emissions within the scope of influence of LAs (kt CO2)',
		'CO2 emissions within the scope of influence of LAs (kt CO2)'
	])('reads "%s" as the scope-of-influence column', (influence) => {
		const m = mapHeaders(desnzEmissionsFeed, header(influence));
		expect(m.missing).toEqual([]);
		expect(m.mapped[12]).toBe('Emissions within the scope of influence of LAs (kt CO2e)');
	});
});
