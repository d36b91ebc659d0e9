/**
 * Who is asking, as queries and actions see it: the public (no account), an officer of some
 * councils, or an admin. Plain data, no database: the rules here are the whole access policy.
 */
export type Viewer =
	| { role: 'public' }
	| { role: 'officer'; userId: number; email: string; authorities: readonly string[] }
	| { role: 'admin'; userId: number; email: string };

export const PUBLIC: Viewer = { role: 'public' };

/** Officer days, bid costs, draft bids and private actions of this council. */
export function canSeePrivate(viewer: Viewer, authorityCode: string): boolean {
	if (viewer.role === 'admin') return true;
	return viewer.role === 'officer' && viewer.authorities.includes(authorityCode);
}

/**
 * Who records a judgement for a council through the app (a status override, a report presented
 * to committee): the same people who see its private fields, its officers and the admins.
 */
export function canRecordFor(viewer: Viewer, authorityCode: string): boolean {
	return canSeePrivate(viewer, authorityCode);
}

/**
 * The template feeds with a council column: an officer imports these for their own councils.
 * Competitions are a template too, but a funding pot is everyone's: only an admin changes them.
 */
export const OFFICER_FEEDS: readonly string[] = [
	'bids',
	'actions',
	'milestones',
	'targets',
	'council-emissions'
];

/**
 * Whether this viewer may import this feed, and for which councils (null: any). A reason names
 * what is missing when not.
 */
export function importPermission(
	viewer: Viewer,
	feedKey: string
): { ok: true; allowedAuthorities: string[] | null } | { ok: false; reason: string } {
	if (viewer.role === 'admin') return { ok: true, allowedAuthorities: null };
	if (viewer.role === 'public') return { ok: false, reason: 'Sign in to import a file.' };
	if (!OFFICER_FEEDS.includes(feedKey))
		return {
			ok: false,
			reason: `Only an admin can import the “${feedKey}” feed; officers import ${OFFICER_FEEDS.join(', ')} for their own councils.`
		};
	return { ok: true, allowedAuthorities: [...viewer.authorities] };
}
