/**
 * Everything known about one authority, composed for the profile page and the JSON API so both
 * always say the same thing.
 */
import {
	totalsByYear,
	summariseEmissions,
	type YearTotal,
	type EmissionsSummary
} from '../metrics/emissions';
import type { FragmentationSummary, MoneyScope } from '../metrics/funding';
import type { MoneyNotCounted } from '../metrics/money-not-counted';
import { UPPER_TIERS } from './area-members';
import { currentAreaSeries } from './area-series';
import { getAuthority, type AuthorityDetail } from './authorities';
import { getAwardFigures } from './authority-funding';
import { serverDb, type Db } from './connection';
import {
	getDeclaration,
	listPlans,
	listTargets,
	type DeclarationRow,
	type PlanRow,
	type TargetRow
} from './commitments';
import { getAuthorityEmissions, type EmissionMeasure, type EmissionRelease } from './emissions';
import {
	listAuthorityAwards,
	listAuthorityParticipations,
	type AwardRow,
	type ParticipationRow
} from './funding';

export const MEASURE_LABELS = {
	scope_of_influence: 'Emissions within the scope of influence of local authorities',
	territorial: 'Territorial emissions'
} as const;

export interface EmissionsSeries {
	measure: EmissionMeasure;
	measureLabel: string;
	unit: string;
	/** The release in force, and any older one still used for years the newest does not cover. */
	release: EmissionRelease;
	releases: EmissionRelease[];
	/** True for counties, combined authorities and the GLA: the sum of their members' figures. */
	isAggregate: boolean;
	/** A series of totals only (no split by sector), like the DESNZ 2005–2023 per-council file. */
	totalsOnly: boolean;
	byYear: YearTotal[];
	summary: EmissionsSummary | null;
	/**
	 * For a county's, combined authority's or the GLA's own figures: the later series progress is
	 * judged on (its members' figures summed), which makes these old; null otherwise.
	 */
	newer: { membersPhrase: string; lastYear: number } | null;
}

export interface AuthorityProfile {
	authority: AuthorityDetail;
	targets: TargetRow[];
	declaration: DeclarationRow | null;
	plans: PlanRow[];
	emissions: EmissionsSeries[];
	awards: AwardRow[];
	/**
	 * £ and £ per head from published awards of the money counted: as lead, and the estimated
	 * share (consortium awards split); with net-zero money, what the lists hold besides.
	 */
	fundingFigures: Pick<
		FragmentationSummary,
		'totalGbp' | 'perHeadGbp' | 'estimatedGbp' | 'estimatedPerHeadGbp' | 'partnerAwards'
	> & { population: number | null; money: MoneyScope; notCounted: MoneyNotCounted | null };
	participations: ParticipationRow[];
}

/** One authority's profile; its funding figures count `money` (net-zero money by default). */
export function getAuthorityProfile(
	code: string,
	db: Db = serverDb(),
	money: MoneyScope = 'net-zero'
): AuthorityProfile | null {
	const authority = getAuthority(code, db);
	if (!authority) return null;
	const summed = UPPER_TIERS.has(authority.tier) ? currentAreaSeries(code, db) : [];
	return {
		authority,
		targets: listTargets(code, db),
		declaration: getDeclaration(code, db),
		plans: listPlans(code, db),
		emissions: getAuthorityEmissions(code, db).map((e) => {
			const byYear = totalsByYear(e.rows);
			return {
				measure: e.measure,
				measureLabel: MEASURE_LABELS[e.measure],
				unit: e.gases === 'co2' ? 'kt CO2' : 'kt CO2e',
				release: e.releases[e.releases.length - 1]!,
				releases: e.releases,
				isAggregate: e.isAggregate,
				totalsOnly: e.totalsOnly,
				byYear,
				summary: summariseEmissions(byYear, e.populationByYear),
				newer: newerSum(summed, e.measure, byYear.at(-1)?.year ?? null)
			};
		}),
		awards: listAuthorityAwards(code, db),
		fundingFigures: fundingFigures(code, db, money),
		participations: listAuthorityParticipations(code, db)
	};
}

/** The members' sum in the measure, when it runs later than the council's own figures. */
function newerSum(
	current: ReturnType<typeof currentAreaSeries>,
	measure: EmissionMeasure,
	ownLastYear: number | null
): EmissionsSeries['newer'] {
	const s = current.find((x) => x.measure === measure);
	const lastYear = s?.points.at(-1)?.year;
	if (!s?.sum?.inUse || lastYear === undefined || (ownLastYear !== null && lastYear <= ownLastYear))
		return null;
	return { membersPhrase: s.sum.membersPhrase, lastYear };
}

function fundingFigures(
	code: string,
	db: Db,
	money: MoneyScope
): AuthorityProfile['fundingFigures'] {
	const { population, fragmentation: f, notCounted } = getAwardFigures(code, null, db, money);
	return {
		population,
		money,
		notCounted,
		totalGbp: f.totalGbp,
		perHeadGbp: f.perHeadGbp,
		estimatedGbp: f.estimatedGbp,
		estimatedPerHeadGbp: f.estimatedPerHeadGbp,
		partnerAwards: f.partnerAwards
	};
}
