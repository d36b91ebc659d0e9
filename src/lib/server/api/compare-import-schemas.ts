/**
 * The compare table's answer (/api/compare), whose row fields come from the compare columns so a
 * new column is described where it is defined, and the import upload endpoints' answers.
 */
import { z } from 'zod';
import {
	COMPARE_COLUMNS,
	NUMERIC_KEYS,
	SORT_KEYS,
	type CompareColumn
} from '../../compare/columns';
import { ROW_STATUSES } from '../../progress-filter';
import { MONEY_SCOPES } from '../../funding-purpose';
import { Money, MoneyNotCounted } from './funding-schemas';
import {
	AuthorityCode,
	EmissionMeasure,
	Licence,
	OtherGasesSetAside,
	int,
	named,
	str
} from './schema-kit';

function columnSchema(c: CompareColumn) {
	const base =
		c.kind === 'number' ? z.number() : c.kind === 'status' ? z.enum(ROW_STATUSES) : z.string();
	const counts = c.money ? ' Counts net-zero money unless money=all.' : '';
	const described = `${c.label}${c.unit ? ` (${c.unit})` : ''}: ${c.definition}${counts}`;
	return (c.kind === 'status' ? base : base.nullable()).describe(described).optional();
}

const CompareRow = named(
	'CompareRow',
	z
		.object({
			code: AuthorityCode,
			gssCode: str('GSS code').nullable(),
			name: z.string(),
			measure: str('The measure of the emissions figures').optional(),
			...Object.fromEntries(COMPARE_COLUMNS.map((c) => [c.key, columnSchema(c)]))
		})
		.describe(
			'code, gssCode and name always; then the columns asked for (cols), and measure with any emissions figure.'
		)
);

export const CompareResponse = named(
	'Compare',
	z.object({
		version: z.literal(1).describe("The version of this answer's shape"),
		measure: EmissionMeasure,
		measureLabel: z.string(),
		releaseLabels: z.array(z.string()),
		otherGases: OtherGasesSetAside,
		money: Money,
		notCounted: MoneyNotCounted,
		filter: z
			.object({
				q: z.string().optional(),
				nation: z.string().optional(),
				region: z.string().optional(),
				type: z.string().optional(),
				target: z.string().optional(),
				status: z.enum(ROW_STATUSES).optional(),
				cols: z.array(z.enum(COMPARE_COLUMNS.map((c) => c.key))),
				sort: z.enum(SORT_KEYS),
				dir: z.enum(['asc', 'desc']),
				map: z.enum(NUMERIC_KEYS),
				x: z.enum(NUMERIC_KEYS),
				y: z.enum(NUMERIC_KEYS),
				money: z.enum(MONEY_SCOPES)
			})
			.describe('The view as read from the query'),
		fields: z
			.array(z.string())
			.describe('The fields of each row, in order (the CSV has the same columns in this order)'),
		count: int('Rows in the view'),
		total: int('Current councils'),
		rows: z.array(CompareRow),
		licence: Licence
	})
);

export const UploadCreated = named(
	'UploadCreated',
	z.object({
		token: str('The job to poll at /api/imports/uploads/{token}'),
		bytes: int('Bytes received')
	})
);

export const ImportJob = named(
	'ImportJob',
	z.object({
		token: z.string(),
		fileName: z.string(),
		feed: str('The feed, given or detected; null until known').nullable(),
		mode: z.enum(['strict', 'accept-valid']),
		allowOlder: z
			.boolean()
			.describe('Whether the import may set stored values back (blanks, older records)'),
		headerMap: z.record(z.string(), z.string()).describe('Their header → our column'),
		headers: z.array(z.string()).describe("The file's header row"),
		state: z.enum(['checking', 'checked', 'importing', 'imported', 'failed']),
		progress: z.object({ rowsRead: int(), bytesRead: int(), bytesTotal: int() }),
		waitingFor: str('The write this job waits for, e.g. "the import of promises.csv"').nullable(),
		report: z
			.object({
				status: z.enum(['committed', 'rejected', 'dry-run']),
				fatal: str('Why the file cannot be imported at all').nullable(),
				rowsRead: int()
			})
			.nullable(),
		error: z.string().nullable(),
		updatedAt: int('ms since 1970')
	})
);
