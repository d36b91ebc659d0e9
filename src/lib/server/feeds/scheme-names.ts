/**
 * Which national scheme a participation file is for, read from what the file itself says: a
 * column it reads (its header), a scheme column, or its name. A participation feed states its
 * scheme (FeedModule.scheme); a file for another scheme is refused whole: mapping a HUG2 sheet's
 * status column onto the Warm Homes: Local Grant feed would otherwise store HUG2 statuses as
 * WH:LG participation (the status codes are the same words).
 *
 * Names are matched as whole words of the text (case, underscores and punctuation ignored), so
 * "hug2_status" names HUG2 and "economy" names nothing. Bare "LAD" is not a scheme here: it is
 * also ONS's "local authority district" (lad_code) that any council file may carry.
 */

/** The issue code of a row for another scheme than its feed's (the whole file is refused). */
export const OTHER_SCHEME = 'other_scheme';

/** Each scheme by its name as stored, with the words files use for it. */
export const PARTICIPATION_SCHEMES: Record<string, readonly string[]> = {
	'Warm Homes: Local Grant': ['whlg', 'wh lg', 'warm homes local grant'],
	'Home Upgrade Grant': ['hug', 'hug1', 'hug2', 'home upgrade grant'],
	'Green Homes Grant Local Authority Delivery': [
		'lad1',
		'lad1a',
		'lad1b',
		'lad2',
		'lad3',
		'ghg lad',
		'local authority delivery',
		'sustainable warmth'
	],
	'Social Housing Decarbonisation Fund': [
		'shdf',
		'social housing decarbonisation fund',
		'whshf',
		'wh shf',
		'warm homes social housing fund'
	],
	'Energy Company Obligation': ['eco', 'eco3', 'eco4', 'eco flex', 'energy company obligation'],
	'Great British Insulation Scheme': ['gbis', 'great british insulation scheme'],
	'Public Sector Decarbonisation Scheme': ['psds', 'public sector decarbonisation scheme'],
	'Boiler Upgrade Scheme': ['boiler upgrade scheme']
};

const words = (text: string) =>
	` ${text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()} `;

const NAMES = Object.entries(PARTICIPATION_SCHEMES).flatMap(([scheme, names]) =>
	names.map((name) => ({ scheme, name: words(name) }))
);

/** The schemes a text names (a header, a cell, a file name), by their stored names. */
export function schemesNamedIn(text: string): string[] {
	const t = words(text);
	return [...new Set(NAMES.filter((n) => t.includes(n.name)).map((n) => n.scheme))];
}

/**
 * Why a file is for another scheme than `scheme`, or null: a column the feed reads, or else the
 * file's name, names another scheme and not this one.
 */
export function otherSchemeOfFile(
	scheme: string,
	readColumns: readonly string[],
	fileName: string
): string | null {
	const other = (text: string) => {
		const named = schemesNamedIn(text);
		return named.includes(scheme) ? null : (named[0] ?? null);
	};
	for (const column of readColumns) {
		const found = other(column);
		if (found)
			return `This file is for ${found}, not ${scheme}: its column "${column}" says so. Nothing was imported; import it with a feed for ${found}, if there is one.`;
	}
	const byName = readColumns.some((c) => schemesNamedIn(c).includes(scheme))
		? null
		: other(fileName.replace(/\.[a-z]+$/i, ''));
	return byName
		? `This file is for ${byName}, not ${scheme}: its name "${fileName}" says so. Nothing was imported; if it is for ${scheme}, rename it or add a scheme column saying so.`
		: null;
}
