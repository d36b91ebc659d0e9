/**
 * The gases each whole-area measure is judged in: CO2 only, or all greenhouse gases (CO2e).
 *
 * Why one for every council: a table, chart, map or ranking that set one council's kt CO2 beside
 * another's kt CO2e would compare different things (CO2 is about four fifths of an area's CO2e).
 * A council whose newest release covers other gases (a data lab's CO2-only file for 16 councils,
 * say) therefore stays, in that measure, on its newest release in the table's gases, and its
 * page says which release is used and which is not (area-series.ts).
 *
 * The table's gases are those that more councils hold figures in, counted over every stored
 * release; CO2e when as many councils hold both (the fuller measure, and DESNZ's headline).
 * The count reads every (council, release) pair from the covering index once per change of the
 * data, so a council's own page pays nothing for it after the first request.
 */
import { isNotNull } from 'drizzle-orm';
import { emissions } from '../db/schema';
import { preparedQuery, type Db } from './connection';
import { cachedByDataVersion } from './data-version-cache';
import { listEmissionReleases, measureGases, type EmissionMeasure, type Gases } from './emissions';

/** The gases that more councils hold figures in; CO2e on a tie; null when none hold any. */
export function majorityGases(held: Iterable<{ code: string; gases: Gases }>): Gases | null {
	const councils = { co2: new Set<string>(), ghg: new Set<string>() };
	for (const h of held) councils[h.gases].add(h.code);
	if (!councils.co2.size && !councils.ghg.size) return null;
	return councils.co2.size > councils.ghg.size ? 'co2' : 'ghg';
}

const pairsQuery = (column: typeof emissions.territorialKt | typeof emissions.influenceKt) =>
	preparedQuery((db) =>
		db
			.select({ code: emissions.authorityCode, releaseId: emissions.releaseId })
			.from(emissions)
			.where(isNotNull(column))
			.groupBy(emissions.authorityCode, emissions.releaseId)
			.prepare()
	);

const PAIRS = {
	territorial: pairsQuery(emissions.territorialKt),
	scope_of_influence: pairsQuery(emissions.influenceKt)
};

function computeTableGases(measure: EmissionMeasure, db: Db): Gases | null {
	const releases = new Map(listEmissionReleases(db).map((r) => [r.id, r]));
	return majorityGases(
		PAIRS[measure](db)
			.all()
			.flatMap((p) => {
				const release = releases.get(p.releaseId);
				return release ? [{ code: p.code, gases: measureGases(release, measure) }] : [];
			})
	);
}

const cachedTableGases = cachedByDataVersion(
	'table gases',
	computeTableGases,
	(measure) => measure,
	2
);

/** The gases every council's series in `measure` is taken in (null while no figures are held). */
export function tableGases(measure: EmissionMeasure, db: Db): Gases | null {
	return cachedTableGases(measure, db);
}

export const unitOfGases = (gases: Gases) => (gases === 'co2' ? 'kt CO2' : 'kt CO2e');
