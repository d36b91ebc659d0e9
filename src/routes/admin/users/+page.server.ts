import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { accountsDb, whenFree } from '$lib/server/accounts/accounts-db';
import { parseAuthorityList } from '$lib/server/accounts/authority-list';
import { requireAdmin } from '$lib/server/accounts/guard';
import { requireAdminPage } from '$lib/server/accounts/page-access';
import { passwordProblem } from '$lib/server/accounts/password-rules';
import { revokeUserSessions } from '$lib/server/accounts/sessions';
import {
	actorOf,
	addUser,
	findUserByEmail,
	listUsers,
	updateUser
} from '$lib/server/accounts/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdminPage(locals.viewer, url);
	return { users: listUsers(accountsDb().db) };
};

const Role = z.enum(['admin', 'officer']);
const AddSchema = z.object({
	email: z.email().max(200),
	password: z.string().max(1000),
	role: Role,
	authorities: z.string().max(500).default('')
});
const UpdateSchema = z.object({
	id: z.coerce.number().int().positive(),
	role: Role,
	authorities: z.string().max(500).default(''),
	disabled: z.literal('on').optional()
});

/** Officers need at least one council; admins need none. */
function councilsFor(role: 'admin' | 'officer', input: string) {
	const { db } = accountsDb();
	const parsed = parseAuthorityList(input, db);
	if (!parsed.ok) return parsed;
	if (role === 'officer' && !parsed.codes.length)
		return { ok: false as const, message: 'An officer needs at least one council code.' };
	return { ok: true as const, codes: role === 'admin' ? [] : parsed.codes };
}

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const refused = requireAdmin(locals.viewer);
		if (refused) return fail(403, { message: refused });
		const parsed = AddSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success)
			return fail(400, {
				message: `Check the form: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
			});
		const { email, password, role } = parsed.data;
		const weak = passwordProblem(password, email);
		if (weak) return fail(400, { message: weak });
		const councils = councilsFor(role, parsed.data.authorities);
		if (!councils.ok) return fail(400, { message: councils.message });
		const { db } = accountsDb();
		if (findUserByEmail(db, email))
			return fail(400, { message: `${email} has an account already.` });
		await addUser(
			db,
			{ email, password, role, authorities: councils.codes },
			actorOf(locals.viewer),
			whenFree
		);
		return { message: `Added ${email}.` };
	},
	update: async ({ request, locals }) => {
		const refused = requireAdmin(locals.viewer);
		if (refused) return fail(403, { message: refused });
		const parsed = UpdateSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'The form was incomplete.' });
		const { id, role } = parsed.data;
		const disabled = parsed.data.disabled === 'on';
		if (
			locals.viewer.role === 'admin' &&
			id === locals.viewer.userId &&
			(disabled || role !== 'admin')
		)
			return fail(400, {
				message: 'You cannot disable yourself or take away your own admin role.'
			});
		const councils = councilsFor(role, parsed.data.authorities);
		if (!councils.ok) return fail(400, { message: councils.message });
		const { db } = accountsDb();
		const updated = await whenFree(() => {
			const u = updateUser(
				db,
				id,
				{ role, authorities: councils.codes, disabled },
				actorOf(locals.viewer)
			);
			if (u && disabled) revokeUserSessions(db, id);
			return u;
		});
		if (!updated) return fail(404, { message: `There is no user ${id}.` });
		return { message: `Saved ${updated.email}.` };
	}
};
