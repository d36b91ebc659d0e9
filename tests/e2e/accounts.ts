/**
 * The accounts the browser tests sign in with: made by `npm run user:add` in the global setup
 * (as an admin would), signed in once there; tests send the session cookie they are given.
 */
import { inject } from 'vitest';

export const ADMIN = { email: 'admin@e2e.example', password: 'e2e admin password' };
/** Trafford's officer. */
export const OFFICER = { email: 'officer@trafford.example', password: 'e2e officer password' };

/** Signs in through the form as a browser would; the session cookie ("name=value"). */
export async function signInCookie(
	baseUrl: string,
	who: { email: string; password: string }
): Promise<string> {
	const res = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		headers: {
			origin: baseUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email: who.email, password: who.password }),
		redirect: 'manual'
	});
	const cookie = res.headers.get('set-cookie')?.split(';')[0];
	if (res.status !== 303 || !cookie?.startsWith('nzl_session='))
		throw new Error(`Signing in as ${who.email} answered ${res.status}: ${await res.text()}`);
	return cookie;
}

/** The cookie header of the admin or the officer signed in by the global setup. */
export const sessionOf = (who: 'admin' | 'officer') =>
	inject(who === 'admin' ? 'adminCookie' : 'officerCookie');

/** The same session as a cookie a playwright context takes. */
export function contextCookie(baseUrl: string, cookie: string) {
	const [name, value] = cookie.split('=') as [string, string];
	return { name, value, url: baseUrl };
}
