/**
 * Every feed format the importer understands. Adding a format is one module and one line here.
 */
import type { AnyFeed } from '../rows/feed';
import { authoritiesFeed } from './authorities';
import { authorityGssCodesFeed } from './authority-gss-codes';
import { authorityNamesFeed } from './authority-names';
import { mysocietyEmissionsFeed } from './emissions-mysociety';
import { desnzEmissionsFeed } from './emissions-desnz';
import { desnzTotalsFeed } from './emissions-desnz-totals';
import { ownTotalsFeed } from './emissions-own-totals';
import { grants360GivingFeed } from './grants-360giving';
import { mysocietyPromisesFeed } from './promises-mysociety';
import { mysocietyDeclarationsFeed } from './declarations-mysociety';
import { mysocietyPlansFeed } from './plans-mysociety';
import { fundingFactsFeed } from './funding-facts';
import { whlgParticipationFeed } from './whlg-participation';
import { schemePurposesFeed } from './scheme-purposes';
import { templateCompetitionsFeed } from './template-competitions';
import { templateActionsFeed } from './template-actions';
import { templateBidsFeed } from './template-bids';
import { templateMilestonesFeed } from './template-milestones';
import { templateTargetsFeed } from './template-targets';
import { templateCouncilEmissionsFeed } from './template-council-emissions';

export const FEEDS: readonly AnyFeed[] = [
	authoritiesFeed,
	authorityGssCodesFeed,
	authorityNamesFeed,
	mysocietyEmissionsFeed,
	desnzEmissionsFeed,
	desnzTotalsFeed,
	ownTotalsFeed,
	mysocietyPromisesFeed,
	mysocietyDeclarationsFeed,
	mysocietyPlansFeed,
	fundingFactsFeed,
	grants360GivingFeed,
	whlgParticipationFeed,
	schemePurposesFeed,
	templateCompetitionsFeed,
	templateActionsFeed,
	templateBidsFeed,
	templateMilestonesFeed,
	templateTargetsFeed,
	templateCouncilEmissionsFeed
];

export function feedByKey(key: string): AnyFeed | undefined {
	return FEEDS.find((f) => f.key === key);
}
