/**
 * The council answers: the list (/api/authorities), one council's profile
 * (/api/authorities/{code}) and its similar councils (/api/authorities/{code}/similar).
 */
import { z } from 'zod';
import { AUTHORITY_TIERS, COMPETITION_KINDS, TARGET_SCOPES } from '../db/schema';
import { SIMILARITY_TYPES } from '../metrics/similar-councils';
import {
	AuthorityCode,
	CouncilRef,
	EmissionMeasure,
	Licence,
	int,
	named,
	num,
	str
} from './schema-kit';

const url = (description = 'A web address (http or https)') => z.string().describe(description);

const AuthorityFields = {
	code: AuthorityCode,
	gssCode: str('Current GSS code (ONS)').nullable(),
	name: str('The name in everyday use'),
	officialName: z.string(),
	type: str('Type code: NMD, UA, MD, LBO, CTY, COMB, SRA, SCO, WPA, NID, CC'),
	typeName: z.string(),
	tier: z.enum(AUTHORITY_TIERS).describe('Figures are never summed across tiers'),
	nation: z.string(),
	region: z.string().nullable(),
	isCurrent: z.boolean(),
	population2020: int('Residents, mid-2020').nullable()
};

export const AuthorityListResponse = named(
	'AuthorityList',
	z.object({
		count: int(),
		authorities: z.array(
			z.object({
				...AuthorityFields,
				targets: z.array(
					z.object({
						scope: z.enum(TARGET_SCOPES),
						targetYear: int().nullable(),
						sourceUrl: url().nullable()
					})
				)
			})
		),
		abolished: z
			.array(z.object({ code: AuthorityCode, name: z.string(), successors: z.array(CouncilRef) }))
			.describe('With `q`: abolished councils it named; their successors are in `authorities`.'),
		suggestions: z
			.array(CouncilRef)
			.describe('With `q`, only when nothing matched: the nearest known names.'),
		licence: Licence
	})
);

const Release = z.object({
	label: z.string(),
	releaseDate: z.string().nullable(),
	yearFrom: int().nullable(),
	yearTo: int().nullable()
});

export const AuthorityProfileResponse = named(
	'AuthorityProfile',
	z.object({
		authority: z.object({
			...AuthorityFields,
			councilTargetYear: int('Earliest council-operations net-zero year').nullable(),
			areaTargetYear: int('Earliest whole-area net-zero year').nullable(),
			startDate: z.string().nullable(),
			endDate: z.string().nullable(),
			areaKm2: num('km²').nullable(),
			county: CouncilRef.nullable(),
			combinedAuthority: CouncilRef.nullable(),
			successors: z.array(CouncilRef),
			predecessors: z.array(
				z.object({ code: AuthorityCode, name: z.string(), endDate: z.string().nullable() })
			),
			members: z
				.array(CouncilRef)
				.describe('Current member councils of a county or combined authority')
		}),
		targets: z.array(
			z.object({
				scope: z.enum(TARGET_SCOPES),
				targetYear: int().nullable(),
				baselineYear: int().nullable(),
				baselineKt: num().nullable(),
				carbonBudgetKt: num().nullable(),
				budgetStartYear: int().nullable(),
				wording: z.string(),
				sourceUrl: url().nullable(),
				sourceName: z.string().nullable(),
				checkedOn: z.string().nullable(),
				isSample: z.boolean()
			})
		),
		declaration: z
			.object({
				declared: z.boolean().describe('True only for an unqualified yes'),
				madeText: z.string(),
				dateMade: z.string().nullable(),
				datePrecision: z.enum(['day', 'month']).nullable(),
				motionUrl: url().nullable()
			})
			.nullable(),
		plans: z.array(
			z.object({
				url: url(),
				title: z.string().nullable(),
				type: z.string().nullable(),
				lastUpdate: z.string().nullable(),
				dateRetrieved: z.string().nullable(),
				outOfDate: z.boolean().nullable()
			})
		),
		emissions: z.array(
			z.object({
				measure: EmissionMeasure,
				measureLabel: z.string(),
				unit: str('kt CO2 or kt CO2e'),
				release: Release,
				isAggregate: z
					.boolean()
					.describe(
						'The sum of member councils: never add it to theirs (counties, combined authorities, the GLA)'
					),
				byYear: z.array(
					z.object({
						year: int(),
						totalKt: num('kt, to 3 decimals'),
						sectors: z.record(z.string(), num()).describe('kt by sector, to 3 decimals')
					})
				)
			})
		),
		awards: z.array(
			z.object({
				id: int(),
				scheme: z.string(),
				round: z.string(),
				funder: z.string().nullable(),
				kind: z.enum(['award', 'allocation']),
				competitionKind: z.enum(COMPETITION_KINDS).nullable(),
				amountGbp: int('£'),
				awardDate: z.string().nullable(),
				projectTitle: z.string(),
				isConsortium: z.boolean(),
				leadCode: AuthorityCode,
				leadName: z.string(),
				sourceUrl: url().nullable(),
				notes: z.string().nullable(),
				isSample: z.boolean(),
				role: z
					.enum(['lead', 'partner'])
					.describe('lead: paid to this council; partner: it shares in a consortium award'),
				partners: z.array(z.object({ code: AuthorityCode.nullable(), name: z.string() })),
				estimatedShareGbp: num(
					'This council’s estimated share, £ (split by population)'
				).nullable(),
				shareLeftOut: str('Why the council is left out of the split').nullable()
			})
		),
		participations: z.array(
			z.object({
				scheme: z.string(),
				round: z.string(),
				status: z.string(),
				leadCode: AuthorityCode.nullable(),
				leadName: z.string().nullable(),
				websiteUrl: url().nullable(),
				members: int('Councils taking part through this one, when it leads')
			})
		)
	})
);

const Peer = z.object({
	rank: int('1 is the nearest'),
	code: AuthorityCode,
	name: z.string(),
	type: z.string(),
	typeName: z.string(),
	match: num('Match score, 0 to 100'),
	distance: num('Euclidean distance over z-scored features, to 6 decimals'),
	why: z
		.string()
		.nullable()
		.describe(
			'Why it matches, in words: the closest profile measures with both values, how far apart the centres are'
		)
});

const SimilarType = z.object({
	label: z.string(),
	explanation: z.string(),
	excluded: str('Why the council has no peers of this type').nullable(),
	peers: z.array(Peer).describe('Up to 30, nearest first')
});

export const SimilarResponse = named(
	'SimilarCouncils',
	z.object({
		authority: AuthorityCode,
		types: z.object(
			Object.fromEntries(SIMILARITY_TYPES.map((t) => [t, SimilarType])) as Record<
				(typeof SIMILARITY_TYPES)[number],
				typeof SimilarType
			>
		),
		method: z.object({
			summary: z.string(),
			tiers: z.string(),
			kept: z.string(),
			origin: z.string()
		}),
		basis: z
			.object({
				emissionsYear: int().nullable(),
				emissionsReleases: z.array(
					z.object({ label: z.string(), releaseDate: z.string().nullable() })
				),
				register: z
					.object({
						title: z.string(),
						version: z.string().nullable(),
						releaseDate: z.string().nullable()
					})
					.nullable(),
				authoritiesCompared: int()
			})
			.nullable()
			.describe('What the lists were computed from; null before anything has been computed'),
		licence: Licence
	})
);
