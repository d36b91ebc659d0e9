/**
 * How a scheme's purpose and competitiveness are written in files (ours, the transcribed rounds,
 * an officer's spreadsheet), read the same way by every feed that states them.
 */
import type { SCHEME_COMPETITIVENESS, SCHEME_PURPOSES } from '../db/schema';
import { choice } from './template-shared';

export const PURPOSE_VARIANTS: Record<(typeof SCHEME_PURPOSES)[number], readonly string[]> = {
	net_zero_specific: ['net zero', 'net zero specific', 'specific', 'decarbonisation', 'climate'],
	net_zero_partial: ['net zero partial', 'net zero strand', 'partial', 'strand', 'partly net zero'],
	general: ['general', 'regeneration', 'growth', 'not net zero']
};

export const COMPETITIVE_VARIANTS: Record<
	(typeof SCHEME_COMPETITIVENESS)[number],
	readonly string[]
> = {
	yes: ['y', 'true', 'competitive', 'competition'],
	no: ['n', 'false', 'formula', 'allocation', 'non competitive'],
	mixed: ['both', 'some', 'partly']
};

export const purposeChoice = choice(
	PURPOSE_VARIANTS,
	'"net_zero_specific", "net_zero_partial" (a net-zero strand of a wider fund) or "general"'
);

export const competitiveChoice = choice(COMPETITIVE_VARIANTS, '"yes", "no" or "mixed"');
