/**
 * The Drizzle schema: the single source of truth for the whole Net Zero Local domain.
 *
 * Design notes (why, not what):
 * - Authorities are keyed by mySociety's 3-letter code: it covers every council, current and
 *   abolished, and is the join key of all mySociety datasets. GSS codes (current and former) live
 *   in `authority_gss_codes` so old codes in a feed resolve to the same authority.
 * - Every imported row carries `batch_id` (the import that wrote it) so an import can be reported
 *   on and undone, and `is_sample` where sample data could ever be mixed in, so the UI can label it.
 * - Dates are ISO text (`YYYY-MM-DD`, UK local); a `*_precision` column says when only the month is
 *   known, because "05/2019" must not become the 1st of May.
 * - Money is whole pounds (integer); emissions are kt CO2e (real).
 */
import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	real,
	index,
	uniqueIndex,
	primaryKey,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';

/** An ISO timestamp column filled in by SQLite when the row is written. */
const timestampNow = (name: string) =>
	text(name)
		.notNull()
		.default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/* ---------------------------------------------------------------- provenance */

/** A published dataset the app holds data from (what the sources page lists). */
export const datasets = sqliteTable('datasets', {
	key: text('key').primaryKey(),
	title: text('title').notNull(),
	publisher: text('publisher').notNull(),
	licence: text('licence').notNull(),
	licenceUrl: text('licence_url'),
	attribution: text('attribution').notNull(),
	sourceUrl: text('source_url').notNull(),
	/** Commit or version of the upstream package the shipped copy was taken from. */
	version: text('version'),
	releaseDate: text('release_date'),
	coverage: text('coverage'),
	notes: text('notes')
});

/** One file imported through the pipeline: the unit of reporting and of undo. */
export const importBatches = sqliteTable(
	'import_batches',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		feed: text('feed').notNull(),
		datasetKey: text('dataset_key').references(() => datasets.key),
		fileName: text('file_name').notNull(),
		checksum: text('checksum').notNull(),
		importedBy: text('imported_by').notNull(),
		startedAt: timestampNow('started_at'),
		finishedAt: text('finished_at'),
		status: text('status', { enum: ['committed', 'rejected', 'undone'] }).notNull(),
		undoneAt: text('undone_at'),
		rowsRead: integer('rows_read').notNull().default(0),
		rowsAccepted: integer('rows_accepted').notNull().default(0),
		rowsRejected: integer('rows_rejected').notNull().default(0),
		rowsWritten: integer('rows_written').notNull().default(0),
		isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
		/** The full report (counts, grouped problems, unresolved names) as JSON. */
		report: text('report', { mode: 'json' })
	},
	(t) => [index('import_batches_feed_idx').on(t.feed, t.checksum)]
);

/** Problems found in a batch: each names the row, column, value and what was expected. */
export const importIssues = sqliteTable(
	'import_issues',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		batchId: integer('batch_id')
			.notNull()
			.references(() => importBatches.id, { onDelete: 'cascade' }),
		rowNumber: integer('row_number'),
		column: text('column'),
		value: text('value'),
		severity: text('severity', { enum: ['error', 'warning', 'info'] }).notNull(),
		code: text('code').notNull(),
		message: text('message').notNull()
	},
	(t) => [index('import_issues_batch_idx').on(t.batchId, t.code)]
);

/* ---------------------------------------------------------------- authorities */

export const AUTHORITY_TIERS = ['lower', 'upper', 'unitary', 'combined', 'regional'] as const;

