/**
 * Checks an answer against the OpenAPI description: the status must be described for that
 * operation, with that media type, and the body must match its schema (Ajv, JSON Schema 2020-12,
 * strict; the schemas are closed, so a field the description lacks fails). Used by the unit test
 * of the description (in-process) and by the browser suite (against the built server).
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../src/lib/server/openapi';

type Doc = ReturnType<typeof openApiDocument>;
interface Operation {
	responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
}

const BASE = 'https://net-zero-local.invalid/api';

/** The description's schemas as one JSON Schema document, refs pointing at its $defs. */
function asDefs(doc: Doc) {
	const text = JSON.stringify(doc.components.schemas).replaceAll(
		'"#/components/schemas/',
		'"#/$defs/'
	);
	return { $id: BASE, $defs: JSON.parse(text) };
}

export function openApiChecker(doc: Doc = openApiDocument()) {
	const ajv = new Ajv2020({ strict: true, allErrors: true });
	ajv.addSchema(asDefs(doc));

	const operation = (path: string, method: string): Operation => {
		const item = (doc.paths as unknown as Record<string, Record<string, Operation>>)[path];
		const op = item?.[method.toLowerCase()];
		if (!op) throw new Error(`${method} ${path} is not described`);
		return op;
	};

	/** Null when the answer is as described; else what is wrong, in words. */
	function check(
		path: string,
		method: string,
		status: number,
		mediaType: string,
		body: unknown
	): string | null {
		const response = operation(path, method).responses[String(status)];
		if (!response) return `${method} ${path}: status ${status} is not described`;
		const type = mediaType.split(';')[0]!.trim();
		const content = response.content?.[type];
		if (!content) return `${method} ${path} ${status}: ${type} is not described`;
		const schema = content.schema;
		const ref = typeof schema.$ref === 'string' ? schema.$ref : null;
		const validate = ref
			? ajv.getSchema(`${BASE}${ref.replace('#/components/schemas/', '#/$defs/')}`)
			: ajv.compile(schema);
		if (!validate) return `${method} ${path} ${status}: ${ref} does not resolve`;
		if (validate(body)) return null;
		return `${method} ${path} ${status}: ${describeErrors(validate.errors ?? [])}`;
	}

	return { check, operation };
}

function describeErrors(errors: ErrorObject[]): string {
	// Branches of an anyOf report every mismatch; the first few say enough.
	return errors
		.slice(0, 8)
		.map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
		.join('; ');
}
