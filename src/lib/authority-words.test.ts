import { describe, expect, it } from 'vitest';
import {
	participationWords,
	schemesNotRunningIn,
	tierLine,
	typeInSentence
} from './authority-words';

describe('tierLine', () => {
	it('never names the type twice', () => {
		expect(tierLine('Combined authority', 'combined')).toBe(
			'Combined authority, a tier above councils: its figures include its member councils'
		);
		expect(tierLine('Metropolitan district', 'unitary')).toBe(
			'Metropolitan district, single-tier: it runs all local services'
		);
		for (const [type, tier] of [
			['Combined authority', 'combined'],
			['County', 'upper'],
			['Non-metropolitan district', 'lower'],
			['Greater London Authority', 'regional']
		] as const) {
			const words = tierLine(type, tier).toLowerCase();
			expect(words.split(type.toLowerCase()).length - 1, words).toBe(1);
		}
	});
});

describe('typeInSentence', () => {
	it('lowers common nouns and keeps proper names and adjectives', () => {
		expect(typeInSentence('Combined authority')).toBe('combined authority');
		expect(typeInSentence('Non-metropolitan district')).toBe('non-metropolitan district');
		expect(typeInSentence('Greater London Authority')).toBe('Greater London Authority');
		expect(typeInSentence('Scottish unitary authority')).toBe('Scottish unitary authority');
		expect(typeInSentence('NI district')).toBe('NI district');
		expect(typeInSentence('London borough')).toBe('London borough');
	});
});

describe('participationWords', () => {
	const WHLG = 'Warm Homes: Local Grant';

	it('says a scheme for England only does not apply in Scotland, Wales or Northern Ireland', () => {
		for (const nation of ['Scotland', 'Wales', 'Northern Ireland']) {
			expect(participationWords(WHLG, 'NoFunding', nation)).toEqual({
				status: 'Not applicable',
				note: 'the scheme is for England only.',
				notApplicable: true
			});
		}
	});

	it('words an English council’s status as the DESNZ service does', () => {
		expect(participationWords(WHLG, 'NoFunding', 'England').status).toBe('Not taking part');
		expect(participationWords(WHLG, 'Live', 'England').status).toBe('Taking referrals');
		// Greater Manchester's councils: not on the national service, yet in a consortium.
		const gm = participationWords(WHLG, 'NotParticipating', 'England');
		expect(gm.status).not.toMatch(/not taking part/i);
		expect(gm).toEqual({
			status: 'Not through the national service',
			note: 'residents apply to the council or its consortium directly.',
			notApplicable: false
		});
	});

	it('passes an unknown status through as it is', () => {
		expect(participationWords(WHLG, 'Pending', 'England').status).toBe('Pending');
		expect(participationWords('Another scheme', 'Live', 'Wales').status).toBe('Taking referrals');
	});
});

describe('schemesNotRunningIn', () => {
	it('names an England-only scheme for a council its list leaves out, and nothing in England', () => {
		expect(schemesNotRunningIn('Northern Ireland', [])).toEqual(['Warm Homes: Local Grant']);
		expect(schemesNotRunningIn('Scotland', ['Warm Homes: Local Grant'])).toEqual([]);
		expect(schemesNotRunningIn('England', [])).toEqual([]);
	});
});
