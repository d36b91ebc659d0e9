/**
 * The building blocks of the OpenAPI description: schema shorthands, the parameters several
 * endpoints share, and the shapes of a 200 and an error answer.
 */
export type Schema = Record<string, unknown>;

export const str = (description?: string): Schema => ({
	type: 'string',
	...(description && { description })
});
export const int = (description?: string): Schema => ({
	type: 'integer',
	...(description && { description })
});
export const num = (description?: string): Schema => ({
	type: 'number',
	...(description && { description })
});
export const arr = (items: Schema = { type: 'object' }, description?: string): Schema => ({
	type: 'array',
	items,
	...(description && { description })
});
export const obj = (description?: string): Schema => ({
	type: 'object',
	...(description && { description })
});
export const nullable = (s: Schema): Schema => ({ ...s, type: [s.type as string, 'null'] });

/** An object whose listed fields are all present in every answer. */
export const fields = (properties: Record<string, Schema>): Schema => ({
	type: 'object',
	required: Object.keys(properties),
	properties
});

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
export const format = (also = 'csv') =>
	query('format', `json (default) or ${also}`, { type: 'string', enum: ['json', also] });
export const measure = query('measure', 'Whole-area emissions measure (default territorial).', {
	type: 'string',
	enum: ['territorial', 'scope_of_influence']
});
export const window = query('window', 'Years the trend is fitted over, 3 to 10 (default 5).', {
	type: 'integer',
	minimum: 3,
	maximum: 10
});
export const error400 = {
	description:
		'A query parameter is invalid: the answer names it, its value and what was expected.',
	content: { 'application/json': { schema: fields({ error: str() }) } }
};
export const notFound = {
	description: 'No council has that code.',
	content: { 'application/json': { schema: fields({ error: str() }) } }
};
export const ok = (description: string, schema: Schema, csv = false) => ({
	description,
	content: {
		'application/json': { schema },
		...(csv && { 'text/csv': { schema: { type: 'string' } } })
	}
});
