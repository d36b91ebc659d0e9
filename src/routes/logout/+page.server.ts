import { redirect } from '@sveltejs/kit';
import { accountsDb, whenFree } from '$lib/server/accounts/accounts-db';
import { revokeSession, revokeUserSessions, SESSION_COOKIE } from '$lib/server/accounts/sessions';
import { recordAudit } from '$lib/server/accounts/audit';
import { actorOf } from '$lib/server/accounts/users';
import type { Actions } from './$types';

export const actions: Actions = {
	/** This browser only. */
	signout: async ({ cookies }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) await whenFree(() => revokeSession(accountsDb().db, token));
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/');
	},
	/** Every browser this account is signed in on, e.g. after a lost laptop. */
	everywhere: async ({ cookies, locals }) => {
		const viewer = locals.viewer;
		if (viewer.role !== 'public') {
			const { db, sqlite } = accountsDb();
			await whenFree(() =>
				sqlite.transaction(() => {
					const n = revokeUserSessions(db, viewer.userId);
					recordAudit(sqlite, actorOf(viewer), {
						action: 'sessions.revoke',
						summary: `Signed out everywhere (${n} session${n === 1 ? '' : 's'})`
					});
				})()
			);
		}
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/');
	}
};
