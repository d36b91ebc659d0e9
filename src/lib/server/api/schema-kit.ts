/**
 * The shapes every API answer is described with: zod schemas, registered by name, from which the
 * OpenAPI description's components are generated (openapi.ts) and against which the tests check
 * live answers. Each route annotates its body with the zod type of its schema, so the compiler
 * refuses a field the description does not have or a type it does not say; the tests catch the
 * rest (a field added through a spread, an integer that is not one).
 */
import { z } from 'zod';

/** The named schemas of the description, as `#/components/schemas/<id>`. */
export const apiSchemas = z.registry<{ id: string }>();

/** Register a schema under a component name; returns it, so it can be declared in one line. */
export function named<T extends z.ZodType>(id: string, schema: T): T {
	(schema as z.ZodType).register(apiSchemas, { id });
	return schema;
}

export const int = (description?: string) =>
	description ? z.number().int().describe(description) : z.number().int();
export const num = (description?: string) =>
	description ? z.number().describe(description) : z.number();
export const str = (description?: string) =>
	description ? z.string().describe(description) : z.string();

export const IsoDate = named(
	'IsoDate',
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.describe('A date, YYYY-MM-DD (UK local).')
);

export const AuthorityCode = named(
	'AuthorityCode',
	z
		.string()
		.regex(/^[A-Z][A-Z-]{2,5}$/)
		.describe(
			"mySociety's council code, the register's key: 3 letters for a council (TRF), 4 for a combined authority (GMCA), NIR-A… for Northern Ireland's old districts."
		)
);

export const CouncilRef = named(
	'CouncilRef',
	z.object({ code: AuthorityCode, name: z.string() }).describe('A council by code and name.')
);

/** What a figure is instead of a number the data cannot support: the reason, in words. */
export const NotAvailable = named(
	'NotAvailable',
	z
		.object({ available: z.literal(false), reason: z.string() })
		.describe('The figure cannot be given; `reason` says why, in a sentence a reader can act on.')
);

/** A figure's shape when it can be given, or NotAvailable. */
export const orNotAvailable = <T extends z.ZodRawShape>(shape: T) =>
	z.union([z.object({ available: z.literal(true), ...shape }), NotAvailable]);

export const EmissionMeasure = named(
	'EmissionMeasure',
	z
		.enum(['territorial', 'scope_of_influence'])
		.describe(
			"DESNZ's whole-area measure: territorial greenhouse gases, or CO2 within the scope of influence of local authorities."
		)
);

/** Councils whose newest figures are in other gases than a table's measure, so not used in it. */
export const OtherGasesSetAside = named(
	'OtherGasesSetAside',
	z
		.object({
			councils: z.array(AuthorityCode),
			releases: z.array(z.string()).describe('The releases set aside, by label'),
			unit: z.string().describe('Their unit, e.g. "kt CO2"')
		})
		.nullable()
		.describe(
			"Councils holding newer figures in other gases than this measure's unit: they are judged on their newest figures in the table's unit, never mixed. Null when there are none."
		)
);

export const ErrorBody = named(
	'Error',
	z
		.object({ error: z.string().describe('What is wrong, in a sentence.') })
		.describe('A request the API refused; the status code says why.')
);

export const BadQueryBody = named(
	'BadQuery',
	z
		.object({
			error: z.literal('invalid query'),
			issues: z
				.array(z.string())
				.min(1)
				.describe('Each parameter at fault, its value and what was expected.')
		})
		.describe('A query the API cannot answer.')
);

export const MessageBody = named(
	'Message',
	z
		.object({ message: z.string().describe('What is wrong, in a sentence.') })
		.describe('A refused upload or job request (the import endpoints).')
);

export const Licence = z
	.string()
	.describe('The licences of the data in this answer, and where to read more (/sources).');

/** The body a route answers with, as its schema describes it: routes write `body satisfies Body<typeof X>`. */
export type Body<T extends z.ZodType> = z.output<T>;
