/**
 * What the server says and logs for a request it cannot serve because of the request itself (a
 * 4xx: a form posted without form data, an unknown action, a body too large): a sentence for the
 * person or program that sent it, and at most one line in the log, never a stack trace. Anyone
 * can send such requests, so each must not cost more than a line of log: a flood of them is not
 * a flood of server errors. Real server errors (5xx) are logged whole by the error hook.
 */

/** A sentence for the status, where SvelteKit's own text is a developer's. */
const SENTENCES: Record<number, string> = {
	400: 'The request could not be read.',
	404: 'Not found',
	405: 'This address does not take that kind of request.',
	413: 'The request is too large.',
	415: 'This form expects form data (as a browser sends it): the request had none.'
};

/** The message a 4xx answers with. */
export function clientErrorMessage(status: number): string {
	return SENTENCES[status] ?? 'The request could not be served as sent.';
}

/** The one log line for a 4xx (none for 404: every crawler would fill the log). */
export function clientErrorLogLine(
	status: number,
	method: string,
	path: string,
	error: unknown
): string | null {
	if (status === 404) return null;
	const detail = error instanceof Error ? error.message : String(error);
	// One line, and short: the text may come from the request (a content type, an action name).
	const line = detail.replace(/[\r\n\t]+/g, ' ').slice(0, 200);
	return `${status} ${method} ${path.slice(0, 200)}: ${line}`;
}
