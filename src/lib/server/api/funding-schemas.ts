/**
 * The funding answers: /api/funding/metrics (every council and the nation, or one council with
 * its bid outcomes), a council's bids (/api/authorities/{code}/bids) and the funding rounds
 * (/api/competitions). Each figure's description is the sentence the funding pages print.
 */
import { z } from 'zod';
import { COMPETITION_STATUSES } from '../../deadlines';
import {
	AUTHORITY_TIERS,
	BID_STATUSES,
	COMPETITION_KINDS,
	PARTNER_KINDS,
	SCHEME_PURPOSES
} from '../db/schema';
import { METRIC_EXPLANATIONS, MONEY_SCOPES } from '../metrics/funding';
import { AuthorityCode, IsoDate, int, named, num, str } from './schema-kit';

/** A number described by the sentence the pages print beside it. */
const figure = (key: string, base: z.ZodNumber = z.number()) =>
	METRIC_EXPLANATIONS[key] ? base.describe(METRIC_EXPLANATIONS[key]) : base;
const count = (key: string) => figure(key, z.number().int());
const share = (key: string) => figure(key, z.number().min(0).max(1)).nullable();

const FragmentationFields = {
	awards: count('awards'),
	potsWon: count('potsWon'),
	funders: count('funders'),
	totalGbp: figure('totalGbp').nullable(),
	medianAwardGbp: figure('medianAwardGbp').nullable(),
	perHeadGbp: figure('perHeadGbp').nullable(),
	competitiveShare: share('competitiveShare'),
	hhi: share('hhi'),
	effectivePots: figure('effectivePots').nullable(),
	shareUnder1m: share('shareUnder1m'),
	consortiumShare: share('consortiumShare'),
	partnerAwards: count('partnerAwards'),
	estimatedGbp: figure('estimatedGbp').nullable(),
	estimatedPerHeadGbp: figure('estimatedPerHeadGbp').nullable()
};
const Fragmentation = named(
	'FundingFigures',
	z
		.object(FragmentationFields)
		.describe(
			'Funding figures from published awards (partial lists); shares are 0 to 1. A £ figure is null where no published award is listed: unknown, not £0.'
		)
);

const ShareMethod = str('How consortium awards are split for the estimated figures');

export const Money = z
	.enum(MONEY_SCOPES)
	.describe(
		'Which money the figures count: net-zero (net-zero schemes and net-zero strands of wider funds; the default) or all (general regeneration and growth money and unclassified schemes too)'
	);
export const MoneyNotCounted = z
	.object({
		general: z.object({ awards: int(), totalGbp: int('£') }),
		unclassified: z.object({ awards: int(), totalGbp: int('£') })
	})
	.nullable()
	.describe(
		'With net-zero money counted: the general (regeneration, growth) and unclassified awards the published lists also hold, left out of the figures; null when all money is counted'
	);

export const NationalFundingResponse = named(
	'FundingMetrics',
	z.object({
		year: int('Awards dated this year only; null for all years').nullable(),
		money: Money,
		notCounted: MoneyNotCounted,
		source: z.string(),
		national: Fragmentation,
		windows: z.object({
			windows: count('windows'),
			knownWindows: count('knownWindows'),
			allocations: count('allocations'),
			shortWindows: count('shortWindows'),
			medianDays: figure('medianDays').nullable(),
			shortShare: share('shortShare'),
			roundsChanged: count('roundsChanged'),
			datesChanged: count('datesChanged'),
			deadlinesMoved: count('deadlinesMoved'),
			openingsMoved: count('openingsMoved')
		}),
		churn: z.object({
			schemes: int(),
			singleRoundSchemes: int('Schemes run for one round only'),
			share: num('singleRoundSchemes ÷ schemes').nullable()
		}),
		estimatedShareMethod: ShareMethod,
		perHead: z.object({
			gini: num('Gini of £ per head of awards led').nullable(),
			councils: int('District and single-tier councils that led a published award'),
			measure: z.string(),
			estimatedGini: num('Gini of estimated £ per head').nullable(),
			estimatedCouncils: int('Councils that led or shared in a published award')
		}),
		authorities: z.array(
			z.object({
				code: AuthorityCode,
				name: z.string(),
				gssCode: z.string().nullable(),
				type: z.string(),
				typeName: z.string(),
				tier: z.enum(AUTHORITY_TIERS),
				...FragmentationFields
			})
		)
	})
);

