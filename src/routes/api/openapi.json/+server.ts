import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/openapi';
import type { RequestHandler } from './$types';

/** GET /api/openapi.json: the OpenAPI 3.1 description of the JSON API. */
export const GET: RequestHandler = () => json(openApiDocument());
