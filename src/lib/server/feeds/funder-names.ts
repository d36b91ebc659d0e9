/**
 * One name per funder. Pages count "how many funders" a council's money came from, so the same
 * department written three ways ("DESNZ", "Department for Energy Security and Net Zero (DESNZ)",
 * "DESNZ, delivered by the Local Net Zero Hubs") must be one funder. A cell names the body that
 * runs the money first; who delivers it, or a partner body, comes after and is not the funder.
 * Departments renamed by machinery-of-government changes keep one name with the old one noted.
 */
import { foldName } from '../rows/normalise-name';

/** Canonical name → the other ways it is written (folded before comparing). */
const FUNDERS: Record<string, readonly string[]> = {
	'DESNZ (formerly BEIS)': [
		'DESNZ',
		'Department for Energy Security and Net Zero',
		'BEIS',
		'Department for Business, Energy and Industrial Strategy'
	],
	'MHCLG (formerly DLUHC)': [
		'MHCLG',
		'Ministry of Housing, Communities and Local Government',
		'DLUHC',
		'Department for Levelling Up, Housing and Communities'
	],
	'Department for Transport': ['DfT', 'OZEV', 'Office for Zero Emission Vehicles'],
	'Active Travel England': ['ATE'],
	'Great British Energy': ['GBE'],
	'Scottish Government': ['The Scottish Government'],
	'Welsh Government': ['Llywodraeth Cymru'],
	'Transport Scotland': []
};

const BY_FOLDED = new Map<string, string>();
for (const [name, others] of Object.entries(FUNDERS))
	for (const written of [name, ...others]) BY_FOLDED.set(foldName(written), name);

/**
 * The body that runs the money: the cell up to a "/", ", delivered by", " with " or " via ", a
 * bracketed note after it removed ("(OZEV)", "(delivered by Salix Finance)") unless the bracket is
 * the whole name's known form.
 */
function leadBody(cell: string): string {
	return cell.split(/\s*\/\s*|,\s*delivered by\b|\s+with\s+|\s+via\s+/i)[0]!.trim();
}

/** The funder's one name: a known funder by any of its names, else the lead body as written. */
export function funderName(cell: string): string {
	const lead = leadBody(cell.trim());
	for (const candidate of [cell.trim(), lead, lead.replace(/\s*\([^)]*\)\s*$/, '')]) {
		const known = BY_FOLDED.get(foldName(candidate));
		if (known) return known;
	}
	// "Department for Energy Security and Net Zero (DESNZ)": the bracket may be the known name.
	const bracket = /\(([^)]+)\)\s*$/.exec(lead)?.[1];
	const byBracket = bracket && BY_FOLDED.get(foldName(bracket));
	if (byBracket) return byBracket;
	return (
		lead.replace(/\s*\((?:delivered|run|administered) by [^)]*\)\s*$/i, '').trim() || cell.trim()
	);
}