export const CouncilFundingResponse = named(
	'CouncilFundingMetrics',
	z.object({
		authority: AuthorityCode,
		year: int().nullable(),
		money: Money,
		notCounted: MoneyNotCounted,
		population: int().nullable(),
		source: z.string(),
		estimatedShareMethod: ShareMethod,
		metrics: Fragmentation,
		bids: z
			.object({
				bids: count('bids'),
				potsBidFor: count('potsBidFor'),
				byStatus: z
					.object(
						Object.fromEntries(BID_STATUSES.map((s) => [s, z.number().int()])) as Record<
							(typeof BID_STATUSES)[number],
							z.ZodNumber
						>
					)
					.describe(METRIC_EXPLANATIONS.byStatus!),
				decided: count('decided'),
				successRateCount: share('successRateCount'),
				requestedDecidedGbp: figure('requestedDecidedGbp'),
				wonGbp: figure('wonGbp'),
				wonWithoutAmount: count('wonWithoutAmount'),
				successRateGbp: share('successRateGbp'),
				officerDays: figure('officerDays'),
				otherCostGbp: figure('otherCostGbp'),
				costGbp: figure('costGbp'),
				costedBids: count('costedBids'),
				costPerGbpWon: figure('costPerGbpWon').nullable(),
				dayRateGbp: num('£ an officer day (BID_DAY_RATE_GBP)'),
				isSample: z.boolean().describe('The bids are sample data, not the council’s')
			})
			.describe('Bid outcomes from the imported pipeline, as the viewer may see it')
	})
);

export const BidsResponse = named(
	'Bids',
	z.object({
		authority: AuthorityCode,
		count: int(),
		bids: z.array(
			z.object({
				id: int(),
				reference: str("The council's own reference"),
				title: z.string(),
				scheme: z.string(),
				round: z.string(),
				competitionId: int(
					'The published round the bid joined; null when the round is the council’s own words'
				).nullable(),
				funder: z.string().nullable(),
				status: z.enum(BID_STATUSES),
				statusDate: z.string().nullable(),
				submittedOn: z.string().nullable(),
				decidedOn: z.string().nullable(),
				requestedGbp: int('£').nullable(),
				awardedGbp: int('£').nullable(),
				officerDays: num('Null to anyone but the council’s officers and admins').nullable(),
				bidCostGbp: int('£; null to anyone but the council’s officers and admins').nullable(),
				sourceUrl: z.string().nullable(),
				notes: z.string().nullable(),
				isSample: z.boolean(),
				publishedAwardGbp: int(
					'£ of the published award that is this bid’s money (one sum, two records); null when none is linked'
				).nullable(),
				partners: z.array(
					z.object({
						code: AuthorityCode.nullable(),
						name: z.string(),
						kind: z.enum(PARTNER_KINDS)
					})
				)
			})
		)
	})
);

const CompetitionDate = z
	.object({
		date: str('YYYY-MM-DD, or the last day of the month when only the month is known'),
		time: str('HH:MM, UK local time').nullable(),
		precision: z.enum(['day', 'month'])
	})
	.nullable();

export const CompetitionsResponse = named(
	'Competitions',
	z.object({
		count: int().describe('Rounds matching the filters, in every window.'),
		offset: int().describe('Rounds skipped before this window.'),
		limit: int().describe('Rounds in a window at most.'),
		next: z.string().nullable().describe('The address of the next window; null after the last.'),
		today: IsoDate,
		competitions: z.array(
			z.object({
				id: int(),
				scheme: z.string(),
				round: z.string(),
				funder: z.string().nullable(),
				kind: z.enum(COMPETITION_KINDS).nullable(),
				purpose: z
					.enum(SCHEME_PURPOSES)
					.nullable()
					.describe(
						'What the scheme is for: net_zero_specific, net_zero_partial (a net-zero strand of a wider fund) or general (regeneration, growth); null when not classified'
					),
				theme: z.string().nullable(),
				budgetGbp: int('£').nullable(),
				eligibleTypes: z
					.array(z.string())
					.nullable()
					.describe('Authority type codes; null when the round does not say'),
				eligibilityNote: z.string().nullable(),
				opens: CompetitionDate,
				closes: CompetitionDate.describe('The final deadline'),
				deadlines: z.array(CompetitionDate.unwrap()).describe('Every current closing date'),
				history: z
					.array(
						z.object({
							event: z.enum(['opens', 'closes']),
							date: z.string(),
							replacedBy: z.string(),
							text: str('"extended from 19 January to 31 January 2024"')
						})
					)
					.describe('Superseded dates, oldest first'),
				windowDays: int('Days from opening to the final deadline').nullable(),
				isShortWindow: z.boolean().describe('Under six weeks'),
				extensions: int(),
				status: z.enum(COMPETITION_STATUSES),
				closingSoon: z.boolean(),
				decisionDate: z.string().nullable(),
				spendByDate: z.string().nullable(),
				sourceUrl: z.string().nullable(),
				isSample: z.boolean()
			})
		)
	})
);
