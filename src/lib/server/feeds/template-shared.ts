/**
 * Shared pieces of the app's own upload templates (competitions, bids, actions, milestones,
 * targets): the column table each template documents itself with, free-text choices written many
 * ways, council and list cells, and small helpers that keep a re-import from writing anything.
 */
import { z } from 'zod';
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { actionFunding, actions, bids, partners } from '../db/schema';
import type { ParsedDate } from '../rows/coerce';
import type { FeedColumn, ImportContext, WriteCounts } from '../rows/feed';
import { repeatedRows } from '../rows/repeated-rows';

/**
 * A template's columns from a table, one line each: `name* | description | example | alias; alias`
 * (`*`: the header must have it). Checked against the row schema's keys, in order, so a template
 * never documents a column it does not read, and the download's header follows the schema.
 */
export function templateColumns(keys: readonly string[], table: string): FeedColumn[] {
	const columns = table
		.trim()
		.split('\n')
		.map((line) => {
			const [head = '', description, example, aliases] = line.split('|').map((s) => s.trim());
			const name = head.replace(/\*$/, '');
			if (!description || !example)
				throw new Error(`column "${name}" needs a description and example`);
			const list = aliases ? aliases.split(';').map((a) => a.trim()) : [];
			return { name, required: head.endsWith('*'), description, example, aliases: list };
		});
	const names = columns.map((c) => c.name).join(', ');
	if (names !== keys.join(', '))
		throw new Error(`columns ${names} do not match ${keys.join(', ')}`);
	return columns;
}