export const authorities = sqliteTable(
	'authorities',
	{
		code: text('code').primaryKey(),
		gssCode: text('gss_code'),
		officialName: text('official_name').notNull(),
		niceName: text('nice_name').notNull(),
		/** mySociety type code: NMD, UA, MD, LBO, CTY, COMB, SRA, SCO, WPA, NID, CC. */
		type: text('type').notNull(),
		typeName: text('type_name').notNull(),
		/** Which tier of local government; figures are never summed across tiers. */
		tier: text('tier', { enum: AUTHORITY_TIERS }).notNull(),
		nation: text('nation').notNull(),
		region: text('region'),
		countyCode: text('county_code').references((): AnySQLiteColumn => authorities.code),
		combinedAuthorityCode: text('combined_authority_code').references(
			(): AnySQLiteColumn => authorities.code
		),
		/** The single successor of an abolished council… */
		replacedByCode: text('replaced_by_code').references((): AnySQLiteColumn => authorities.code),
		/** …or all successors, when it was split (Cumbria → Cumberland, Westmorland and Furness). */
		replacedByCodes: text('replaced_by_codes', { mode: 'json' }).$type<string[]>(),
		startDate: text('start_date'),
		endDate: text('end_date'),
		isCurrent: integer('is_current', { mode: 'boolean' }).notNull(),
		population2020: integer('population_2020'),
		areaKm2: real('area_km2'),
		lat: real('lat'),
		lng: real('lng'),
		websiteUrl: text('website_url'),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [
		uniqueIndex('authorities_gss_idx').on(t.gssCode),
		index('authorities_list_idx').on(t.isCurrent, t.nation, t.region, t.type)
	]
);

/** Every GSS code an authority has had (current and former), for resolving old feeds. */
export const authorityGssCodes = sqliteTable('authority_gss_codes', {
	gssCode: text('gss_code').primaryKey(),
	authorityCode: text('authority_code')
		.notNull()
		.references(() => authorities.code),
	isCurrent: integer('is_current', { mode: 'boolean' }).notNull()
});

/** Name spellings seen in real feeds, stored normalised for matching. */
export const authorityAliases = sqliteTable(
	'authority_aliases',
	{
		normalised: text('normalised').notNull(),
		authorityCode: text('authority_code')
			.notNull()
			.references(() => authorities.code),
		alias: text('alias').notNull(),
		source: text('source').notNull()
	},
	(t) => [primaryKey({ columns: [t.normalised, t.authorityCode] })]
);

/** Population by year where a source states it (emissions releases carry mid-year estimates). */
export const authorityPopulations = sqliteTable(
	'authority_populations',
	{
		authorityCode: text('authority_code')
			.notNull()
			.references(() => authorities.code),
		year: integer('year').notNull(),
		population: integer('population').notNull(),
		datasetKey: text('dataset_key')
			.notNull()
			.references(() => datasets.key)
	},
	(t) => [primaryKey({ columns: [t.authorityCode, t.year, t.datasetKey] })]
);

/* ---------------------------------------------------------------- funding */

export const funders = sqliteTable('funders', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull().unique(),
	/** department, agency, delivery body, devolved government… */
	kind: text('kind')
});

/**
 * What a scheme's money is for: `net_zero_specific` (it exists to cut emissions or use energy
 * better), `net_zero_partial` (a wider fund with an explicit net-zero strand: active travel,
 * nature restoration) or `general` (regeneration, growth). Funding figures count net-zero money
 * (the first two) apart from general money.
 */
export const SCHEME_PURPOSES = ['net_zero_specific', 'net_zero_partial', 'general'] as const;
/** Whether a scheme's money is won by competition: yes, no (formula, or all eligible funded) or both. */
export const SCHEME_COMPETITIVENESS = ['yes', 'no', 'mixed'] as const;

/** A funding scheme's purpose and competitiveness, each with the sentence and page that say so. */
export const schemes = sqliteTable('schemes', {
	name: text('name').primaryKey(),
	purpose: text('purpose', { enum: SCHEME_PURPOSES }),
	competitive: text('competitive', { enum: SCHEME_COMPETITIVENESS }),
	/** The published words that support the purpose and competitiveness. */
	justification: text('justification'),
	sourceUrl: text('source_url'),
	batchId: integer('batch_id').references(() => importBatches.id)
});

export const COMPETITION_KINDS = ['competitive', 'formula', 'expression_of_interest'] as const;

/** A funding pot: one round of one scheme. */
export const competitions = sqliteTable(
	'competitions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		scheme: text('scheme').notNull(),
		round: text('round').notNull(),
		funderId: integer('funder_id').references(() => funders.id),
		kind: text('kind', { enum: COMPETITION_KINDS }),
		theme: text('theme'),
		budgetGbp: integer('budget_gbp'),
		minAwardGbp: integer('min_award_gbp'),
		maxAwardGbp: integer('max_award_gbp'),
		matchFundingRule: text('match_funding_rule'),
		/** Eligible authority type codes as a JSON array; null = not stated. */
		eligibleTypes: text('eligible_types', { mode: 'json' }).$type<string[]>(),
		eligibilityNote: text('eligibility_note'),
		decisionDate: text('decision_date'),
		spendByDate: text('spend_by_date'),
		sourceUrl: text('source_url'),
		notes: text('notes'),
		isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [uniqueIndex('competitions_natural_idx').on(t.scheme, t.round)]
);

