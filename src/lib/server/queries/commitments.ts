/**
 * Targets, climate emergency declarations and plan documents of one authority.
 */
import type Database from 'better-sqlite3';
import { all, get, type SqliteRow } from './statements';

export interface TargetRow {
	scope: string;
	targetYear: number | null;
	wording: string;
	sourceUrl: string | null;
	sourceName: string | null;
	checkedOn: string | null;
	isSample: boolean;
}

export function listTargets(sqlite: Database.Database, code: string): TargetRow[] {
	return all<SqliteRow<TargetRow, 'isSample'>>(
		sqlite,
		`SELECT scope, target_year AS targetYear, wording, source_url AS sourceUrl, source_name AS sourceName,
		        checked_on AS checkedOn, is_sample AS isSample
		 FROM targets WHERE authority_code = ?
		 ORDER BY CASE scope WHEN 'council_operations' THEN 0 WHEN 'whole_area' THEN 1 ELSE 2 END, target_year`,
		code
	).map((t) => ({ ...t, isSample: !!t.isSample }));
}

export interface DeclarationRow {
	declared: boolean;
	madeText: string;
	dateMade: string | null;
	datePrecision: 'day' | 'month' | null;
	motionUrl: string | null;
}

export function getDeclaration(sqlite: Database.Database, code: string): DeclarationRow | null {
	const row = get<SqliteRow<DeclarationRow, 'declared'>>(
		sqlite,
		`SELECT declared, made_text AS madeText, date_made AS dateMade, date_precision AS datePrecision, motion_url AS motionUrl
		 FROM declarations WHERE authority_code = ?`,
		code
	);
	return row ? { ...row, declared: !!row.declared } : null;
}

export interface PlanRow {
	url: string;
	title: string | null;
	type: string | null;
	lastUpdate: string | null;
	dateRetrieved: string | null;
	outOfDate: boolean | null;
}

export function listPlans(sqlite: Database.Database, code: string): PlanRow[] {
	return all<Omit<PlanRow, 'outOfDate'> & { outOfDate: number | null }>(
		sqlite,
		`SELECT url, title, type, last_update AS lastUpdate, date_retrieved AS dateRetrieved, out_of_date AS outOfDate
		 FROM plans WHERE authority_code = ? ORDER BY coalesce(date_retrieved, last_update) DESC, title`,
		code
	).map((p) => ({ ...p, outOfDate: p.outOfDate === null ? null : !!p.outOfDate }));
}

/** Every target, grouped by authority, for the list API (one query, not one per authority). */
export function listAllTargets(sqlite: Database.Database): Map<string, TargetRow[]> {
	const rows = all<SqliteRow<TargetRow, 'isSample'> & { authorityCode: string }>(
		sqlite,
		`SELECT authority_code AS authorityCode, scope, target_year AS targetYear, wording, source_url AS sourceUrl,
		        source_name AS sourceName, checked_on AS checkedOn, is_sample AS isSample
		 FROM targets ORDER BY authority_code, scope, target_year`
	);
	const byAuthority = new Map<string, TargetRow[]>();
	for (const { authorityCode, ...t } of rows) {
		let list = byAuthority.get(authorityCode);
		if (!list) byAuthority.set(authorityCode, (list = []));
		list.push({ ...t, isSample: !!t.isSample });
	}
	return byAuthority;
}
