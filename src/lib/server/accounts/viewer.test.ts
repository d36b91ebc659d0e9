import { describe, expect, it } from 'vitest';
import { refuseWrite, requireAdmin } from './guard';
import { visibleBids, visibleImporter } from './private-fields';
import { canSeePrivate, importPermission, type Viewer } from './viewer';

const PUBLIC: Viewer = { role: 'public' };
const TRF: Viewer = {
	role: 'officer',
	userId: 2,
	email: 'o@trafford.example',
	authorities: ['TRF']
};
const ADMIN: Viewer = { role: 'admin', userId: 1, email: 'a@example.org' };

describe('roles', () => {
	it('let an officer import their councils’ template feeds only, and an admin anything', () => {
		expect(importPermission(TRF, 'bids')).toEqual({ ok: true, allowedAuthorities: ['TRF'] });
		expect(importPermission(TRF, 'emissions-desnz')).toMatchObject({
			ok: false,
			reason: /Only an admin/
		});
		expect(importPermission(TRF, 'competitions')).toMatchObject({ ok: false });
		expect(importPermission(ADMIN, 'emissions-desnz')).toEqual({
			ok: true,
			allowedAuthorities: null
		});
		expect(importPermission(PUBLIC, 'bids')).toMatchObject({ ok: false, reason: /Sign in/ });
	});

	it('refuse every write of the public, whatever the path, and no read', () => {
		for (const [method, path] of [
			['POST', '/import'],
			['PUT', '/api/imports/uploads'],
			['POST', '/import/history'],
			['DELETE', '/api/anything-added-later'],
			['PATCH', '/admin/users']
		])
			expect(refuseWrite(method!, path!, PUBLIC)).toMatchObject({ status: 401 });
		expect(refuseWrite('GET', '/import/history', PUBLIC)).toBeNull();
		expect(refuseWrite('POST', '/login', PUBLIC)).toBeNull();
		expect(refuseWrite('POST', '/import', TRF)).toBeNull();
		expect(requireAdmin(TRF)).toMatch(/Only an admin/);
		expect(requireAdmin(ADMIN)).toBeNull();
	});
});

describe('private fields', () => {
	const bids = [
		{ ref: 'A', status: 'idea', officerDays: 3, bidCostGbp: null },
		{ ref: 'B', status: 'drafting', officerDays: 5, bidCostGbp: 1000 },
		{ ref: 'C', status: 'submitted', officerDays: 8, bidCostGbp: 2000 },
		{ ref: 'D', status: 'won', officerDays: 10, bidCostGbp: null }
	];

	it('show the public submitted and decided bids without their costs', () => {
		expect(visibleBids(bids, 'TRF', PUBLIC)).toEqual([
			{ ref: 'C', status: 'submitted', officerDays: null, bidCostGbp: null },
			{ ref: 'D', status: 'won', officerDays: null, bidCostGbp: null }
		]);
	});

	it('show everything to the council’s officers and admins, not to another council’s', () => {
		expect(visibleBids(bids, 'TRF', TRF)).toEqual(bids);
		expect(visibleBids(bids, 'MAN', TRF)).toHaveLength(2);
		expect(visibleBids(bids, 'MAN', ADMIN)).toEqual(bids);
		expect(canSeePrivate(PUBLIC, 'TRF')).toBe(false);
	});
});

describe('who ran an import', () => {
	it('is named to admins only; others see what kind of writer it was', () => {
		for (const viewer of [PUBLIC, TRF]) {
			expect(visibleImporter('o@trafford.example', viewer)).toBe('a signed-in user');
			expect(visibleImporter('cli:alice', viewer)).toBe('the command line');
			expect(visibleImporter('default data', viewer)).toBe('default data');
		}
		expect(visibleImporter('o@trafford.example', ADMIN)).toBe('o@trafford.example');
		expect(visibleImporter('cli:alice', ADMIN)).toBe('cli:alice');
	});
});