/**
 * Opening and closing dates of a competition, as a history: an extension or a re-run adds a row
 * and marks the earlier one superseded, so nothing published is overwritten.
 */
export const competitionDates = sqliteTable(
	'competition_dates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		competitionId: integer('competition_id')
			.notNull()
			.references(() => competitions.id, { onDelete: 'cascade' }),
		event: text('event', { enum: ['opens', 'closes'] }).notNull(),
		date: text('date').notNull(),
		datePrecision: text('date_precision', { enum: ['day', 'month'] })
			.notNull()
			.default('day'),
		/** HH:MM, UK local time, when published. */
		time: text('time'),
		supersededById: integer('superseded_by_id').references(
			(): AnySQLiteColumn => competitionDates.id
		),
		note: text('note'),
		sourceUrl: text('source_url'),
		recordedAt: timestampNow('recorded_at'),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [uniqueIndex('competition_dates_natural_idx').on(t.competitionId, t.event, t.date)]
);

/** Headline totals published for a round (programme budget, total allocated, bid counts). */
export const competitionFacts = sqliteTable('competition_facts', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	competitionId: integer('competition_id')
		.notNull()
		.references(() => competitions.id, { onDelete: 'cascade' }),
	factType: text('fact_type').notNull(),
	date: text('date'),
	amountGbp: integer('amount_gbp'),
	scope: text('scope'),
	note: text('note'),
	sourceUrl: text('source_url'),
	batchId: integer('batch_id').references(() => importBatches.id)
});

export const BID_STATUSES = ['idea', 'drafting', 'submitted', 'won', 'lost', 'withdrawn'] as const;

/**
 * A council's own bid: its ledger, apart from the published awards. A bid names its scheme and
 * round as the council wrote them (read against the catalogue, bid-scheme.ts) and joins the
 * published round of that name when the catalogue has one; a round the catalogue lacks stays the
 * council's words, never a national round (competitionId null).
 */
export const bids = sqliteTable(
	'bids',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		competitionId: integer('competition_id').references(() => competitions.id),
		scheme: text('scheme').notNull(),
		/** '' when the bid names no round. */
		round: text('round').notNull().default(''),
		leadAuthorityCode: text('lead_authority_code')
			.notNull()
			.references(() => authorities.code),
		/** The council's own reference, unique per lead authority. */
		reference: text('reference').notNull(),
		title: text('title').notNull(),
		requestedGbp: integer('requested_gbp'),
		awardedGbp: integer('awarded_gbp'),
		status: text('status', { enum: BID_STATUSES }).notNull(),
		statusDate: text('status_date'),
		submittedOn: text('submitted_on'),
		decidedOn: text('decided_on'),
		officerDays: real('officer_days'),
		bidCostGbp: integer('bid_cost_gbp'),
		sourceUrl: text('source_url'),
		notes: text('notes'),
		isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [
		uniqueIndex('bids_natural_idx').on(t.leadAuthorityCode, t.reference),
		index('bids_competition_idx').on(t.competitionId)
	]
);

export const bidStatusHistory = sqliteTable(
	'bid_status_history',
	{
		bidId: integer('bid_id')
			.notNull()
			.references(() => bids.id, { onDelete: 'cascade' }),
		status: text('status', { enum: BID_STATUSES }).notNull(),
		onDate: text('on_date').notNull()
	},
	(t) => [primaryKey({ columns: [t.bidId, t.status, t.onDate] })]
);

export const PARTNER_KINDS = [
	'authority',
	'nhs',
	'housing_association',
	'university',
	'business',
	'community',
	'other'
] as const;

/** Partners of a bid or an award: councils (resolved) and other bodies (by name). */
export const partners = sqliteTable(
	'partners',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		bidId: integer('bid_id').references(() => bids.id, { onDelete: 'cascade' }),
		awardId: integer('award_id').references((): AnySQLiteColumn => awards.id, {
			onDelete: 'cascade'
		}),
		authorityCode: text('authority_code').references(() => authorities.code),
		name: text('name').notNull(),
		kind: text('kind', { enum: PARTNER_KINDS }).notNull()
	},
	(t) => [
		index('partners_bid_idx').on(t.bidId),
		index('partners_award_idx').on(t.awardId),
		index('partners_authority_idx').on(t.authorityCode)
	]
);

