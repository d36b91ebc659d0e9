/**
 * The pages that need an account: the public are sent to sign in and brought back; a signed-in
 * account without the role gets a 403 that says why.
 */
import { error, redirect } from '@sveltejs/kit';
import { requireAdmin } from './guard';
import type { Viewer } from './viewer';

export function requireSignedIn(viewer: Viewer, url: URL): void {
	if (viewer.role === 'public') redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
}

export function requireAdminPage(viewer: Viewer, url: URL): void {
	requireSignedIn(viewer, url);
	const refused = requireAdmin(viewer);
	if (refused) error(403, refused);
}
