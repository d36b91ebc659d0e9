/**
 * The committee report's funding for one financial year: the bids the viewer may see (bids.ts,
 * with their scheme's purpose) and the council's published awards (funding.ts), reconciled into
 * one list with each sum once (metrics/funding-reconciliation.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { bids, competitions, schemes } from '../db/schema';
import type { Viewer } from '../accounts/viewer';
import type { MoneyScope } from '../metrics/funding';
import { reconcileFunding } from '../metrics/funding-reconciliation';
import { listAuthorityBids } from './bids';
import { preparedQuery, serverDb, type Db } from './connection';
import { param } from './filters';
import { listAuthorityAwards } from './funding';

/**
 * Each bid's scheme purpose: of the published round it joined, else of the scheme as the council
 * wrote it (a catalogued name reads the same), null when nobody has classified the scheme.
 */
const bidPurposesQuery = preparedQuery((db) =>
	db
		.select({ id: bids.id, purpose: schemes.purpose })
		.from(bids)
		.leftJoin(competitions, eq(competitions.id, bids.competitionId))
		.leftJoin(schemes, eq(schemes.name, sql`coalesce(${competitions.scheme}, ${bids.scheme})`))
		.where(eq(bids.leadAuthorityCode, param('code')))
		.prepare()
);

export function getReportFunding(
	code: string,
	options: { from: string; to: string; money: MoneyScope; viewer: Viewer },
	db: Db = serverDb()
) {
	const purposes = new Map(
		bidPurposesQuery(db)
			.all({ code })
			.map((b) => [b.id, b.purpose])
	);
	return reconcileFunding({
		bids: listAuthorityBids(code, db, options.viewer).map((b) => ({
			...b,
			purpose: purposes.get(b.id) ?? null
		})),
		awards: listAuthorityAwards(code, db),
		from: options.from,
		to: options.to,
		money: options.money
	});
}

export type ReportFunding = ReturnType<typeof getReportFunding>;
