/**
 * The national funding picture: every council's fragmentation figures (published awards only),
 * pots by year and funder, award sizes, application windows, churn, and how unequally money per
 * head is spread. Inequality and the map use single-tier and district councils only: a county's
 * population contains its districts', so mixing tiers would count people twice. Inequality is
 * measured over the councils with a published award only: award lists are partial, so a council
 * without one is missing data, not a council that got nothing.
 */
import { asc, eq, min } from 'drizzle-orm';
import { yearOf } from '../../domain/dates';
import { awards, competitions, funders, schemes, type AUTHORITY_TIERS } from '../db/schema';
import {
	churn,
	countsIn,
	fragmentation,
	gini,
	lorenz,
	windowDays,
	windowSummary,
	SHORT_WINDOW_DAYS,
	type FragmentationSummary,
	type MoneyScope,
	type WindowSummary
} from '../metrics/funding';
import { currentWindow, listCompetitionDates } from './competition-dates';
import { moneyNotCounted, type MoneyNotCounted } from '../metrics/money-not-counted';
import { cachedByDataVersion } from './data-version-cache';
import { preparedQuery, serverDb, type Db } from './connection';
import {
	listAuthorityPopulations,
	listAwardFacts,
	listWindowFacts,
	type AuthorityPopulation
} from './funding-facts';

export interface AuthorityFragmentation extends FragmentationSummary {
	code: string;
	name: string;
	gssCode: string | null;
	type: string;
	typeName: string;
	tier: (typeof AUTHORITY_TIERS)[number];
}

export interface NationalFunding {
	/** Which money the figures count. */
	money: MoneyScope;
	/** With net-zero money counted: what the published lists hold besides, left out. */
	notCounted: MoneyNotCounted | null;
	authorities: AuthorityFragmentation[];
	national: FragmentationSummary;
	awardAmounts: number[];
	windows: WindowRow[];
	windowSummary: WindowSummary;
	churn: { schemes: number; singleRoundSchemes: number; share: number | null };
	potsByYear: { year: number; funder: string; pots: number }[];
	perHead: {
		/** District and single-tier councils with a population: the map's councils. */
		councils: number;
		/** Of those, councils that led at least one published award: the base of gini and lorenz. */
		withAwards: number;
		/** Gini and Lorenz curve of £ per head of awards led, over withAwards councils. */
		gini: number | null;
		lorenz: { x: number; y: number }[];
		/** Councils that led or shared in a published award: the base of estimatedGini. */
		withAnyAward: number;
		/** Gini of estimated £ per head (consortium awards split by population), over withAnyAward councils. */
		estimatedGini: number | null;
	};
	competitions: number;
	funders: number;
}

export interface WindowRow {
	competitionId: number;
	label: string;
	days: number;
	/** Opening and closing dates replaced (extensions, re-runs). */
	datesChanged: number;
}

const SINGLE_OR_LOWER = new Set(['unitary', 'lower']);

/**
 * The picture for all years, or for one (awards dated that year). Published awards only, the same
 * for every viewer, so one result per year and money serves all until the data changes.
 */
export function getNationalFunding(
	year: number | null = null,
	db: Db = serverDb(),
	money: MoneyScope = 'net-zero'
): NationalFunding {
	return cachedNational({ year, money }, db);
}

const cachedNational = cachedByDataVersion(
	'national funding',
	(o: { year: number | null; money: MoneyScope }, db: Db) =>
		computeNationalFunding(o.year, db, o.money),
	(o) => `${o.year}:${o.money}`,
	8
);

