import { describe, expect, it } from 'vitest';
import { funderName } from './funder-names';

describe('one name per funder', () => {
	it.each([
		['DESNZ', 'DESNZ (formerly BEIS)'],
		['Department for Energy Security and Net Zero (DESNZ)', 'DESNZ (formerly BEIS)'],
		['DESNZ, delivered by the Local Net Zero Hubs', 'DESNZ (formerly BEIS)'],
		['DESNZ (formerly BEIS)', 'DESNZ (formerly BEIS)'],
		['BEIS', 'DESNZ (formerly BEIS)'],
		['Ministry of Housing, Communities and Local Government (MHCLG)', 'MHCLG (formerly DLUHC)'],
		['Department for Transport (OZEV)', 'Department for Transport'],
		['Great British Energy / DESNZ', 'Great British Energy'],
		['Scottish Government (delivered by Salix Finance)', 'Scottish Government'],
		['Welsh Government with Great British Energy', 'Welsh Government'],
		['Active Travel England (Department for Transport)', 'Active Travel England'],
		[
			'Active Travel England / Department for Transport (six mayoral combined authorities via MHCLG)',
			'Active Travel England'
		],
		['Transport Scotland', 'Transport Scotland'],
		['Arts Council England', 'Arts Council England']
	])('%j is %j', (cell, name) => {
		expect(funderName(cell)).toBe(name);
	});
});
