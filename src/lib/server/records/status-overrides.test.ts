/**
 * An officer's override of a calculated status: stored with its reason and audited, the newest
 * entry in force, a withdrawal bringing the calculated status back, the calculated status always
 * kept beside it, and who set it named to admins only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { auditLog, targets } from '../db/schema';
import { undoImport } from '../import/undo-import';
import { createTestDb, importFile, loadAuthorities } from '../../../../tests/helpers/db';
import { createProgressDb } from '../../../../tests/helpers/progress-db';
import { getCouncilProgress } from '../queries/council-progress';
import { statusInForce } from '../../progress-text';
import {
	listStatusOverrides,
	overridesInForce,
	recordStatusOverride,
	StatusOverrideForm
} from './status-overrides';

const ADMIN = { role: 'admin', userId: 1, email: 'admin@example.org' } as const;
const OFFICER = { userId: 7, actor: 'officer@leeds.example' };
const PUBLIC = { role: 'public' } as const;

let handle: DbHandle;

beforeAll(async () => {
	handle = await createProgressDb([]);
});
afterAll(() => handle.close());

const leedsArea = (viewer: Parameters<typeof getCouncilProgress>[1]['viewer'] = ADMIN) =>
	getCouncilProgress('LDS', { today: '2025-04-01', viewer }, handle.db).targets.find(
		(t) => t.row.scope === 'whole_area'
	)!;

const write = (colour: 'green' | 'amber' | 'red' | null, reason: string, measure = 'territorial') =>
	recordStatusOverride(
		handle.db,
		{
			authorityCode: 'LDS',
			scope: 'whole_area',
			targetYear: leedsArea().row.targetYear,
			targetId: leedsArea().row.id,
			targetLabel: 'whole area, net zero by 2030',
			measure,
			colour,
			calculatedColour: 'red',
			reason
		},
		OFFICER
	);

describe('status overrides', () => {
	it('a target starts with its calculated status and no override', () => {
		const area = leedsArea();
		expect(area.measure).toBe('territorial');
		expect(area.override).toBeNull();
		expect(statusInForce(area)).toMatchObject({
			colour: 'red',
			calculated: 'red',
			overridden: false
		});
	});

	it('an override is in force with its reason, the calculated status kept beside it', () => {
		write('amber', 'The 2024 heat network cuts 180 kt a year from 2026; not in the 2023 figures.');
		const area = leedsArea();
		expect(area.override).toMatchObject({
			colour: 'amber',
			calculatedColour: 'red',
			reason: 'The 2024 heat network cuts 180 kt a year from 2026; not in the 2023 figures.'
		});
		expect(statusInForce(area)).toEqual({
			colour: 'amber',
			calculated: 'red',
			overridden: true,
			reason: 'The 2024 heat network cuts 180 kt a year from 2026; not in the 2023 figures.'
		});
		// The figures themselves are untouched: the status the rule gives is still red.
		expect(area.progress?.available && area.progress.status).toMatchObject({ colour: 'red' });
	});

	it('belongs to the measure it was set on', () => {
		const soi = getCouncilProgress(
			'LDS',
			{ today: '2025-04-01', measure: 'scope_of_influence', viewer: ADMIN },
			handle.db
		).targets.find((t) => t.row.scope === 'whole_area')!;
		expect(soi.measure).toBe('scope_of_influence');
		expect(soi.override).toBeNull();
	});

	it('is audited with the values before and after', () => {
		const entry = handle.db.select().from(auditLog).all().at(-1)!;
		expect(entry).toMatchObject({
			action: 'status.override',
			actor: 'officer@leeds.example',
			userId: 7,
			before: { colour: null },
			after: { colour: 'amber', calculatedColour: 'red' }
		});
		expect(entry.summary).toContain('LDS whole area, net zero by 2030 (territorial)');
	});

	it('names who set it to admins only', () => {
		expect(leedsArea(ADMIN).override!.by).toBe('officer@leeds.example');
		expect(leedsArea(PUBLIC).override!.by).toBeNull();
		// An officer of the council sees their colleagues' judgements, but not who made them.
		expect(
			leedsArea({ role: 'officer', userId: 8, email: 'b@leeds.example', authorities: ['LDS'] })
				.override!.by
		).toBeNull();
	});

	it('the newest entry is in force, and a withdrawal brings the calculated status back', () => {
		write('green', 'Board agreed the retrofit programme is funded to 2030 in full.');
		expect(leedsArea().override!.colour).toBe('green');
		write(null, 'The retrofit funding was cut at the March budget; back to the rule.');
		const area = leedsArea();
		expect(area.override).toBeNull();
		expect(statusInForce(area)).toMatchObject({ colour: 'red', overridden: false });
		expect(area.overrideHistory.map((h) => h.colour)).toEqual(['amber', 'green', null]);
		expect(handle.db.select().from(auditLog).all().at(-1)).toMatchObject({
			action: 'status.override-withdrawn',
			before: { colour: 'green' },
			after: { colour: null }
		});
	});

	it('keeps entries of one council apart from another', () => {
		expect(listStatusOverrides('MAN', ADMIN, handle.db)).toEqual([]);
		const inForce = overridesInForce(listStatusOverrides('LDS', ADMIN, handle.db));
		expect(inForce.get({ scope: 'whole_area', targetYear: 1999 }, 'territorial')).toBeNull();
		expect(inForce.get(leedsArea().row, 'territorial')).toBeNull();
	});
});

describe('the override form', () => {
	const valid = {
		targetId: '3',
		measure: 'territorial',
		colour: 'amber',
		reason: 'A reason long enough.'
	};
	it('accepts a colour, or "calculated" to withdraw', () => {
		expect(StatusOverrideForm.safeParse(valid).success).toBe(true);
		expect(StatusOverrideForm.safeParse({ ...valid, colour: 'calculated' }).success).toBe(true);
	});
	it('refuses a missing or short reason, an unknown colour or measure', () => {
		const short = StatusOverrideForm.safeParse({ ...valid, reason: '  too short ' });
		expect(short.success).toBe(false);
		expect(short.error!.issues[0]!.message).toContain('at least 10 characters');
		expect(StatusOverrideForm.safeParse({ ...valid, colour: 'blue' }).success).toBe(false);
		expect(StatusOverrideForm.safeParse({ ...valid, measure: 'gdp' }).success).toBe(false);
		expect(StatusOverrideForm.safeParse({ ...valid, targetId: 'x' }).success).toBe(false);
	});
});

describe('an override and an undone import', () => {
	it('stays on record when the import that brought its target is undone, and applies again when the same promise comes back', async () => {
		const handle = createTestDb();
		try {
			await loadAuthorities(handle);
			const csv = 'local-authority-code,scope,target,wording,source_url\n';
			const first = await importFile(
				handle,
				'mysociety-promises',
				`${csv}TRF,Whole area,2038.0,Net zero by 2038,https://a.example\n`
			);
			const target = handle.db.select().from(targets).get()!;
			recordStatusOverride(
				handle.db,
				{
					authorityCode: 'TRF',
					scope: 'whole_area',
					targetYear: 2038,
					targetId: target.id,
					targetLabel: 'whole area, net zero by 2038',
					measure: 'territorial',
					colour: 'amber',
					calculatedColour: 'red',
					reason: 'A reason that must outlive the import.'
				},
				OFFICER
			);
			expect((await undoImport(handle, first.batchId!)).ok).toBe(true);
			expect(handle.db.select().from(targets).all()).toEqual([]);
			expect(listStatusOverrides('TRF', ADMIN, handle.db)).toHaveLength(1);
			// The same promise imported again is a new row, the same target: the override is back.
			await importFile(
				handle,
				'mysociety-promises',
				`${csv}TRF,Whole area,2038.0,Net zero by 2038 (revised wording),https://a.example\n`
			);
			const again = handle.db.select().from(targets).get()!;
			expect(again.id).not.toBe(target.id);
			const inForce = overridesInForce(listStatusOverrides('TRF', ADMIN, handle.db));
			expect(inForce.get(again, 'territorial')).toMatchObject({ colour: 'amber' });
			// A different year is a different promise: the rule's status stands.
			expect(inForce.get({ ...again, targetYear: 2035 }, 'territorial')).toBeNull();
		} finally {
			handle.close();
		}
	});
});
