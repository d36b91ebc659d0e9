/**
 * The progress answers: one target's figures (metrics/target-progress.ts) as
 * /api/authorities/{code}/progress gives them with the council's action plan counts, and the
 * national table of /api/progress. Each figure is its numbers or NotAvailable with the reason.
 */
import { z } from 'zod';
import { ROW_STATUSES } from '../../progress-filter';
import { ACTION_STATUSES } from '../db/schema';
import { LEFT_OUT_REASONS } from '../metrics/year-on-year';
import {
	AuthorityCode,
	EmissionMeasure,
	IsoDate,
	Licence,
	NotAvailable,
	OtherGasesSetAside,
	int,
	named,
	num,
	orNotAvailable,
	str
} from './schema-kit';

const StatusColour = z.enum(['green', 'amber', 'red']);
const ProgressMeasure = z.enum(['territorial', 'scope_of_influence', 'council_reported']);
const kt = (description?: string) => num(description ? `${description} (kt)` : 'kt');

const Baseline = orNotAvailable({
	year: int(),
	valueKt: kt(),
	yearFrom: z.enum(['target', 'default']).describe("The target's own baseline year, or 2005."),
	valueFrom: z.enum(['target', 'series']).describe("The target's own figure, or the series'."),
	note: z.string().nullable()
});

const Change = orNotAvailable({
	fromYear: int(),
	toYear: int(),
	totalKt: kt('Latest less baseline'),
	pct: num('% of the baseline'),
	perHead: orNotAvailable({
		baselineT: num('t a person'),
		latestT: num('t a person'),
		changeT: num('t a person'),
		pct: num('%')
	})
});

const Trend = orNotAvailable({
	fromYear: int(),
	toYear: int(),
	years: z.array(int()).describe('Years with figures in the window'),
	missingYears: z.array(int()),
	covidYears: z.array(int()),
	meanYear: num(),
	meanKt: kt(),
	slopeKtPerYear: num('kt a year'),
	interceptKt: kt('The line at year 0'),
	direction: z.enum(['falling', 'rising', 'flat'])
});

const Projection = z.union([
	z.object({ available: z.literal(true), year: int(), basis: z.literal('reached') }),
	z.object({
		available: z.literal(true),
		year: z.null(),
		basis: z.literal('not on the current trend')
	}),
	z.object({ available: z.literal(true), year: int(), crossing: num(), basis: z.literal('trend') }),
	NotAvailable
]);

const Status = orNotAvailable({
	colour: StatusColour,
	yearsAfterTarget: int().nullable(),
	rule: str('The rule the colour follows')
});

const Interim = z.object({
	year: int(),
	reductionPct: num('% cut from the baseline by that year'),
	result: orNotAvailable({
		targetKt: kt(),
		basis: z.enum(['figure', 'trend']),
		valueKt: kt(),
		meets: z.boolean()
	})
});

export const TargetProgress = named(
	'TargetProgress',
	z
		.union([
			z.object({
				available: z.literal(true),
				scope: z.enum(['council_operations', 'whole_area']),
				measure: ProgressMeasure,
				measureLabel: z.string(),
				targetYear: int().nullable(),
				targetPassed: z.boolean(),
				latest: z.object({ year: int(), valueKt: kt() }),
				baseline: Baseline,
				change: Change,
				trend: Trend,
				projection: Projection,
				status: Status,
				path: orNotAvailable({
					year: int(),
					latestKt: kt(),
					pathKt: kt(),
					aboveKt: kt('Above (+) or below (−) the path'),
					abovePctOfBaseline: num()
				}),
				needed: orNotAvailable({
					years: int(),
					goalKt: kt(),
					reductionPct: num('% a year'),
					firstYearCutKt: kt(),
					alreadyAtGoal: z.boolean()
				}),
				achieved: orNotAvailable({
					fromYear: int(),
					toYear: int(),
					reductionPct: num('% a year; negative when emissions rose'),
					averageCutKtPerYear: num('kt a year')
				}),
				interim: z.array(Interim),
				budget: orNotAvailable({
					fromYear: int(),
					toYear: int(),
					budgetKt: kt(),
					usedKt: kt(),
					remainingKt: kt(),
					sharePct: num()
				})
			}),
			NotAvailable
		])
		.describe("A target's progress figures, each with its numbers or the reason there are none.")
);

