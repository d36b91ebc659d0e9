import { describe, expect, it } from 'vitest';
import { splitRoundLabel, WHOLE_SCHEME_ROUND } from './round-label';

describe('splitRoundLabel', () => {
	// Reported: "2025 awards (14 Feb)" and "£68m round (8 projects)" shown as round names.
	it('moves a note in brackets out of the name', () => {
		expect(splitRoundLabel('2025 awards (14 Feb)')).toEqual({
			round: '2025 awards',
			note: '14 Feb'
		});
		expect(splitRoundLabel('£68m round (8 projects)')).toEqual({
			round: '£68m round',
			note: '8 projects'
		});
		expect(splitRoundLabel('2025 (first GBE project)')).toEqual({
			round: '2025',
			note: 'first GBE project'
		});
	});

	it('keeps a short name of the round and labels without brackets as they are', () => {
		for (const label of ['Phase 2 (HUG2)', 'Phase 3c', 'Round 1', '2025-28', 'Wave 2.1'])
			expect(splitRoundLabel(label)).toEqual({ round: label, note: null });
	});

	it('reads a label that is only a bracket as the whole scheme', () => {
		expect(splitRoundLabel('(scheme)')).toEqual({ round: WHOLE_SCHEME_ROUND, note: null });
	});
});
