import { describe, expect, it } from 'vitest';
import { tierGroup, type TierGroup } from './tier-group';

// Every type code of the shipped names-and-codes data.
const TYPES = ['NMD', 'UA', 'MD', 'LBO', 'CC', 'SCO', 'WPA', 'NID', 'CTY', 'COMB', 'SRA'];
const members = (group: TierGroup) => TYPES.filter((t) => tierGroup(t) === group);

describe('tierGroup', () => {
	it('puts districts with every single-tier council, counties apart, combined with the GLA', () => {
		expect(members('lower-or-unitary')).toEqual([
			'NMD',
			'UA',
			'MD',
			'LBO',
			'CC',
			'SCO',
			'WPA',
			'NID'
		]);
		expect(members('county')).toEqual(['CTY']);
		expect(members('combined')).toEqual(['COMB', 'SRA']);
	});

	it('knows no group for an unknown code, nor for an inherited property name', () => {
		expect(tierGroup('XYZ')).toBeNull();
		expect(tierGroup('toString')).toBeNull();
		expect(tierGroup('')).toBeNull();
	});
});
