/**
 * The partnership map's data: the published award fixture (consortium awards with partner
 * councils) and, on a council's own page only, its ledger: the template bids (Leeds with three
 * councils, an NHS trust, a university and a community group; a drafting bid with Wakefield and
 * Allerdale, now Cumberland), through the real import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { FEED_FIXTURES } from '../../../../tests/helpers/db';
import { createProgressDb } from '../../../../tests/helpers/progress-db';
import { partnersOf } from '../metrics/partnership-network';
import { getPartnerships, listCouncilPartners } from './partnerships';
import { recordPartnershipAnswer } from '../records/partnership-answers';
import type { Viewer } from '../accounts/viewer';

const LEEDS_OFFICER: Viewer = {
	role: 'officer',
	userId: 9,
	email: 'o@leeds.example',
	authorities: ['LDS']
};
const leeds = { council: 'LDS', viewer: LEEDS_OFFICER };

let handle: DbHandle;

beforeAll(async () => {
	handle = await createProgressDb([
		['scheme-purposes', FEED_FIXTURES['scheme-purposes']],
		['funding-facts', FEED_FIXTURES['funding-facts']]
	]);
});
afterAll(() => handle.close());

const edgeKey = (e: { from: string; to: string }) => `${e.from} ${e.to}`;

describe('partnerships from awards and bids', () => {
	it('maps the published awards only: a council’s bids change no public figure', () => {
		expect(getPartnerships({}, handle.db).coverage).toEqual({
			awards: 30,
			awardsWithPartners: 5,
			consortiumAwards: 6,
			bids: 0,
			bidsWithPartners: 0
		});
		const map = getPartnerships({ council: 'LDS' }, handle.db).network;
		expect(map.edges.filter((e) => e.bids > 0)).toEqual([]);
	});

	it("adds Leeds's own bids on its page, its drafts to its officers only", () => {
		const { network, coverage } = getPartnerships({ council: 'LDS' }, handle.db, leeds);
		expect(coverage).toMatchObject({ bids: 3, bidsWithPartners: 2 });
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
		expect(kirklees).toMatchObject({ count: 1, bids: 1, jointGbp: 1_900_000 });
		// The bid in preparation with Wakefield won nothing (yet), and is Leeds's draft.
		expect(network.edges.find((e) => edgeKey(e) === 'LDS WKF')).toMatchObject({
			bids: 1,
			jointGbp: 0
		});
		expect(partnersOf(network, 'LDS')).toHaveLength(8);
		const nhs = network.nodes.find((n) => n.kind === 'nhs')!;
		expect(nhs).toMatchObject({ label: 'Leeds Teaching Hospitals NHS Trust', group: 'NHS bodies' });
		const asPublic = getPartnerships({ council: 'LDS' }, handle.db, {
			council: 'LDS',
			viewer: { role: 'public' }
		}).network;
		expect(asPublic.edges.map(edgeKey)).not.toContain('LDS WKF');
	});

	it('shows a partner council a bid naming it only once its officers accept', () => {
		const onKirklees = () =>
			getPartnerships({ council: 'KIR' }, handle.db, { council: 'KIR', viewer: { role: 'public' } })
				.network.edges.filter((e) => e.bids > 0)
				.map(edgeKey);
		expect(onKirklees()).toEqual([]);
		recordPartnershipAnswer(
			handle.db,
			{
				leadAuthorityCode: 'LDS',
				bidReference: 'LDS-2024-07',
				partnerAuthorityCode: 'KIR',
				answer: 'accepted',
				bidLabel: 'LDS-2024-07',
				previous: null
			},
			{ userId: null, actor: 'test' }
		);
		expect(onKirklees()).toContain('KIR LDS');
	});

	it('filters by scheme and year, and offers the schemes and years there are', () => {
		const hug = getPartnerships({ scheme: 'Home Upgrade Grant' }, handle.db);
		expect(hug.network.edges.every((e) => !e.from.startsWith('LDS') && e.to !== 'LDS')).toBe(true);
		expect(hug.coverage.bids).toBe(0);
		expect(hug.network.nodes.find((n) => n.code === 'CAM')?.group).toBe(
			'Cambridgeshire and Peterborough'
		);
		const none = getPartnerships({ year: 1999 }, handle.db);
		expect(none.network.edges).toEqual([]);
		expect(none.coverage.awards).toBe(0);
		const { options } = getPartnerships({}, handle.db);
		expect(options.schemes).toContain('Home Upgrade Grant');
		expect(options.schemes).not.toContain('Test Decarbonisation Fund');
		expect(options.years).toEqual([2024, 2023]);
	});

	it("lists one council's partners for its page, most £ won together first", () => {
		const partners = listCouncilPartners('LDS', handle.db, LEEDS_OFFICER);
		expect(partners.map((p) => p.label).slice(0, 3)).toEqual([
			'Bradford',
			'Calderdale',
			'Kirklees'
		]);
		expect(partners.find((p) => p.kind === 'university')).toMatchObject({
			label: 'University of Leeds',
			code: null,
			count: 1,
			bids: 1,
			jointGbp: 1_900_000,
			schemes: ['Test Decarbonisation Fund']
		});
		expect(listCouncilPartners('TRF', handle.db)).toEqual([]);
	});
});