function computeNationalFunding(year: number | null, db: Db, money: MoneyScope): NationalFunding {
	const people = listAuthorityPopulations(db);
	const everything = listAwardFacts({ year, money: 'all' }, db);
	const facts = everything.filter((f) => countsIn(f.purpose, money));
	const byCode = new Map<string, typeof facts>();
	for (const f of facts) {
		let list = byCode.get(f.authorityCode);
		if (!list) byCode.set(f.authorityCode, (list = []));
		list.push(f);
	}
	const authorities = people.map((p: AuthorityPopulation) => ({
		code: p.code,
		name: p.name,
		gssCode: p.gssCode,
		type: p.type,
		typeName: p.typeName,
		tier: p.tier,
		...fragmentation(byCode.get(p.code) ?? [], p.population)
	}));
	const windows = listWindowFacts(false, db, money);
	const populated = new Set(people.filter((p) => p.population).map((p) => p.code));
	const mapped = authorities.filter((a) => SINGLE_OR_LOWER.has(a.tier) && populated.has(a.code));
	const led = mapped.filter((a) => a.awards > 0).map((a) => a.perHeadGbp!);
	const shared = mapped
		.filter((a) => a.awards > 0 || a.partnerAwards > 0)
		.map((a) => a.estimatedPerHeadGbp!);
	const lead = facts.filter((f) => f.role === 'lead');
	return {
		money,
		notCounted: money === 'all' ? null : moneyNotCounted(everything),
		authorities,
		// Partner rows add nothing to the total but carry their estimated shares, so the national
		// estimated £ equals the total.
		national: fragmentation(facts),
		awardAmounts: lead.map((f) => f.amountGbp),
		windows: windows
			.map((w) => ({
				competitionId: w.competitionId,
				label: `${w.scheme}, ${w.round}`,
				days: windowDays(w.opens, w.closes),
				datesChanged: w.openingChanges + w.closingChanges
			}))
			.filter((w): w is WindowRow => w.days !== null)
			.sort((a, b) => a.days - b.days),
		windowSummary: windowSummary(windows),
		churn: churn(windows),
		potsByYear: potsByYear(db, money),
		perHead: {
			councils: mapped.length,
			withAwards: led.length,
			gini: gini(led),
			lorenz: lorenz(led),
			withAnyAward: shared.length,
			estimatedGini: gini(shared)
		},
		competitions: windows.length,
		// The funders of the rounds recorded (not only of the awards listed so far).
		funders: new Set(windows.map((w) => w.funder).filter(Boolean)).size
	};
}

const potsQuery = preparedQuery((db) =>
	db
		.select({
			id: competitions.id,
			decisionDate: competitions.decisionDate,
			funder: funders.name,
			purpose: schemes.purpose,
			firstAward: min(awards.awardDate)
		})
		.from(competitions)
		.leftJoin(funders, eq(funders.id, competitions.funderId))
		.leftJoin(schemes, eq(schemes.name, competitions.scheme))
		.leftJoin(awards, eq(awards.competitionId, competitions.id))
		.where(eq(competitions.isSample, false))
		.groupBy(competitions.id)
		.orderBy(asc(competitions.id))
		.prepare()
);

/** Competitions by the year their window closed (or decision, when no window is known) and funder. */
function potsByYear(db: Db, money: MoneyScope): { year: number; funder: string; pots: number }[] {
	const dates = listCompetitionDates(db);
	const counts = new Map<string, { year: number; funder: string; pots: number }>();
	for (const c of potsQuery(db).all()) {
		if (!countsIn(c.purpose, money)) continue;
		const dated = currentWindow(dates.get(c.id) ?? []).closes ?? c.decisionDate ?? c.firstAward;
		if (!dated) continue;
		const year = yearOf(dated);
		const funder = c.funder ?? 'Funder not recorded';
		const key = `${year}\u0000${funder}`;
		const entry = counts.get(key) ?? { year, funder, pots: 0 };
		entry.pots += 1;
		counts.set(key, entry);
	}
	// Binary order of funder names, as SQL's ORDER BY sorts them.
	return [...counts.values()].sort(
		(a, b) => a.year - b.year || (a.funder < b.funder ? -1 : a.funder > b.funder ? 1 : 0)
	);
}

export { SHORT_WINDOW_DAYS };
