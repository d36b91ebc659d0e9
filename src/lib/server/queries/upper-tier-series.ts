/**
 * The series of a county, combined authority or the GLA in one measure: the sum of its member
 * councils' current series (each member from the release in force for it), named as such, with
 * its members and the years the sum leaves out. DESNZ's 2005–2023 totals cover districts and
 * single-tier councils only, so without the sum an upper tier would be judged on its own figure in
 * the 2005–2020 series, whose trend ends on the Covid low of 2020.
 *
 * The council's own series stands in only where the sum reaches no later year (no member has
 * figures, or they are in different units). Figures that end before the last year the area's
 * releases reach (the sum stops early because a member's figures do, or the own 2005–2020 series
 * stands in while the members' run to 2023) are old: shown, flagged, and not judged.
 */
import { leftOutSentences, sumMemberSeries } from '../metrics/area-sum';
import type { AreaMember, AreaMembers } from './area-members';
import type { ProgressSeries } from './area-series';

export interface SumMember extends AreaMember {
	/** The member's last figure in the measure, or null when it has none. */
	latest: { year: number; valueKt: number; unit: string } | null;
	releaseLabel: string | null;
}

export interface AreaSum {
	/** False when the council's own series stands in because no sum could be made. */
	inUse: boolean;
	/** "8 districts", "10 member councils". */
	membersPhrase: string;
	members: SumMember[];
	/** What the sum leaves out, in sentences; empty when every member has every year. */
	leftOut: string[];
}

export function membersPhrase(area: AreaMembers): string {
	const n = area.members.length;
	if (area.tier === 'upper') return n === 1 ? '1 district' : `${n} districts`;
	return n === 1 ? '1 member council' : `${n} member councils`;
}

/** Sentences run into a reason, which the pages end with their own full stop. */
const asReason = (sentences: readonly string[]) => sentences.join(' ').replace(/\.$/, '');

const latestOf = (s: ProgressSeries | undefined) => s?.points.at(-1)?.year ?? null;

/** The upper tier's series, or undefined when neither it nor any member has figures. */
export function upperTierSeries(
	area: AreaMembers,
	own: ProgressSeries | undefined,
	memberSeries: (code: string) => ProgressSeries | undefined
): ProgressSeries | undefined {
	const members = area.members.map((m) => ({ ...m, series: memberSeries(m.code) }));
	const held = members.flatMap((m) => (m.series ? [m.series] : []));
	const units = new Set(held.map((s) => s.unit));
	// Figures in different units (CO2 and CO2e) cannot be added: no year is summed.
	const summed = sumMemberSeries(
		members.map((m) => ({
			code: m.code,
			name: m.name,
			points: units.size > 1 ? null : (m.series?.points ?? null)
		}))
	);
	const phrase = membersPhrase(area);
	const sum: AreaSum = {
		inUse: false,
		membersPhrase: phrase,
		members: members.map(({ series, ...m }) => {
			const last = series?.points.at(-1);
			return {
				...m,
				latest: last ? { year: last.year, valueKt: last.valueKt, unit: series!.unit } : null,
				releaseLabel: series?.releaseLabel ?? null
			};
		}),
		leftOut:
			units.size > 1
				? [
						`The members' figures are in different units (${[...units].join(', ')}): they cannot be added.`
					]
				: leftOutSentences(summed)
	};
	// The last year any release in force for the area reaches: the trend window ends there.
	const ends = [own, ...held].flatMap((s) => (s?.windowEndYear != null ? [s.windowEndYear] : []));
	const windowEndYear = ends.length ? Math.max(...ends) : null;
	const sumLast = summed.points.at(-1)?.year ?? null;
	const ownLast = latestOf(own);

	if (sumLast !== null && (ownLast === null || sumLast >= ownLast)) {
		const sources = [...new Set(held.flatMap((s) => s.sources))];
		const releases = new Set(held.map((s) => s.release));
		const old =
			windowEndYear !== null && sumLast < windowEndYear
				? `the sum ends in ${sumLast}, but its members' figures run to ${windowEndYear}: ${asReason(sum.leftOut)}`
				: null;
		return {
			measure: held[0]!.measure,
			unit: held[0]!.unit,
			releaseLabel: `sum of its ${phrase}' figures, ${sources.join('; ')}${old ? `; old: ends in ${sumLast}` : ''}`,
			sources,
			release: releases.size === 1 ? [...releases][0]! : null,
			isAggregate: true,
			points: summed.points,
			windowEndYear,
			sum: { ...sum, inUse: true },
			old: old && `these figures are old, so they are shown but not judged: ${old}`,
			// Each member's series says what it set aside; the sum itself holds no release.
			otherGases: null
		};
	}
	if (!own) {
		if (!held.length) return undefined;
		// Members have figures but no year has them all: kept, empty, so the pages can say why.
		return {
			measure: held[0]!.measure,
			unit: held[0]!.unit,
			releaseLabel: `sum of its ${phrase}' figures: none can be made`,
			sources: [],
			release: null,
			isAggregate: true,
			points: [],
			windowEndYear,
			sum,
			old: null,
			otherGases: null
		};
	}
	const old =
		windowEndYear !== null && ownLast !== null && ownLast < windowEndYear
			? `these figures are old, so they are shown but not judged: the council's own series ends in ${ownLast} while its members' figures run to ${windowEndYear}, and no sum of its ${phrase}' figures can be made${sum.leftOut.length ? `: ${asReason(sum.leftOut)}` : ''}`
			: null;
	return {
		...own,
		releaseLabel: old ? `${own.releaseLabel}; old: ends in ${ownLast}` : own.releaseLabel,
		windowEndYear,
		sum,
		old
	};
}

/** Why an upper tier's members could not be summed, or null when they were. */
export function noSumReason(s: ProgressSeries): string | null {
	if (!s.sum || s.sum.inUse) return null;
	const why = asReason(s.sum.leftOut);
	return `no sum of its ${s.sum.membersPhrase}' figures can be made${why ? `: ${why}` : ''}`;
}
