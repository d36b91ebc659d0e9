/**
 * A round's label as published sources give it, split into its name and a note. Award lists name
 * rounds with notes in brackets ("2025 awards (14 Feb)", "£68m round (8 projects)"), which read
 * as names on /funding and /deadlines and would make a second round of the same announcement
 * when another source writes it without the note. A trailing bracket goes to the round's notes,
 * unless it is a short name of the round itself ("Phase 2 (HUG2)"): capitals and digits only.
 * A label that is only a bracket ("(scheme)") is a fact about the scheme as a whole.
 */
export interface RoundLabel {
	round: string;
	note: string | null;
}

/** The round named by facts about the whole scheme, not one of its rounds. */
export const WHOLE_SCHEME_ROUND = 'Whole scheme';

const TRAILING_BRACKET = /^(.*?)\s*\(([^()]*)\)\s*$/;
const SHORT_NAME = /^[A-Z][A-Z0-9.-]*$/;

export function splitRoundLabel(label: string): RoundLabel {
	const m = TRAILING_BRACKET.exec(label.trim());
	if (!m) return { round: label.trim(), note: null };
	const [, name, inside] = m as unknown as [string, string, string];
	if (SHORT_NAME.test(inside.trim())) return { round: label.trim(), note: null };
	if (!name) return { round: WHOLE_SCHEME_ROUND, note: null };
	return { round: name, note: inside.trim() || null };
}