/**
 * Money to an authority from a competition, whether or not a bid record exists (formula
 * allocations, published award lists). A consortium award is stored once, against its lead;
 * the other councils are `partners`, so summing awards never counts it twice.
 */
export const awards = sqliteTable(
	'awards',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		competitionId: integer('competition_id')
			.notNull()
			.references(() => competitions.id),
		authorityCode: text('authority_code')
			.notNull()
			.references(() => authorities.code),
		bidId: integer('bid_id').references(() => bids.id),
		kind: text('kind', { enum: ['award', 'allocation'] }).notNull(),
		amountGbp: integer('amount_gbp').notNull(),
		awardDate: text('award_date'),
		awardDatePrecision: text('award_date_precision', { enum: ['day', 'month'] }),
		/** '' when the source names no project, so the natural key stays unique. */
		projectTitle: text('project_title').notNull().default(''),
		isConsortium: integer('is_consortium', { mode: 'boolean' }).notNull().default(false),
		/** Recipient as written in the source, before resolution. */
		recipientName: text('recipient_name').notNull(),
		sourceUrl: text('source_url'),
		notes: text('notes'),
		isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [
		uniqueIndex('awards_natural_idx').on(
			t.competitionId,
			t.authorityCode,
			t.amountGbp,
			t.projectTitle
		),
		index('awards_authority_idx').on(t.authorityCode, t.awardDate),
		// A bid's award is looked up for every bid row imported, and a deleted bid's children are
		// found through it: without it each was a scan of every award.
		index('awards_bid_idx').on(t.bidId)
	]
);

