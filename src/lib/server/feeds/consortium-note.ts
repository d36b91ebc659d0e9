/**
 * Reads the partner councils of a consortium or joint award from the published note beside it
 * ("Consortium lead: Blackburn with Darwen, Burnley, …", "Joint bid with Scottish Borders and
 * South Lanarkshire"). The award is stored once against the lead; these become its partners.
 */
export interface ConsortiumNote {
	isConsortium: boolean;
	/** Partner names as written; empty when the source does not list them. */
	partnerNames: string[];
	/** The phrase listing partners joined by "and", to split only if every part resolves. */
	jointPhrase: string | null;
}

export function parseConsortiumNote(note: string | null): ConsortiumNote {
	if (!note) return { isConsortium: false, partnerNames: [], jointPhrase: null };
	const listed = /consortium lead:\s*(.+)$/i.exec(note);
	if (listed) {
		const names = listed[1]!
			.split(/\s*[,;]\s*/)
			.map((s) => s.replace(/\.$/, '').trim())
			.filter(Boolean);
		return { isConsortium: true, partnerNames: names, jointPhrase: null };
	}
	const joint = /joint bid with\s+([^()]+?)\s*(?:\(|$)/i.exec(note);
	if (joint) return { isConsortium: true, partnerNames: [], jointPhrase: joint[1]!.trim() };
	if (/consortium lead/i.test(note))
		return { isConsortium: true, partnerNames: [], jointPhrase: null };
	return { isConsortium: false, partnerNames: [], jointPhrase: null };
}
