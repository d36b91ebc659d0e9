/**
 * Targets upsert on (authority, scope, year, wording) where the year may be null: SQLite treats
 * NULLs as distinct in a unique index, so the match uses `IS` and is done here, not by ON CONFLICT.
 */
import type { ImportContext, WriteCounts } from '../rows/feed';

export interface TargetRow {
	authority_code: string;
	scope: string;
	target_year: number | null;
	wording: string;
	source_url: string | null;
	source_name: string | null;
	checked_on: string | null;
	notes: string | null;
	is_sample: boolean;
	batch_id: number;
}

export function prepareTargetUpsert(ctx: ImportContext) {
	const find = ctx.sqlite
		.prepare(
			'SELECT id FROM targets WHERE authority_code = @authority_code AND scope = @scope AND target_year IS @target_year AND wording = @wording'
		)
		.pluck();
	const insert = ctx.sqlite.prepare(
		`INSERT INTO targets (authority_code, scope, target_year, wording, source_url, source_name, checked_on, notes, is_sample, batch_id)
		 VALUES (@authority_code, @scope, @target_year, @wording, @source_url, @source_name, @checked_on, @notes, @is_sample, @batch_id)`
	);
	const update = ctx.sqlite.prepare(
		`UPDATE targets SET source_url = @source_url, source_name = @source_name, checked_on = @checked_on, notes = @notes,
		   is_sample = @is_sample, batch_id = @batch_id
		 WHERE id = @id AND (source_url IS NOT @source_url OR source_name IS NOT @source_name OR checked_on IS NOT @checked_on
		   OR notes IS NOT @notes OR is_sample IS NOT @is_sample)`
	);
	const counts: WriteCounts = { written: 0, unchanged: 0 };
	return {
		run(row: TargetRow) {
			const params = { ...row, is_sample: row.is_sample ? 1 : 0 };
			const id = find.get(params) as number | undefined;
			const changes =
				id === undefined ? insert.run(params).changes : update.run({ ...params, id }).changes;
			if (changes) counts.written++;
			else counts.unchanged++;
		},
		counts: () => counts
	};
}
