/**
 * The server's error log: a failing request's path is logged as data, so a path with `%` in it
 * (`/authorities/%ff`, which console.error would read as a format directive) keeps both itself
 * and the error in the line. A request's own fault (4xx) answers a sentence and logs one line
 * without a stack.
 */
import { format } from 'node:util';
import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from './hooks.server';

afterEach(() => vi.restoreAllMocks());

/** What console.error printed: its arguments formatted as Node formats them. */
function logged(spy: { mock: { calls: unknown[][] } }): string {
	return spy.mock.calls.map((args) => format(...args)).join('\n');
}

function fail(path: string, error: Error, status = 500) {
	const event = {
		request: new Request(`http://localhost${path}`),
		url: new URL(`http://localhost${path}`)
	} as RequestEvent;
	return handleError({ error, event, status, message: 'Internal Error' });
}

describe('handleError', () => {
	it('logs a path holding a format directive literally, with the error after it', async () => {
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		const answer = await fail('/authorities/%ff', new URIError('URI malformed'));
		const line = logged(spy);
		expect(line).toContain('GET /authorities/%ff');
		expect(line).toContain('URIError: URI malformed');
		expect(answer).toEqual({ message: 'Something went wrong on our side.' });
	});

	it('logs a path with %s and %o unchanged', async () => {
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		await fail('/funding/%s%o%d', new Error('boom'));
		const line = logged(spy);
		expect(line).toContain('GET /funding/%s%o%d:');
		expect(line).toContain('Error: boom');
	});

	it('logs nothing for a page that is not found', async () => {
		const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
		const answer = await fail('/nowhere', new Error('Not found: /nowhere'), 404);
		expect(spy).not.toHaveBeenCalled();
		expect(answer).toEqual({ message: 'Not found' });
	});

	it('answers a form posted without form data with a sentence and one log line', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		const thrown = new Error('Form actions expect form-encoded data — received null');
		const event = {
			request: new Request('http://localhost/login', { method: 'POST' }),
			url: new URL('http://localhost/login')
		} as RequestEvent;
		const answer = await handleError({
			error: thrown,
			event,
			status: 415,
			message: 'Unsupported Media Type'
		});
		expect(answer).toEqual({ message: expect.stringMatching(/expects form data/) });
		expect(error).not.toHaveBeenCalled();
		expect(warn).toHaveBeenCalledTimes(1);
		const line = logged(warn);
		expect(line).toContain('415 POST /login: Form actions expect form-encoded data');
		expect(line).not.toMatch(/\n|at .*\.js/);
	});
});
