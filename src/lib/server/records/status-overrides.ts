/**
 * An officer's override of a calculated status: read (the one in force for each target and
 * measure, and the history) and written, each write with its audit entry in one transaction.
 * The calculated status is never replaced: pages print both, with the officer's reason.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { auditLog, statusOverrides, STATUS_COLOURS } from '../db/schema';
import type { Actor } from '../accounts/users';
import type { Viewer } from '../accounts/viewer';
import type { StatusColour } from '../../progress-text';
import { recordedBy } from '../accounts/private-fields';

export interface StatusOverride {
	id: number;
	scope: string;
	targetYear: number | null;
	measure: string;
	/** Null: this entry withdrew an earlier override. */
	colour: StatusColour | null;
	calculatedColour: StatusColour | null;
	reason: string;
	/** Who: an email address, to admins only (null for everyone else). */
	by: string | null;
	at: string;
}

/** What a target is, for an override: its scope and year (its council is the list's). */
export interface TargetIdentity {
	scope: string;
	targetYear: number | null;
}

const key = (t: TargetIdentity, measure: string) => `${t.scope}:${t.targetYear ?? ''}:${measure}`;

/** Every override entry for a council's targets, oldest first. */
export function listStatusOverrides(code: string, viewer: Viewer, db: Db): StatusOverride[] {
	return db
		.select()
		.from(statusOverrides)
		.where(eq(statusOverrides.authorityCode, code))
		.orderBy(asc(statusOverrides.id))
		.all()
		.map((r) => ({
			id: r.id,
			scope: r.scope,
			targetYear: r.targetYear,
			measure: r.measure,
			colour: r.colour,
			calculatedColour: r.calculatedColour,
			reason: r.reason,
			by: recordedBy(r.actor, viewer),
			at: r.at
		}));
}

/** The override in force for each (target, measure): the newest entry, unless it withdrew one. */
export function overridesInForce(entries: readonly StatusOverride[]) {
	const newest = new Map<string, StatusOverride>();
	for (const e of entries) newest.set(key(e, e.measure), e);
	return {
		get(target: TargetIdentity, measure: string): StatusOverride | null {
			const e = newest.get(key(target, measure));
			return e && e.colour ? e : null;
		},
		history(target: TargetIdentity, measure: string): StatusOverride[] {
			return entries.filter((e) => key(e, e.measure) === key(target, measure));
		}
	};
}

export const OVERRIDE_REASON_MIN = 10;
export const OVERRIDE_REASON_MAX = 2000;

/** The form an officer sends; "calculated" withdraws the override. */
export const StatusOverrideForm = z.object({
	targetId: z.coerce.number().int().positive(),
	measure: z.enum(['territorial', 'scope_of_influence', 'council_reported']),
	colour: z.enum([...STATUS_COLOURS, 'calculated']),
	reason: z
		.string()
		.trim()
		.min(
			OVERRIDE_REASON_MIN,
			`Give the reason in at least ${OVERRIDE_REASON_MIN} characters: a committee will read it.`
		)
		.max(OVERRIDE_REASON_MAX, `Keep the reason under ${OVERRIDE_REASON_MAX} characters.`)
});

export interface StatusOverrideWrite extends TargetIdentity {
	authorityCode: string;
	targetId: number;
	/** How the target is named in the audit trail, e.g. "whole area, net zero by 2038". */
	targetLabel: string;
	measure: string;
	colour: StatusColour | null;
	calculatedColour: StatusColour | null;
	reason: string;
}

/** Record an override (or its withdrawal) and its audit entry together. */
export function recordStatusOverride(db: Db, input: StatusOverrideWrite, by: Actor): number {
	return db.transaction((tx) => {
		const previous = tx
			.select({ colour: statusOverrides.colour })
			.from(statusOverrides)
			.where(
				and(
					eq(statusOverrides.authorityCode, input.authorityCode),
					eq(statusOverrides.scope, input.scope),
					input.targetYear === null
						? isNull(statusOverrides.targetYear)
						: eq(statusOverrides.targetYear, input.targetYear),
					eq(statusOverrides.measure, input.measure)
				)
			)
			.orderBy(asc(statusOverrides.id))
			.all()
			.at(-1);
		const { id } = tx
			.insert(statusOverrides)
			.values({ ...input, ...by })
			.returning({ id: statusOverrides.id })
			.get();
		tx.insert(auditLog)
			.values({
				...by,
				action: input.colour ? 'status.override' : 'status.override-withdrawn',
				summary: `${input.authorityCode} ${input.targetLabel} (${input.measure.replaceAll('_', ' ')}): ${
					input.colour
						? `status set to ${input.colour}, calculated ${input.calculatedColour ?? 'none'}`
						: `override withdrawn, calculated ${input.calculatedColour ?? 'none'} back in force`
				}`,
				before: { colour: previous?.colour ?? null },
				after: {
					colour: input.colour,
					calculatedColour: input.calculatedColour,
					reason: input.reason
				}
			})
			.run();
		return id;
	});
}
