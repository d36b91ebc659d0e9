import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { MAX_COUNCILS, sideBySideHref, sideBySideQuery } from '$lib/side-by-side-query';
import { notCountedTogether } from '$lib/server/metrics/money-not-counted';
import { searchAuthorities } from '$lib/server/queries/authority-search';
import { serverToday } from '$lib/server/queries/competitions';
import { getSideCouncil, resolveCodes } from '$lib/server/queries/side-by-side';
import type { PageServerLoad } from './$types';

const AddSchema = z.string().trim().max(100, 'add: at most 100 characters');

export const load: PageServerLoad = ({ url }) => {
	const query = sideBySideQuery(url.searchParams);
	if (!query.success) error(400, query.message);
	const { view, measure, money } = query.data;
	const { codes, unknown } = resolveCodes(query.data.codes);
	const here = (list: readonly string[]) => sideBySideHref({ codes: list, view, measure, money });

	// The picker is a plain GET form: a name or code typed in `add` joins the list when it names
	// one council; otherwise the page offers the councils it might mean.
	const added = AddSchema.safeParse(url.searchParams.get('add') ?? '');
	if (!added.success) error(400, added.error.issues[0]!.message);
	const add = added.data;
	let addProblem: string | null = null;
	let choices: { code: string; name: string }[] = [];
	if (add) {
		const found = searchAuthorities({ q: add });
		const exact = found.authorities.find(
			(a) =>
				a.code === add.toUpperCase() ||
				a.gssCode === add.toUpperCase() ||
				a.name.toLowerCase() === add.toLowerCase()
		);
		const one = exact ?? (found.authorities.length === 1 ? found.authorities[0] : undefined);
		if (one && codes.includes(one.code)) addProblem = `${one.name} is already on the page.`;
		else if (one && codes.length >= MAX_COUNCILS)
			addProblem = `At most ${MAX_COUNCILS} councils side by side: remove one to add ${one.name}.`;
		else if (one) redirect(303, here([...codes, one.code]));
		else if (found.authorities.length) {
			addProblem = `"${add}" matches ${found.authorities.length} councils: pick one.`;
			choices = found.authorities.slice(0, 12).map((a) => ({ code: a.code, name: a.name }));
		} else {
			addProblem = `No council matches "${add}".`;
			choices = found.suggestions;
		}
	}

	const today = serverToday();
	const councils = codes.flatMap((c) => getSideCouncil(c, { measure, today, money }) ?? []);
	return {
		view,
		measure,
		money,
		notCounted: notCountedTogether(councils.map((c) => c.funding.notCounted)),
		codes,
		unknown,
		add,
		addProblem,
		choices: choices.map((c) => ({ ...c, href: here([...codes, c.code]) })),
		councils
	};
};
