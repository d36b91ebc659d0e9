import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../import/map-headers';
import { DESNZ_HEADER } from '../../../../scripts/generate-desnz';
import { desnzEmissionsFeed } from './emissions-desnz';

// Reported: the within-scope column is headed differently from one DESNZ edition to the next;
// each must import as published, with no mapping.
describe('the DESNZ sector file, every edition’s header row', () => {
	const header = (influence: string) =>
		DESNZ_HEADER.map((h) => (h === DESNZ_HEADER[12] ? influence : h));
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