/** Whether an authority takes part in a programme, and through which consortium lead. */
export const participations = sqliteTable(
	'participations',
	{
		competitionId: integer('competition_id')
			.notNull()
			.references(() => competitions.id),
		authorityCode: text('authority_code')
			.notNull()
			.references(() => authorities.code),
		status: text('status').notNull(),
		leadAuthorityCode: text('lead_authority_code').references(() => authorities.code),
		leadName: text('lead_name'),
		websiteUrl: text('website_url'),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [
		primaryKey({ columns: [t.competitionId, t.authorityCode] }),
		index('participations_lead_idx').on(t.leadAuthorityCode)
	]
);

/* ---------------------------------------------------------------- targets and commitments */

export const TARGET_SCOPES = [
	'council_operations',
	'whole_area',
	'no_promise',
	'unclear',
	'other'
] as const;

export const targets = sqliteTable(
	'targets',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		authorityCode: text('authority_code')
			.notNull()
			.references(() => authorities.code),
		scope: text('scope', { enum: TARGET_SCOPES }).notNull(),
		/** Net-zero year; null when the promise names none. */
		targetYear: integer('target_year'),
		baselineYear: integer('baseline_year'),
		baselineKt: real('baseline_kt'),
		/**
		 * A carbon budget: the emissions allowed over the whole period from budget_start_year to
		 * the target year (e.g. a Tyndall Centre budget), kt CO2e. Null when none is adopted.
		 */
		carbonBudgetKt: real('carbon_budget_kt'),
		budgetStartYear: integer('budget_start_year'),
		wording: text('wording').notNull().default(''),
		sourceUrl: text('source_url'),
		sourceName: text('source_name'),
		checkedOn: text('checked_on'),
		notes: text('notes'),
		isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [
		// NULL years are distinct to SQLite, so writers also match on `target_year IS ?`.
		uniqueIndex('targets_natural_idx').on(t.authorityCode, t.scope, t.targetYear, t.wording),
		index('targets_scope_year_idx').on(t.scope, t.targetYear)
	]
);

export const interimTargets = sqliteTable(
	'interim_targets',
	{
		targetId: integer('target_id')
			.notNull()
			.references(() => targets.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		/** Reduction from the baseline, percent. */
		reductionPct: real('reduction_pct').notNull(),
		wording: text('wording')
	},
	(t) => [primaryKey({ columns: [t.targetId, t.year] })]
);

/**
 * A council's own annual greenhouse gas report on its operations (its estate, fleet, street
 * lighting…), which the council-operations target is measured against: DESNZ publishes nothing
 * for council operations. In tonnes, not kt as elsewhere, because councils report their own
 * emissions in tonnes and a council's operations are often under 1 kt. `year` is the reporting
 * year, or the first year of a financial year (2023/24 → 2023).
 */
export const councilEmissions = sqliteTable(
	'council_emissions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		authorityCode: text('authority_code')
			.notNull()
			.references(() => authorities.code),
		year: integer('year').notNull(),
		scope1T: real('scope1_t'),
		scope2T: real('scope2_t'),
		scope3T: real('scope3_t'),
		/** How it was counted: "GHG Protocol", "LGA GHG accounting tool"… */
		method: text('method'),
		sourceUrl: text('source_url'),
		notes: text('notes'),
		isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [uniqueIndex('council_emissions_natural_idx').on(t.authorityCode, t.year)]
);

export const declarations = sqliteTable('declarations', {
	authorityCode: text('authority_code')
		.primaryKey()
		.references(() => authorities.code),
	/** True only for an unqualified "Y"; the source's own words are kept in `madeText`. */
	declared: integer('declared', { mode: 'boolean' }).notNull(),
	madeText: text('made_text').notNull(),
	dateMade: text('date_made'),
	datePrecision: text('date_precision', { enum: ['day', 'month'] }),
	motionUrl: text('motion_url'),
	ecologicalEmergency: text('ecological_emergency'),
	councilTargetYear: integer('council_target_year'),
	wholeAreaTargetText: text('whole_area_target_text'),
	notes: text('notes'),
	batchId: integer('batch_id').references(() => importBatches.id)
});

export const plans = sqliteTable(
	'plans',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		authorityCode: text('authority_code')
			.notNull()
			.references(() => authorities.code),
		url: text('url').notNull(),
		title: text('title'),
		/** Normalised document type: action plan, climate strategy, progress report… */
		type: text('type'),
		dateRetrieved: text('date_retrieved'),
		lastUpdate: text('last_update'),
		outOfDate: integer('out_of_date', { mode: 'boolean' }),
		fileType: text('file_type'),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [uniqueIndex('plans_natural_idx').on(t.authorityCode, t.url)]
);

/* ---------------------------------------------------------------- climate actions */

export const ACTION_STATUSES = [
	'planned',
	'in_progress',
	'complete',
	'delayed',
	'cancelled'
] as const;

export const actions = sqliteTable(
	'actions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		authorityCode: text('authority_code')
			.notNull()
			.references(() => authorities.code),
		reference: text('reference').notNull(),
		title: text('title').notNull(),
		sector: text('sector'),
		scope: text('scope', { enum: ['council_operations', 'whole_area'] }),
		status: text('status', { enum: ACTION_STATUSES }).notNull(),
		phase: text('phase', {
			enum: ['not_started', 'planning', 'implementation', 'completed']
		}),
		percentComplete: real('percent_complete'),
		startDate: text('start_date'),
		dueDate: text('due_date'),
		completedOn: text('completed_on'),
		lastUpdated: text('last_updated'),
		estTco2ePerYear: real('est_tco2e_per_year'),
		costGbp: integer('cost_gbp'),
		fundingStatus: text('funding_status'),
		owner: text('owner'),
		partnersText: text('partners_text'),
		rag: text('rag', { enum: ['red', 'amber', 'green'] }),
		ragNote: text('rag_note'),
		isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(true),
		isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [uniqueIndex('actions_natural_idx').on(t.authorityCode, t.reference)]
);

export const actionMilestones = sqliteTable(
	'action_milestones',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		dueDate: text('due_date'),
		doneOn: text('done_on'),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [uniqueIndex('action_milestones_natural_idx').on(t.actionId, t.title)]
);

/** Which bids or awards an action's funding depends on. */
export const actionFunding = sqliteTable(
	'action_funding',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		bidId: integer('bid_id').references(() => bids.id, { onDelete: 'cascade' }),
		awardId: integer('award_id').references(() => awards.id, { onDelete: 'cascade' })
	},
	(t) => [
		index('action_funding_action_idx').on(t.actionId),
		// Deleting a bid or an award (an undo) finds the funding rows that cascade through these.
		index('action_funding_bid_idx').on(t.bidId),
		index('action_funding_award_idx').on(t.awardId)
	]
);

/* ---------------------------------------------------------------- emissions */

export const EMISSION_MEASURES = ['territorial', 'scope_of_influence'] as const;

/**
 * A release of an emissions series (one dataset, e.g. DESNZ's greenhouse gas statistics).
 * Government revises the whole back-series each year, so a newer release of a dataset replaces
 * the older ones, council by council: for a council and year, the release in force is the newest
 * one holding that council and year (a partial release covering 16 councils leaves every other
 * council on the release before it). A chart draws a council's series from one release only,
 * never splicing two (queries/emissions.ts). Older releases stay stored, for the record and undo.
 */
export const emissionReleases = sqliteTable(
	'emission_releases',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		datasetKey: text('dataset_key')
			.notNull()
			.references(() => datasets.key),
		/**
		 * Which gases the figures cover: CO2 only, or all greenhouse gases (CO2e). This is the
		 * territorial measure's, and the scope-of-influence measure's unless influence_gases says
		 * otherwise.
		 */
		gases: text('gases', { enum: ['co2', 'ghg'] }).notNull(),
		/**
		 * The scope-of-influence measure's gases where they differ from `gases`: DESNZ's 2025
		 * per-council totals give territorial emissions in CO2e but scope of influence in CO2 only.
		 * Null means the same as `gases`, so releases stored before this column keep their meaning.
		 */
		influenceGases: text('influence_gases', { enum: ['co2', 'ghg'] }),
		hasTerritorial: integer('has_territorial', { mode: 'boolean' }).notNull(),
		hasInfluence: integer('has_influence', { mode: 'boolean' }).notNull(),
		label: text('label').notNull(),
		/** SHA-256 of the file it came from: the same file again reuses the release. */
		checksum: text('checksum').notNull(),
		releaseDate: text('release_date'),
		yearFrom: integer('year_from'),
		yearTo: integer('year_to'),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [index('emission_releases_dataset_idx').on(t.datasetKey, t.yearFrom, t.yearTo)]
);

/**
 * One published record: authority × year × sub-sector × gas, with both measures DESNZ publishes
 * side by side (territorial, and within the scope of influence of local authorities), so a
 * million-row release is a million writes, not two million.
 *
 * A totals-only release (council, year, measure, value: no sector) is stored here too, as one row
 * per council and year whose sector, sub-sector and gas are all EMISSION_TOTAL. Why not a table of
 * its own: a total has the same shape (release, council, year, the two measures), and here it
 * shares the release cascade that undoes an import, the covering index and the queries that say
 * which councils an import touched. Sector charts are not affected: a series is one dataset's
 * release, and a totals dataset's rows are never added to a sector dataset's (the query marks the
 * series as totals-only so a page does not present "Total" as a sector).
 */
export const EMISSION_TOTAL = 'Total';

export const emissions = sqliteTable(
	'emissions',
	{
		releaseId: integer('release_id')
			.notNull()
			.references(() => emissionReleases.id, { onDelete: 'cascade' }),
		authorityCode: text('authority_code')
			.notNull()
			.references(() => authorities.code),
		year: integer('year').notNull(),
		sector: text('sector').notNull(),
		subSector: text('sub_sector').notNull(),
		gas: text('gas').notNull(),
		territorialKt: real('territorial_kt'),
		influenceKt: real('influence_kt'),
		/**
		 * True for rows a publisher built by adding up other authorities (counties, combined
		 * authorities, the GLA): never add these to their members' rows.
		 */
		isAggregate: integer('is_aggregate', { mode: 'boolean' }).notNull()
	},
	// No unique index: a release's rows are only ever inserted once, with duplicates caught while
	// loading (feeds/emission-rows.ts); a second index would cost a third of the load time.
	(t) => [
		// Covering index for one authority's series by sector (the profile and progress pages).
		index('emissions_authority_idx').on(
			t.authorityCode,
			t.releaseId,
			t.year,
			t.sector,
			t.territorialKt,
			t.influenceKt
		)
	]
);

/* ---------------------------------------------------------------- similar councils */

/**
 * Each current council's nearest peers of its own tier group, per type of similarity, computed at
 * import from the register and the emissions sector series (metrics/similar-councils.ts,
 * import/similar-councils-refresh.ts), never per request. Derived data: rewritten whole whenever
 * an import or undo changes those inputs, so it is not in the undo log (undo recomputes it).
 */
export const similarCouncils = sqliteTable(
	'similar_councils',
	{
		authorityCode: text('authority_code')
			.notNull()
			.references(() => authorities.code),
		type: text('type', { enum: ['emissions', 'nearby', 'overall'] }).notNull(),
		/** 1 = the nearest peer. */
		rank: integer('rank').notNull(),
		peerCode: text('peer_code')
			.notNull()
			.references(() => authorities.code),
		/** 0–100: 100 is the same point, 0 the council's 10th-largest distance or farther. */
		match: real('match').notNull(),
		/** Euclidean distance between the z-scored features. */
		distance: real('distance').notNull(),
		/** Why the peer matches, in words (metrics/similarity-reasons.ts); null before method 2. */
		why: text('why')
	},
	(t) => [primaryKey({ columns: [t.authorityCode, t.type, t.rank] })]
);

/**
 * What the stored peers were computed from (one row, id 1): the release and year of the emissions
 * sector data, who was left out and why, and a digest of the inputs so an unchanged import, or a
 * start with nothing new, does not recompute. No timestamp: undoing an import gives back exactly
 * the row that was there before it.
 */
export const similarityRuns = sqliteTable('similarity_runs', {
	id: integer('id').primaryKey(),
	/** SHA-256 of the method version and every input value. */
	inputsKey: text('inputs_key').notNull(),
	/** The year whose sector shares made the emissions profile; null with no sector data. */
	emissionsYear: integer('emissions_year'),
	/** emission_releases ids the profile used, the one most councils came from first. */
	emissionsReleaseIds: text('emissions_release_ids', { mode: 'json' }).$type<number[]>().notNull(),
	authoritiesCompared: integer('authorities_compared').notNull(),
	/** Councils left out of a type, and why, as JSON [{ type, code, reason }]. */
	excluded: text('excluded', { mode: 'json' })
		.$type<{ type: string; code: string; reason: string }[]>()
		.notNull()
});

/* ---------------------------------------------------------------- import support */

/** Rows an accept-valid import set aside, kept as read so they can be fixed and re-imported. */
export const importRejectedRows = sqliteTable(
	'import_rejected_rows',
	{
		batchId: integer('batch_id')
			.notNull()
			.references(() => importBatches.id, { onDelete: 'cascade' }),
		rowNumber: integer('row_number').notNull(),
		/**
		 * The council the row is for, when its council cell could be read: an officer reads the
		 * set-aside rows of their own councils (accounts/import-records.ts).
		 */
		authorityCode: text('authority_code'),
		/** The row's cells keyed by the file's own headers, as JSON. */
		values: text('values', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		reasons: text('reasons').notNull()
	},
	(t) => [primaryKey({ columns: [t.batchId, t.rowNumber] })]
);

/** A user's header mapping for a feed ("their column = our field"), reused on the next upload. */
export const feedHeaderMaps = sqliteTable(
	'feed_header_maps',
	{
		feed: text('feed').notNull(),
		theirHeader: text('their_header').notNull(),
		ourColumn: text('our_column').notNull(),
		updatedAt: timestampNow('updated_at')
	},
	(t) => [primaryKey({ columns: [t.feed, t.theirHeader] })]
);

/**
 * Undo log, filled by triggers (drizzle/0005_undo_log_v3.sql, generated from this schema by
 * scripts/generate-undo-triggers.ts) while `import_context` names the running batch: every row a
 * batch inserts, or its state before the batch updated or deleted it.
 */
export const importChanges = sqliteTable(
	'import_changes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		batchId: integer('batch_id').notNull(),
		tableName: text('table_name').notNull(),
		op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
		rowId: integer('row_id').notNull(),
		/** The row before the change (update, delete), as JSON. */
		before: text('before')
	},
	(t) => [
		index('import_changes_batch_idx').on(t.batchId),
		index('import_changes_row_idx').on(t.tableName, t.rowId)
	]
);

/** One row: the batch being imported, read by the undo-log triggers; null outside imports. */
export const importContext = sqliteTable('import_context', {
	id: integer('id').primaryKey(),
	batchId: integer('batch_id')
});

/**
 * One row: a counter of changes to what pages show, the key of every cache of pages and
 * whole-country results (queries/sqlite/data-version.ts). Bumped by triggers (drizzle/0013) on
 * import_batches, so by every import, refused file's record and undo in its own transaction, and
 * on the council records officers write through the app. Accounts (sessions, sign-ins, the audit
 * trail) do not bump it: a sign-in, even a failed one, never makes a page recompute.
 */
export const dataGeneration = sqliteTable('data_generation', {
	id: integer('id').primaryKey(),
	generation: integer('generation').notNull().default(0)
});

export * from './schema-accounts';
export * from './schema-council-records';
