/**
 * The partnership map's data: the template bids (Leeds with three councils, an NHS trust, a
 * university and a community group; a bid with Wakefield and Allerdale, now Cumberland) and the
 * published award fixture (consortium awards with partner councils), through the real import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { FEED_FIXTURES } from '../../../../tests/helpers/db';
import { createProgressDb } from '../../../../tests/helpers/progress-db';
import { partnersOf } from '../metrics/partnership-network';
import { getPartnerships, listCouncilPartners } from './partnerships';

let handle: DbHandle;

beforeAll(async () => {
	handle = await createProgressDb([['funding-facts', FEED_FIXTURES['funding-facts']]]);
});
afterAll(() => handle.close());

const edgeKey = (e: { from: string; to: string }) => `${e.from} ${e.to}`;

describe('partnerships from awards and bids', () => {
	it('says how many awards and bids record partners', () => {
		expect(getPartnerships({}, handle.db).coverage).toEqual({
			awards: 31,
			awardsWithPartners: 6,
			consortiumAwards: 7,
			bids: 3,
			bidsWithPartners: 2
		});
	});

	it("joins Leeds's won bid and its award once, with the bid's other bodies", () => {
		const { network } = getPartnerships({ council: 'LDS' }, handle.db);
		expect(network.edges.map(edgeKey).sort()).toEqual([
			'BRD LDS',
			'CBD LDS',
			'CLD LDS',
			'KIR LDS',
			'LDS WKF',
			'LDS nhs:leeds teaching hospitals nhs trust',
			'LDS other:leeds community energy',
			'LDS university:university of leeds'
		]);
		const kirklees = network.edges.find((e) => e.to === 'KIR' || e.from === 'KIR')!;
		expect(kirklees).toMatchObject({ count: 1, awards: 1, bids: 0, jointGbp: 1_900_000 });
		// The bid in preparation with Wakefield won nothing (yet).
		expect(network.edges.find((e) => edgeKey(e) === 'LDS WKF')).toMatchObject({
			bids: 1,
			jointGbp: 0
		});
		expect(partnersOf(network, 'LDS')).toHaveLength(8);
		const nhs = network.nodes.find((n) => n.kind === 'nhs')!;
		expect(nhs).toMatchObject({ label: 'Leeds Teaching Hospitals NHS Trust', group: 'NHS bodies' });
	});

	it('filters by scheme and year, and offers the schemes and years there are', () => {
		const hug = getPartnerships({ scheme: 'Home Upgrade Grant' }, handle.db);
		expect(hug.network.edges.every((e) => !e.from.startsWith('LDS') && e.to !== 'LDS')).toBe(true);
		expect(hug.coverage.bids).toBe(1);
		expect(hug.network.nodes.find((n) => n.code === 'CAM')?.group).toBe(
			'Cambridgeshire and Peterborough'
		);
		const none = getPartnerships({ year: 1999 }, handle.db);
		expect(none.network.edges).toEqual([]);
		expect(none.coverage.awards).toBe(0);
		const { options } = getPartnerships({}, handle.db);
		expect(options.schemes).toContain('Test Decarbonisation Fund');
		expect(options.years).toEqual([2025, 2024, 2023]);
	});

	it("lists one council's partners for its page, most £ won together first", () => {
		const leeds = listCouncilPartners('LDS', handle.db);
		expect(leeds.map((p) => p.label).slice(0, 3)).toEqual(['Bradford', 'Calderdale', 'Kirklees']);
		expect(leeds.find((p) => p.kind === 'university')).toMatchObject({
			label: 'University of Leeds',
			code: null,
			count: 1,
			jointGbp: 1_900_000,
			schemes: ['Test Decarbonisation Fund']
		});
		expect(listCouncilPartners('TRF', handle.db)).toEqual([]);
	});
});