/** Lower case, `_ - /` as spaces, other punctuation dropped: "In-progress." → "in progress". */
export function foldChoice(s: string): string {
	return s
		.toLowerCase()
		.replace(/[_\-/]+/g, ' ')
		.replace(/[^a-z0-9 ]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Finds the value whose spellings (or the value itself, `_` as a space) match a cell, folded. */
export function variantLookup<T extends string>(variants: Record<T, readonly string[]>) {
	const lookup = new Map<string, T>();
	for (const [value, spellings] of Object.entries(variants) as [T, readonly string[]][]) {
		for (const s of [value, ...spellings]) lookup.set(foldChoice(s), value);
	}
	return (cell: string): T | undefined => lookup.get(foldChoice(cell));
}

/** A column of fixed values that people write many ways (see variantLookup). Blank is null. */
export function choice<T extends string>(variants: Record<T, readonly string[]>, expected: string) {
	const find = variantLookup(variants);
	return z
		.string()
		.optional()
		.transform((s, ctx): T | null => {
			if (!s?.trim()) return null;
			const value = find(s);
			if (value === undefined) {
				ctx.addIssue({ code: 'custom', message: `expected ${expected}` });
				return z.NEVER;
			}
			return value;
		});
}

/**
 * Reports a choice written another way than its value ("Pending" read as submitted), so a reading
 * the officer might not have meant is never silent.
 */
export function noteChoiceRead(
	ctx: ImportContext,
	rowNumber: number,
	column: string,
	cell: string | undefined,
	value: string
): void {
	const written = (cell ?? '').trim();
	if (!written || foldChoice(written) === foldChoice(value)) return;
	ctx.issues.info(rowNumber, column, written, 'choice_read', `"${written}" read as ${value}`);
}

/** As `choice`, but a blank cell is an error. */
export function requiredChoice<T extends string>(
	variants: Record<T, readonly string[]>,
	expected: string
) {
	return choice(variants, expected).transform((v, ctx): T => {
		if (v === null) ctx.addIssue({ code: 'custom', message: 'a value is required' });
		return v as T;
	});
}

/** Scope of an action or a target, as the templates accept it. */
export const SCOPE_VARIANTS = {
	council_operations: ['council', 'council own', 'own operations', 'own estate', 'organisation'],
	whole_area: ['area', 'area wide', 'borough wide', 'district wide', 'county wide', 'city wide']
} as const;
export const SCOPE_EXPECTED = '"Council operations" or "Whole area"';

/** A list in one cell: "A; B; C", or with `commas` also "A, B, C" when it has no semicolon. */
export function splitList(cell: string | null, commas = false): string[] {
	if (!cell) return [];
	const separator = commas && !cell.includes(';') ? ',' : ';';
	return [...new Set(cell.split(separator).map((s) => s.trim()))].filter(Boolean);
}

/** An ISO date as the user wrote it in the template (dd/mm/yyyy), for messages. */
export const ukDate = (iso: string) => iso.split('-').reverse().join('/');

/** An invalid_value error on one cell of the row, naming its value; returns false. */
export function rowError(
	ctx: ImportContext,
	rowNumber: number,
	record: Record<string, string>,
	column: string,
	message: string
): false {
	ctx.issues.error(rowNumber, column, (record[column] ?? '').trim(), 'invalid_value', message);
	return false;
}

/** Two dates of a row that must be in order: if not, an error on the later naming both. */
export function checkDateOrder(
	ctx: ImportContext,
	rowNumber: number,
	record: Record<string, string>,
	row: object,
	earlier: string,
	later: string
): boolean {
	const dates = row as Record<string, ParsedDate | null>;
	const [a, b] = [dates[earlier]?.date, dates[later]?.date];
	if (!a || !b || b >= a) return true;
	const [from, to] = [(record[earlier] ?? '').trim(), (record[later] ?? '').trim()];
	return rowError(ctx, rowNumber, record, later, `${later} ${to} is before ${earlier} ${from}`);
}

/**
 * A parsed row's values for a schema table, each column read from the row's field of the same
 * (SQL) name, the one `renames` names, or for money (`cost_gbp`) the template's plain name
 * (`cost`): dates as their ISO date. A field the row does not have stays undefined, so the writer
 * leaves it as stored; the id, batch_id and is_sample are the writer's.
 */
export function schemaValues<T extends SQLiteTable>(
	table: T,
	row: object,
	renames: Record<string, string> = {}
): Partial<T['$inferInsert']> {
	const values = row as Record<string, unknown>;
	const field = (c: string) => renames[c] ?? (c in values ? c : c.replace(/_gbp$/, ''));
	const out: Record<string, unknown> = {};
	for (const [key, column] of Object.entries(getTableColumns(table))) {
		if (key === 'id' || key === 'batchId' || key === 'isSample') continue;
		const v = values[field(column.name)];
		out[key] = v && typeof v === 'object' && 'date' in v ? (v as ParsedDate).date : v;
	}
	return out as Partial<T['$inferInsert']>;
}

/** Same rows in any order: compares child rows (as tuples) before replacing them. */
export function sameRows(a: readonly unknown[][], b: readonly unknown[][]): boolean {
	const key = (rows: readonly unknown[][]) =>
		JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());
	return key(a) === key(b);
}

/**
 * Per-row write counts (a file row is written when anything it stands for changed), and the check
 * of a row that repeats the natural key of an earlier one (rows/repeated-rows.ts): `repeat` is
 * false when the row must not be written.
 */
export function rowTally(ctx: ImportContext) {
	const counts: WriteCounts = { written: 0, unchanged: 0 };
	const firstOfKey = repeatedRows(ctx);
	return {
		add(changed: boolean) {
			if (changed) counts.written++;
			else counts.unchanged++;
		},
		repeat(key: string, rowNumber: number, column: string, value: string, row: object): boolean {
			return firstOfKey(key, rowNumber, { column, value, label: `${column} "${value}"` }, row);
		},
		counts: () => counts
	};
}

/**
 * Ids of the rows a cell names by reference ("ACT-014; ACT-022"), among one council's actions or
 * bids; a reference not found is a warning, and not linked.
 */
export function referencedIds(ctx: ImportContext, kind: 'actions' | 'bids') {
	const what = kind === 'bids' ? 'bid' : 'action';
	const find = (authority: string, reference: string) =>
		kind === 'bids'
			? ctx.write.idOf(bids, { leadAuthorityCode: authority, reference })
			: ctx.write.idOf(actions, { authorityCode: authority, reference });
	return (cell: string | null | undefined, authority: string, rowNumber: number, column: string) =>
		splitList(cell ?? null).flatMap((ref) => {
			const found = find(authority, ref);
			const name = `${ctx.resolver.name(authority) ?? authority} (${authority})`;
			const message = `no ${what} "${ref}" of ${name}; not linked`;
			if (found === undefined) ctx.issues.warn(rowNumber, column, ref, `unknown_${what}`, message);
			return found === undefined ? [] : [found];
		});
}

/**
 * Links an action to a bid that funds it (action_funding), once. Links are only ever added: the
 * bids template (linked_actions) and the actions template (funded_by) may each name them.
 */
export function linkActionToBid(ctx: ImportContext, actionId: number, bidId: number): boolean {
	if (ctx.write.idOf(actionFunding, { actionId, bidId }) !== undefined) return false;
	ctx.write.ensure(actionFunding, { actionId, bidId });
	return true;
}

/** Replaces the partners of a bid or an award, only when they differ from those stored. */
export function setPartners(
	ctx: ImportContext,
	owner: { bidId: number } | { awardId: number },
	list: Omit<typeof partners.$inferInsert, 'id' | 'bidId' | 'awardId'>[]
): boolean {
	return ctx.write.replaceChildren(partners, owner, list);
}

/** Partners as the feeds parse them, [authority_code, name, kind], as partner records. */
export function partnerRecords(
	list: readonly (readonly [string | null, string, string])[]
): Omit<typeof partners.$inferInsert, 'id' | 'bidId' | 'awardId'>[] {
	return list.map(([authorityCode, name, kind]) => ({
		authorityCode,
		name,
		kind: kind as (typeof partners.$inferInsert)['kind']
	}));
}
