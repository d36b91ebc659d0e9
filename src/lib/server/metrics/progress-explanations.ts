/**
 * The one-sentence explanations printed beside each progress figure, gathered for the pages.
 */
import {
	COUNTS_EXPLANATION,
	FUNDING_EXPLANATION,
	LATE_EXPLANATION,
	PERCENT_COMPLETE_LABEL,
	SAVINGS_EXPLANATION,
	STALE_EXPLANATION
} from './actions-progress';
import {
	ACHIEVED_EXPLANATION,
	BUDGET_EXPLANATION,
	NEEDED_EXPLANATION,
	PATH_EXPLANATION
} from './target-context';
import { BASELINE_EXPLANATION, CHANGE_EXPLANATION, INTERIM_EXPLANATION } from './target-progress';
import { PROJECTION_EXPLANATION, STATUS_EXPLANATION, trendExplanation } from './trajectory';
import { UPPER_TIER_EXPLANATION } from './area-sum';
import {
	BUDGET_PATHS_EXPLANATION,
	BUDGET_RULE,
	CARBON_LAW_RULE,
	STRAIGHT_PATH_RULE,
	TREND_PATH_RULE
} from './carbon-budget';

/** Plain strings (a page's data must serialise), the trend's for the window in use. */
export const progressExplanations = (windowYears: number) => ({
	baseline: BASELINE_EXPLANATION,
	change: CHANGE_EXPLANATION,
	trend: trendExplanation(windowYears),
	projection: PROJECTION_EXPLANATION,
	status: STATUS_EXPLANATION,
	upperTiers: UPPER_TIER_EXPLANATION,
	path: PATH_EXPLANATION,
	needed: NEEDED_EXPLANATION,
	achieved: ACHIEVED_EXPLANATION,
	budget: BUDGET_EXPLANATION,
	budgetPaths: BUDGET_PATHS_EXPLANATION,
	trendPath: TREND_PATH_RULE,
	straightPath: STRAIGHT_PATH_RULE,
	carbonLaw: CARBON_LAW_RULE,
	budgetRule: BUDGET_RULE,
	interim: INTERIM_EXPLANATION,
	late: LATE_EXPLANATION,
	stale: STALE_EXPLANATION,
	funding: FUNDING_EXPLANATION,
	counts: COUNTS_EXPLANATION,
	savings: SAVINGS_EXPLANATION,
	percentComplete: PERCENT_COMPLETE_LABEL
});

export type ProgressExplanations = ReturnType<typeof progressExplanations>;
