import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { accountsDb, whenFree } from '$lib/server/accounts/accounts-db';
import { SESSION_COOKIE } from '$lib/server/accounts/sessions';
import { safeReturnPath } from '$lib/server/accounts/return-path';
import { signIn } from '$lib/server/accounts/sign-in';
import type { Actions, PageServerLoad } from './$types';

const FormSchema = z.object({
	email: z.string().trim().min(3).max(200),
	password: z.string().min(1).max(1000),
	next: z.string().optional()
});

export const load: PageServerLoad = ({ url }) => ({
	next: safeReturnPath(url.searchParams.get('next'))
});

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const parsed = FormSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Enter your email and password.', email: '' });
		const { email, password, next } = parsed.data;
		const result = await signIn(
			accountsDb().db,
			{ email, password, ip: getClientAddress() },
			whenFree
		);
		if (!result.ok) return fail(result.status, { message: result.message, email });
		cookies.set(SESSION_COOKIE, result.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires: result.expiresAt
		});
		redirect(303, safeReturnPath(next));
	}
};