const PathTotals = {
	totalKt: kt('Sum of the yearly figures, the year after the latest to the target year'),
	yearly: z.array(num()).describe('One figure a year, in the order of `years`'),
	targetYearKt: kt('The figure in the target year')
};
const AgainstBudget = orNotAvailable({
	kt: kt('The path over the years the budget has left'),
	overKt: kt('Above (+) or within (−) what is left of the budget'),
	over: z.boolean()
});

export const CarbonBudgetView = named(
	'CarbonBudgetView',
	orNotAvailable({
		unit: str("The series' unit: every kt figure here is in it"),
		latest: z.object({ year: int(), valueKt: kt() }),
		fromYear: int('The year after the latest figures'),
		toYear: int('The target year'),
		years: z.array(int()),
		paths: z.object({
			trend: orNotAvailable({ fitFromYear: int(), fitToYear: int(), ...PathTotals }),
			straightLine: z.object({ available: z.literal(true), ...PathTotals }),
			carbonLaw: z.object({
				available: z.literal(true),
				...PathTotals,
				ratePct: num('% cut each year (11.72)'),
				residualKt: kt('Left in the target year: the path never reaches zero'),
				residualPctOfLatest: num('% of the latest figure')
			})
		}),
		budget: orNotAvailable({
			budgetKt: kt("The council's budget, start year to target year"),
			startYear: int(),
			used: z
				.object({ fromYear: int(), toYear: int(), kt: kt() })
				.nullable()
				.describe('Published years already counted against it; null when it starts later'),
			leftKt: kt('Negative when the published years used more than all of it'),
			fromYear: int('First year the rest of the budget covers'),
			toYear: int(),
			usedUpIn: int('The published year it was used up in').nullable(),
			trendUsesUpIn: int('The year the trend uses up what is left').nullable(),
			paths: z.object({
				trend: AgainstBudget,
				straightLine: AgainstBudget,
				carbonLaw: AgainstBudget
			})
		})
	}).describe(
		"A whole-area target's emissions from the year after the latest figures to the target year on each path (current trend, straight line to zero, 11.72% a year), and against the council's carbon budget."
	)
);

const YearOnYearEntry = z.object({
	code: AuthorityCode,
	name: z.string(),
	typeName: z.string(),
	fromKt: kt('The year before the latest'),
	toKt: kt('The latest year'),
	changeKt: kt(),
	changePct: num('% of the earlier year; negative for a fall'),
	rank: int('1 is the largest fall')
});
const LeftOutCounts = z
	.object({
		no_figures: int(),
		old: int('Old figures, or figures ending before the latest year'),
		other_unit: int("Figures in another unit than the table's"),
		other_year: int('Figures ending after the latest year most councils reach'),
		gap: int('No figure for the year before the latest'),
		not_above_zero: int('The earlier figure is zero or below')
	})
	.describe('Councils left out of the ranking, by reason');
const YearOnYearYears = {
	unit: str("The unit most councils' figures are in; every kt here is in it").nullable(),
	fromYear: int().nullable(),
	toYear: int().nullable()
};

export const MostImproved = named(
	'MostImproved',
	z
		.object({
			measureLabel: z.string(),
			...YearOnYearYears,
			top: z.array(YearOnYearEntry).describe('The 10 largest falls'),
			ranked: int('Councils ranked'),
			councils: int('Current councils looked at'),
			leftOutCounts: LeftOutCounts,
			rule: z.string()
		})
		.describe(
			"The councils whose emissions fell most between the two latest years of their current series, in the answer's measure."
		)
);

export const PeerYearOnYear = named(
	'PeerYearOnYear',
	z
		.object({
			measure: EmissionMeasure,
			...YearOnYearYears,
			ranked: z
				.array(YearOnYearEntry)
				.describe('The council and its peers, ranked among themselves'),
			leftOut: z.array(
				z.object({
					code: AuthorityCode,
					name: z.string(),
					reason: z.enum(LEFT_OUT_REASONS),
					detail: z.string()
				})
			),
			leftOutCounts: LeftOutCounts,
			own: z
				.object({ rank: int(), of: int() })
				.nullable()
				.describe("The council's place; null when it is left out (see leftOut)"),
			peers: int('Its overall similar councils'),
			noPeers: str('Why it has no similar councils').nullable(),
			nationalRank: int().nullable(),
			nationalRanked: int()
		})
		.describe(
			'A council ranked by its change between the two latest years among its overall similar councils.'
		)
);

