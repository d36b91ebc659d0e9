/**
 * The building blocks of the OpenAPI description: the components generated from the API's zod
 * schemas (api/*-schemas.ts), the parameters several endpoints share, and the shapes of an
 * operation's answers (a 200 with its schema, the errors as they really occur).
 */
import { z } from 'zod';
import { MONEY_SCOPES } from '../funding-purpose';
import { SESSION_COOKIE } from './accounts/sessions';
import { apiSchemas } from './api/schema-kit';
import './api/authority-schemas';
import './api/compare-import-schemas';
import './api/funding-schemas';
import './api/progress-schemas';

export type Schema = Record<string, unknown>;

/** The registered schema's name in the description, checked against the registry. */
export function ref(schema: z.ZodType): Schema {
	const id = apiSchemas.get(schema)?.id;
	if (!id) throw new Error('This schema is not registered in apiSchemas: give it a name first.');
	return { $ref: `#/components/schemas/${id}` };
}

/**
 * The components, as JSON Schema 2020-12 (OpenAPI 3.1's dialect), closed where the answer is
 * (no field beyond those listed). The ±2^53 bounds zod gives every integer say nothing a
 * reader needs, so they are left out.
 */
export function componentSchemas(): Record<string, Schema> {
	const { schemas } = z.toJSONSchema(apiSchemas, {
		target: 'draft-2020-12',
		io: 'output',
		uri: (id) => `#/components/schemas/${id}`,
		override: ({ jsonSchema }) => {
			if (jsonSchema.type !== 'integer') return;
			if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
			if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
		}
	});
	return Object.fromEntries(
		Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema])
	);
}

export interface Operation {
	operationId: string;
	summary: string;
	security: SecurityRequirements;
	responses: Record<string, unknown>;
	[field: string]: unknown;
}

/** A path's one operation, a GET. */
export const get = (operation: Operation) => ({ get: operation });

export const query = (name: string, description: string, schema: Schema = { type: 'string' }) => ({
	name,
	in: 'query',
	required: false,
	description,
	schema
});
export const codePath = {
	name: 'code',
	in: 'path',
	required: true,
	description: 'The 3-letter code (TRF) or a current or former GSS code (E08000009).',
	schema: { type: 'string' },
	example: 'TRF'
};
export const format = query('format', 'json (default) or csv', {
	type: 'string',
	enum: ['json', 'csv'],
	default: 'json'
});
export const measure = query('measure', 'Whole-area emissions measure (default territorial).', {
	type: 'string',
	enum: ['territorial', 'scope_of_influence'],
	default: 'territorial'
});
export const money = query(
	'money',
	'Which money the funding figures count: net-zero (the default) or all, general regeneration and growth money included',
	{ type: 'string', enum: [...MONEY_SCOPES], default: 'net-zero' }
);
export const window = query('window', 'Years the trend is fitted over, 3 to 10 (default 5).', {
	type: 'integer',
	minimum: 3,
	maximum: 10,
	default: 5
});

/** Who may call an operation: anyone, anyone (a session sees more), or a signed-in account. */
type SecurityRequirements = Record<string, string[]>[];

export const SECURITY = {
	public: [] as SecurityRequirements,
	sessionSeesMore: [{}, { session: [] }] as SecurityRequirements,
	session: [{ session: [] }]
} satisfies Record<string, SecurityRequirements>;

export const securitySchemes = {
	session: {
		type: 'apiKey',
		in: 'cookie',
		name: SESSION_COOKIE,
		description:
			'The session cookie set by signing in at /login. Reads need none; writes need one, and what a council’s officers and admins may see (drafts, bid costs, private actions) needs theirs.'
	}
};

const json = (schema: Schema) => ({ 'application/json': { schema } });
const errorContent = json({ $ref: '#/components/schemas/Error' });
const messageContent = json({ $ref: '#/components/schemas/Message' });

/** A 200 (or another success) with its JSON schema and, for a CSV endpoint, the CSV. */
export function ok(description: string, schema: z.ZodType, csv?: string) {
	return {
		description,
		content: {
			...json(ref(schema)),
			...(csv && {
				'text/csv': {
					schema: { type: 'string', description: csv }
				}
			})
		}
	};
}

export const CSV_NOTE =
	'With format=csv: UTF-8 with a BOM, a header row of the page’s own words with units ("£ won per head (£ per person)"), statuses in words ("Off track"), figures rounded as the page prints them (the JSON keeps full precision), and text a spreadsheet would run as a formula neutralised with a leading \'.';

export const badQuery = {
	description:
		'A query parameter is invalid: `issues` names each one, its value and what was expected.',
	content: json({ $ref: '#/components/schemas/BadQuery' })
};
export const notFound = (what = 'No council has that code.') => ({
	description: what,
	content: errorContent
});

/** The import endpoints answer with SvelteKit's error body, `{ message }`. */
export const refused = (description: string) => ({ description, content: messageContent });
