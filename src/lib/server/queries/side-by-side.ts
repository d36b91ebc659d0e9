/**
 * Two to six councils side by side: each one's current whole-area emissions series (its own
 * release, never spliced), its targets and on-track status, and its published funding figures
 * (net-zero money unless all money is asked for). Built from the functions the progress and
 * funding pages call, so a figure here cannot differ from the same figure on the council's own
 * pages.
 */
import { PUBLIC } from '../accounts/viewer';
import type { CouncilSeries } from '../../charts/side-by-side';
import type { StatusColour } from '../../progress-text';
import type { MoneyScope } from '../metrics/funding';
import type { TargetScope } from '../metrics/target-progress';
import { findAuthorityCode, getAuthority } from './authorities';
import { serverDb, type Db } from './connection';
import { getCouncilProgress } from './council-progress';
import type { EmissionMeasure } from './emissions';
import { getAuthorityFundingMetrics } from './funding-metrics';

export interface TargetStatus {
	scope: TargetScope;
	targetYear: number | null;
	/** The progress figures' measure, e.g. "Territorial emissions". */
	measureLabel: string | null;
	colour: StatusColour | null;
	/** Why there is no status (no figures, no target year…), when there is none. */
	reason: string | null;
}

export interface SideCouncil {
	code: string;
	name: string;
	typeName: string;
	combinedAuthority: { code: string; name: string } | null;
	/** The current series in the chosen measure, or null when the council has none. */
	series: CouncilSeries | null;
	/** The series' first and last year, to say which years each line covers. */
	years: { from: number; to: number } | null;
	isAggregate: boolean;
	targets: TargetStatus[];
	funding: ReturnType<typeof getAuthorityFundingMetrics>;
}

/** Codes as typed → the councils' codes, and the ones no council has, in the order given. */
export function resolveCodes(inputs: readonly string[], db: Db = serverDb()) {
	const codes: string[] = [];
	const unknown: string[] = [];
	for (const input of inputs) {
		const code = findAuthorityCode(input, db);
		if (!code) unknown.push(input);
		else if (!codes.includes(code)) codes.push(code);
	}
	return { codes, unknown };
}

export function getSideCouncil(
	code: string,
	options: { measure: EmissionMeasure; today: string; money?: MoneyScope },
	db: Db = serverDb()
): SideCouncil | null {
	const a = getAuthority(code, db);
	if (!a) return null;
	const progress = getCouncilProgress(code, options, db);
	const s = progress.areaSeries.find((x) => x.measure === options.measure) ?? null;
	const targets = progress.targets.map(({ row, progress: p }) => {
		const status = p?.available ? p.status : null;
		return {
			scope: row.scope as TargetScope,
			targetYear: row.targetYear,
			measureLabel: p?.available ? p.measureLabel : null,
			colour: status?.available ? status.colour : null,
			reason: !p
				? 'no figures in the measure this target is judged on'
				: !p.available
					? p.reason
					: status && !status.available
						? status.reason
						: null
		};
	});
	return {
		code,
		name: a.name,
		typeName: a.typeName,
		combinedAuthority: a.combinedAuthority,
		series: s?.points.length
			? {
					code,
					name: a.name,
					unit: s.unit,
					releaseLabel: s.releaseLabel,
					sources: s.sources,
					points: s.points
				}
			: null,
		years: s?.points.length ? { from: s.points[0]!.year, to: s.points.at(-1)!.year } : null,
		// A published aggregate (an upper tier's own figures); a sum made here says so in its label.
		isAggregate: s ? s.isAggregate && !s.sum?.inUse : false,
		targets,
		// As the public sees them: the page is the same for everyone.
		funding: getAuthorityFundingMetrics(code, null, db, PUBLIC, options.money ?? 'net-zero')
	};
}