const ActionCounts = {
	total: int(),
	onTrack: int(),
	complete: int(),
	late: int(),
	delayed: int(),
	cancelled: int(),
	stale: int('Open actions not updated for a long time'),
	notDated: int(),
	funding: z.object({ funded: int(), pending: int(), unfunded: int(), not_linked: int() }),
	estTco2ePerYear: num('Estimated saving, t CO2e a year')
};
const ActionGroup = z.object({ key: z.string(), label: z.string(), ...ActionCounts });

export const CouncilProgressResponse = named(
	'CouncilProgress',
	z.object({
		authority: AuthorityCode,
		today: IsoDate,
		measure: EmissionMeasure,
		windowYears: int('Years the trend is fitted over'),
		targets: z.array(
			z.object({
				scope: z.enum(['council_operations', 'whole_area']),
				targetYear: int().nullable(),
				wording: z.string().nullable(),
				series: z
					.object({
						measure: ProgressMeasure,
						unit: z.string(),
						release: str('The release and source the figures come from'),
						points: z.array(
							z.object({ year: int(), valueKt: kt(), population: int().nullable().optional() })
						),
						otherGases: z
							.object({ label: z.string(), unit: z.string(), lastYear: int() })
							.nullable()
							.describe(
								"A newer release held for the council in other gases than this measure's unit everywhere, not used here; null when none"
							)
					})
					.nullable(),
				progress: TargetProgress.nullable(),
				carbonBudget: CarbonBudgetView.nullable().describe(
					'Whole-area targets with figures only; null for council operations.'
				),
				statusOverride: z
					.object({
						colour: StatusColour,
						calculatedColourWhenSet: StatusColour.nullable(),
						reason: z.string(),
						by: str('Who set it: an email address, to admins only').nullable(),
						at: str('When, ISO timestamp')
					})
					.nullable()
					.describe("An officer's status in force, beside the calculated `progress.status`.")
			})
		),
		yearOnYearAmongPeers: PeerYearOnYear,
		actions: z.object({
			counts: z.object(ActionCounts),
			byStatus: z
				.array(ActionGroup)
				.describe(`Every status in order: ${ACTION_STATUSES.join(', ')}`),
			bySector: z.array(ActionGroup)
		})
	})
);

const StatusCounts = z.object({
	green: int(),
	amber: int(),
	red: int(),
	none: int(),
	total: int()
});
const CountGroup = z.object({ label: z.string(), counts: StatusCounts });

export const ProgressRow = named(
	'ProgressRow',
	z.object({
		code: AuthorityCode,
		gssCode: z.string().nullable(),
		name: z.string(),
		type: z.string(),
		typeName: z.string(),
		nation: z.string(),
		region: z.string().nullable(),
		targetYear: int().nullable(),
		status: z.enum(ROW_STATUSES),
		reason: str('Why there is no status').nullable(),
		yearsAfterTarget: int().nullable(),
		latestYear: int().nullable(),
		latestKt: kt().nullable(),
		unit: z.string().nullable(),
		projectedYear: int().nullable(),
		projection: str('As the page prints it: "2051", "Not on the current trend"').nullable(),
		releaseLabel: z.string().nullable(),
		summedFrom: str(
			'For a county, combined authority or the GLA: the member councils whose figures are summed, e.g. "8 districts"'
		).nullable()
	})
);

export const NationalProgressResponse = named(
	'NationalProgress',
	z.object({
		measure: EmissionMeasure,
		measureLabel: z.string(),
		windowYears: int(),
		counts: z.object({
			all: StatusCounts,
			byYear: z.array(CountGroup),
			byBand: z.array(CountGroup),
			byType: z.array(CountGroup),
			byNation: z.array(CountGroup)
		}),
		councils: int('Current councils'),
		councilsWithTarget: int(),
		abolishedAreaTargets: int('Whole-area targets of abolished councils, not judged'),
		councilOperationsTargets: int('Council-operations targets, not judged here'),
		releaseLabels: z.array(z.string()),
		mostImproved: MostImproved,
		otherGases: OtherGasesSetAside,
		filter: z.object({
			nation: z.string().optional(),
			type: z.string().optional(),
			status: z.enum(ROW_STATUSES).optional()
		}),
		count: int('Rows in the answer (after the filter)'),
		rows: z.array(ProgressRow),
		licence: Licence
	})
);
