/**
 * mySociety's name → code lookup: 1,774 spellings seen in real data ("Bristol, City of",
 * "York UA"). Stored as aliases for name resolution. Text double-encoded upstream is repaired
 * where possible and skipped, with a warning, where the original letter was lost.
 */
import { z } from 'zod';
import { requiredText } from '../rows/coerce';
import { repairDoubleEncoding } from '../rows/normalise-name';
import { authorityAliases } from '../db/schema';
import { validateRecord } from '../rows/validate-record';
import type { FeedModule } from '../rows/feed';

const RowSchema = z.object({ 'la-name': requiredText, 'local-authority-code': requiredText });
type Row = { name: string; code: string };

export const authorityNamesFeed: FeedModule<Row> = {
	key: 'authority-names',
	title: 'Council name spellings (mySociety)',
	description: 'Alternative names of councils as they appear in real feeds.',
	datasetKey: 'uk-la-names-codes',
	columns: [
		{ name: 'la-name', required: true, description: 'a name as written somewhere' },
		{ name: 'local-authority-code', required: true, description: 'mySociety 3-letter code' }
	],
	parseRow(record, rowNumber, ctx) {
		const row = validateRecord(RowSchema, record, rowNumber, ctx.issues);
		if (!row) return null;
		const code = row['local-authority-code'];
		if (!ctx.resolver.has(code)) {
			ctx.issues.error(
				rowNumber,
				'local-authority-code',
				code,
				'unknown_authority',
				`unknown authority code "${code}"`
			);
			return null;
		}
		const fixed = repairDoubleEncoding(row['la-name']);
		if (fixed.lossy) {
			ctx.issues.warn(
				rowNumber,
				'la-name',
				row['la-name'],
				'double_encoded',
				'double-encoded text whose original letter is lost; alias skipped'
			);
			return null;
		}
		if (fixed.repaired) {
			ctx.issues.info(
				rowNumber,
				'la-name',
				row['la-name'],
				'double_encoded_repaired',
				`double-encoded text repaired as "${fixed.text}"`
			);
		}
		return { name: fixed.text.replace(/\s+/g, ' ').trim(), code };
	},
	records: (r) => [
		{
			table: authorityAliases,
			key: ['normalised', 'authorityCode'],
			// The register gives councils' own names too: whichever came first stays.
			addOnly: true,
			values: {
				normalised: r.name.toLowerCase(),
				authorityCode: r.code,
				alias: r.name,
				source: 'mysociety-names'
			}
		}
	]
};
