/**
 * A council's own greenhouse gas reports on its operations (the council emissions template), the
 * series its council-operations target is measured against. Figures in tonnes CO2e; a scope the
 * report does not give is null, never 0.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { councilEmissions } from '../db/schema';
import { preparedQuery, serverDb, type Db } from './connection';

const councilEmissionsQuery = preparedQuery((db) =>
	db
		.select({
			year: councilEmissions.year,
			scope1T: councilEmissions.scope1T,
			scope2T: councilEmissions.scope2T,
			scope3T: councilEmissions.scope3T,
			method: councilEmissions.method,
			sourceUrl: councilEmissions.sourceUrl,
			notes: councilEmissions.notes,
			isSample: councilEmissions.isSample
		})
		.from(councilEmissions)
		.where(eq(councilEmissions.authorityCode, sql.placeholder('code')))
		.orderBy(asc(councilEmissions.year))
		.prepare()
);

/** One council's reports, oldest first; `year` is the reporting year (a financial year's first). */
export function listCouncilEmissions(code: string, db: Db = serverDb()) {
	return councilEmissionsQuery(db).all({ code });
}

export type CouncilEmissionsRow = ReturnType<typeof listCouncilEmissions>[number];
