import type { LayoutServerLoad } from './$types';

/** The header says who is signed in; the public see "Sign in". */
export const load: LayoutServerLoad = ({ locals }) => ({
	account:
		locals.viewer.role === 'public'
			? null
			: { email: locals.viewer.email, role: locals.viewer.role }
});
