import { describe, expect, it } from 'vitest';
import { clientErrorLogLine, clientErrorMessage } from './client-errors';

describe('client errors', () => {
	it('answer a sentence for the sender, not "something went wrong on our side"', () => {
		expect(clientErrorMessage(415)).toMatch(/expects form data/);
		expect(clientErrorMessage(418)).toMatch(/could not be served/);
		expect(clientErrorMessage(404)).toBe('Not found');
	});

	it('log one short line with no stack, and nothing for a 404', () => {
		const error = new Error(
			'Form actions expect form-encoded data — received null\n  at x (y.js:1)'
		);
		const line = clientErrorLogLine(415, 'POST', '/login', error);
		expect(line).toBe(
			'415 POST /login: Form actions expect form-encoded data — received null   at x (y.js:1)'
		);
		expect(line).not.toContain('\n');
		expect(clientErrorLogLine(400, 'POST', '/x', 'a'.repeat(5000))!.length).toBeLessThan(230);
		expect(clientErrorLogLine(404, 'GET', '/nope', new Error('x'))).toBeNull();
	});
});
