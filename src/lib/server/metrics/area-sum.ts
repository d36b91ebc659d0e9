/**
 * An upper tier's emissions as the sum of its member councils' series: a county's districts, a
 * combined authority's constituent councils. A year is in the sum only when every member has a
 * figure for it (a year with a member missing would read as a fall that is only a gap); the
 * years left out are kept with the members they lack, so the page can say so. Population is
 * summed the same way, or left empty for a year a member has none. Pure; unit-tested.
 */
import { sortedSeries, type YearValue } from './series';

export const UPPER_TIER_EXPLANATION =
	"DESNZ publishes emissions for districts and single-tier councils only. A county's figures are the sum of its districts', a combined authority's the sum of its member councils' (a county among them counted as its districts), the Greater London Authority's the sum of the London boroughs' and the City of London's, each member's from the release in force for it; a year is in the sum only when every member has a figure for it. Figures that end before the members' do (or the council's own 2005–2020 figures, used only where no sum can be made) are old: shown, flagged, and given no status.";

export interface MemberSeries {
	code: string;
	name: string;
	/** The member's current series in the measure; null when it has none. */
	points: readonly YearValue[] | null;
}

export interface YearLeftOut {
	year: number;
	/** The members with no figure for that year, by name. */
	missing: string[];
}

export interface SummedSeries {
	points: YearValue[];
	/** Years some member has and another lacks, earliest first. */
	yearsLeftOut: YearLeftOut[];
	/** Members with no figures at all in the measure: no year can be summed. */
	withoutFigures: string[];
}

export function sumMemberSeries(members: readonly MemberSeries[]): SummedSeries {
	const byYear = members.map((m) => new Map(sortedSeries(m.points ?? []).map((p) => [p.year, p])));
	const withoutFigures = members.filter((_, i) => byYear[i]!.size === 0).map((m) => m.name);
	const years = [...new Set(byYear.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
	const points: YearValue[] = [];
	const yearsLeftOut: YearLeftOut[] = [];
	for (const year of years) {
		const missing = members.filter((_, i) => !byYear[i]!.has(year)).map((m) => m.name);
		if (missing.length) {
			yearsLeftOut.push({ year, missing });
			continue;
		}
		const these = byYear.map((m) => m.get(year)!);
		const people = these.map((p) => p.population);
		points.push({
			year,
			valueKt: these.reduce((s, p) => s + p.valueKt, 0),
			population: people.every((n) => n != null && n > 0)
				? people.reduce<number>((s, n) => s + n!, 0)
				: null
		});
	}
	return { points, yearsLeftOut, withoutFigures: members.length ? withoutFigures : [] };
}

/** "2005", "2005–2007", "2005–2007 and 2010". */
export function yearSpans(years: readonly number[]): string {
	const spans: string[] = [];
	const sorted = [...years].sort((a, b) => a - b);
	for (let i = 0; i < sorted.length;) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
		spans.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
		i = j + 1;
	}
	return spans.length > 1
		? `${spans.slice(0, -1).join(', ')} and ${spans.at(-1)}`
		: (spans[0] ?? '');
}

/** "a, b and c" */
export const namesList = (names: readonly string[]) =>
	names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');

/**
 * What the sum leaves out, in sentences: "2021–2023 are left out: Foo has no figures for them."
 * Empty when every member has every year.
 */
export function leftOutSentences(sum: Pick<SummedSeries, 'yearsLeftOut' | 'withoutFigures'>) {
	const sentences: string[] = [];
	if (sum.withoutFigures.length) {
		const n = sum.withoutFigures.length;
		sentences.push(
			`${namesList(sum.withoutFigures)} ${n === 1 ? 'has' : 'have'} no figures in this measure, so no year can be summed.`
		);
	}
	// Grouped by who is missing: one sentence for each set of members lacking years.
	const groups = new Map<string, { missing: string[]; years: number[] }>();
	for (const y of sum.yearsLeftOut) {
		const missing = y.missing.filter((m) => !sum.withoutFigures.includes(m));
		if (!missing.length) continue;
		const key = missing.join('\n');
		const group = groups.get(key);
		if (group) group.years.push(y.year);
		else groups.set(key, { missing, years: [y.year] });
	}
	for (const { missing, years } of groups.values()) {
		const verb = years.length === 1 ? 'is' : 'are';
		const has = missing.length === 1 ? 'has' : 'have';
		sentences.push(
			`${yearSpans(years)} ${verb} left out of the sum: ${namesList(missing)} ${has} no figure for ${years.length === 1 ? 'it' : 'them'}.`
		);
	}
	return sentences;
}
