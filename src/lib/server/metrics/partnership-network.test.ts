import { describe, expect, it } from 'vitest';
import {
	partnershipNetwork,
	partnersOf,
	type Collaboration,
	type CouncilInfo
} from './partnership-network';

const GM = { code: 'GMCA', name: 'Greater Manchester' };
const councils = new Map<string, CouncilInfo>(
	[
		{ code: 'MAN', name: 'Manchester', combinedAuthority: GM },
		{ code: 'TRF', name: 'Trafford', combinedAuthority: GM },
		{ code: 'GMCA', name: 'Greater Manchester', combinedAuthority: null },
		{ code: 'LDS', name: 'Leeds', combinedAuthority: null }
	].map((c) => [c.code, c])
);
const council = (code: string) => ({ code, name: code, kind: 'authority' as const });
const uni = { code: null, name: 'University of Salford', kind: 'university' as const };
const nhs = { code: null, name: 'Leeds Teaching Hospitals  NHS Trust', kind: 'nhs' as const };

const input: Collaboration[] = [
	// GMCA leads an award of £10m with Manchester and Trafford.
	{
		source: 'award',
		id: 1,
		bidId: 7,
		leadCode: 'GMCA',
		scheme: 'HUG',
		round: '2',
		wonGbp: 10_000_000,
		partners: [council('MAN'), council('TRF')]
	},
	// The bid that award came from: not counted again, but its university partner joins the award.
	{
		source: 'bid',
		id: 7,
		leadCode: 'GMCA',
		scheme: 'HUG',
		round: '2',
		wonGbp: 10_000_000,
		partners: [council('MAN'), council('TRF'), uni]
	},
	// GMCA and Manchester again, a £2m award in another scheme.
	{
		source: 'award',
		id: 2,
		leadCode: 'GMCA',
		scheme: 'PSDS',
		round: '3c',
		wonGbp: 2_000_000,
		partners: [council('MAN')]
	},
	// Leeds bids (lost) with an NHS trust, named twice with different spacing and case.
	{
		source: 'bid',
		id: 8,
		leadCode: 'LDS',
		scheme: 'PSDS',
		round: '3c',
		wonGbp: 0,
		partners: [nhs, { ...nhs, name: 'leeds teaching hospitals NHS trust' }]
	},
	// An award without partners is no collaboration.
	{ source: 'award', id: 3, leadCode: 'LDS', scheme: 'X', round: '1', wonGbp: 5, partners: [] }
];

describe('the partnership network', () => {
	const net = partnershipNetwork(input, councils);

	it('joins each lead to each partner, weighted by joint count and £, the award counted once', () => {
		expect(net.collaborations).toBe(3);
		expect(net.edges).toEqual([
			{
				from: 'GMCA',
				to: 'MAN',
				count: 2,
				awards: 2,
				bids: 0,
				jointGbp: 12_000_000,
				schemes: ['HUG', 'PSDS']
			},
			{
				from: 'GMCA',
				to: 'TRF',
				count: 1,
				awards: 1,
				bids: 0,
				jointGbp: 10_000_000,
				schemes: ['HUG']
			},
			{
				from: 'GMCA',
				to: 'university:university of salford',
				count: 1,
				awards: 1,
				bids: 0,
				jointGbp: 10_000_000,
				schemes: ['HUG']
			},
			{
				from: 'LDS',
				to: 'nhs:leeds teaching hospitals nhs trust',
				count: 1,
				awards: 0,
				bids: 1,
				jointGbp: 0,
				schemes: ['PSDS']
			}
		]);
	});

	it('groups a combined authority with its member councils, other bodies by kind', () => {
		expect(net.nodes.map((n) => [n.label, n.group, n.collaborations])).toEqual([
			['Greater Manchester', 'Greater Manchester', 2],
			['Manchester', 'Greater Manchester', 2],
			['Trafford', 'Greater Manchester', 1],
			['Leeds Teaching Hospitals NHS Trust', 'NHS bodies', 1],
			['Leeds', 'Other councils', 1],
			['University of Salford', 'Universities', 1]
		]);
	});

	it('keeps partners together within a group, then orders by name', () => {
		const award = (id: number, leadCode: string, partner: string): Collaboration => ({
			source: 'award',
			id,
			leadCode,
			scheme: 'HUG',
			round: '2',
			wonGbp: 1,
			partners: [council(partner)]
		});
		const others = partnershipNetwork(
			[award(1, 'WYR', 'BPL'), award(2, 'BRO', 'NOW')],
			new Map(
				[
					['BPL', 'Blackpool'],
					['WYR', 'Wyre'],
					['BRO', 'Broadland'],
					['NOW', 'Norwich']
				].map(([code, name]) => [code!, { code: code!, name: name!, combinedAuthority: null }])
			)
		);
		expect(others.nodes.map((n) => n.label)).toEqual(['Blackpool', 'Wyre', 'Broadland', 'Norwich']);
	});

	it("lists a council's partners", () => {
		expect(partnersOf(net, 'MAN').map((p) => p.id)).toEqual(['GMCA']);
		expect(partnersOf(net, 'GMCA').map((p) => p.id)).toEqual([
			'MAN',
			'TRF',
			'university:university of salford'
		]);
	});
});
