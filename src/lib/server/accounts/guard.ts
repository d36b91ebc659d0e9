/**
 * The one gate in front of every write: a request that is not a read (GET, HEAD, OPTIONS) needs a
 * signed-in account, whatever route it is for, so a write path added later is closed by default.
 * Signing in and out are the only writes open to the public. Each action still checks the role.
 */
import type { Viewer } from './viewer';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const OPEN_WRITES = new Set(['/login', '/logout']);

/** Null when the request may go on; else the status and message to answer with. */
export function refuseWrite(
	method: string,
	pathname: string,
	viewer: Viewer
): { status: 401; message: string } | null {
	if (READS.has(method.toUpperCase()) || OPEN_WRITES.has(pathname)) return null;
	if (viewer.role !== 'public') return null;
	return {
		status: 401,
		message: 'Sign in to make changes: open /login. Reading needs no account.'
	};
}

/** Admin only: a 403 message, or null. */
export function requireAdmin(viewer: Viewer): string | null {
	if (viewer.role === 'admin') return null;
	return viewer.role === 'public'
		? 'Sign in as an admin to do this.'
		: 'Only an admin can do this; ask one of your admins.';
}
