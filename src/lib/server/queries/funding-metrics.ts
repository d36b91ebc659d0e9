/**
 * The funding metrics API's answers (/api/funding/metrics), built from the same functions the
 * funding pages call, so a figure is computed in one place and the API cannot drift from a page.
 */
import { SHARE_METHOD, type MoneyScope } from '../metrics/funding';
import { getAuthorityMetrics } from './authority-funding';
import { serverDb, type Db } from './connection';
import { PUBLIC, type Viewer } from '../accounts/viewer';
import { getNationalFunding } from './national-funding';

/** One council's figures (published awards only) and bid outcomes (flagged when sample). */
export function getAuthorityFundingMetrics(
	code: string,
	year: number | null = null,
	db: Db = serverDb(),
	viewer: Viewer = PUBLIC,
	money: MoneyScope = 'net-zero'
) {
	const m = getAuthorityMetrics(code, { year, viewer, money }, db);
	return {
		authority: code,
		year,
		money: m.money,
		notCounted: m.notCounted,
		population: m.population,
		source: 'published awards (partial lists) and imports',
		estimatedShareMethod: SHARE_METHOD,
		metrics: m.fragmentation,
		bids: { ...m.outcomes, dayRateGbp: m.dayRateGbp, isSample: m.bidsAreSample }
	};
}

/** Every current council's figures and the national ones (sample data excluded). */
export function getNationalFundingMetrics(
	year: number | null = null,
	db: Db = serverDb(),
	money: MoneyScope = 'net-zero'
) {
	const national = getNationalFunding(year, db, money);
	return {
		year,
		money: national.money,
		notCounted: national.notCounted,
		source: 'published awards (partial lists) and imports; sample data excluded',
		national: national.national,
		windows: national.windowSummary,
		churn: national.churn,
		estimatedShareMethod: SHARE_METHOD,
		perHead: {
			// Over councils with a published award only: a council with none is missing data.
			gini: national.perHead.gini,
			councils: national.perHead.withAwards,
			measure: '£ per head of awards led, district and single-tier councils that led one',
			estimatedGini: national.perHead.estimatedGini,
			estimatedCouncils: national.perHead.withAnyAward
		},
		authorities: national.authorities
	};
}
