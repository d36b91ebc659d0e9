/**
 * What an emissions-totals row is, read from its words: which measure (territorial or scope of
 * influence), which gases and in what size of unit, or that it is a row this feed does not store
 * (a per-head or per-km² figure, a sector's share). Pure, so each reading is tested on its own.
 *
 * Why so forgiving: data labs publish the same figures in a long "tidy" layout with their own
 * words (`indicator` "Territorial emissions", `measure` "Total", `unit` "kilotonnes (kt CO2e)"),
 * and a council's spreadsheet says "kt CO2e". Each is read as what it plainly says; a row whose
 * words say nothing we can read is refused with what was expected.
 */
import type { Gases, TotalsMeasure } from './emission-totals';

/** What a row's measure words say. */
export type MeasureReading =
	| { kind: 'measure'; measure: TotalsMeasure; named: boolean }
	| { kind: 'not-stored'; why: string }
	| { kind: 'unknown' };

const RATE = /\bper\b|\/\s*(person|head|capita|km|hectare)|\bper_|capita|intensity/;
const SECTORS =
	/\b(domestic|industr\w*|commercial|public sector|transport|road|agricultur\w*|waste|lulucf|land use)\b/;
const EMISSIONS = /\b(emissions?|greenhouse|ghg|co2e?|carbon|total)\b/;

export const RATE_NOT_STORED =
	'a per-head or per-area figure: not stored, as the pages work these out from the totals and population';
export const SECTOR_NOT_STORED =
	"one sector's figure: not stored, as this file kind holds totals (import the DESNZ sector file for sectors)";

/**
 * The measure a row is for, from its `measure` and `indicator` cells together. Words that name
 * emissions but no measure ("Total emissions", "Greenhouse gas emissions") are read as
 * territorial, DESNZ's headline measure of all the area's emissions, and said so (`named: false`).
 */
export function readMeasure(...cells: (string | null | undefined)[]): MeasureReading {
	const text = cells.filter(Boolean).join(' ').toLowerCase().replace(/[_-]+/g, ' ');
	if (RATE.test(text)) return { kind: 'not-stored', why: RATE_NOT_STORED };
	// A sector named as what a total leaves out or takes in ("excluding large industrial
	// installations", "including transport") is not the row's sector: those words are dropped
	// before looking for one. "Domestic total" is one sector's total, not the area's.
	const ownWords = text.replace(/\b(excl\w*|incl\w*|except|without)\b[^()]*/g, ' ');
	if (SECTORS.test(ownWords)) {
		return { kind: 'not-stored', why: SECTOR_NOT_STORED };
	}
	if (/\binfluence\b/.test(text))
		return { kind: 'measure', measure: 'scope_of_influence', named: true };
	if (/\bterritorial\b/.test(text)) return { kind: 'measure', measure: 'territorial', named: true };
	if (EMISSIONS.test(text)) return { kind: 'measure', measure: 'territorial', named: false };
	return { kind: 'unknown' };
}

/** What a unit cell says: the gases and the factor to thousands of tonnes, or a rate. */
export type UnitReading =
	{ kind: 'amount'; gases: Gases; toKt: number } | { kind: 'rate' } | { kind: 'unknown' };

/**
 * "kt CO2e", "ktCO2", "kilotonnes (kt CO2e)", "thousand tonnes CO2", "tonnes CO2e" (÷ 1,000),
 * "Mt CO2e" (× 1,000); blank is kt CO2e. "t CO2e per person" is a rate.
 */
export function readUnit(raw: string | null | undefined): UnitReading {
	const cell = raw?.trim() ?? '';
	if (!cell) return { kind: 'amount', gases: 'ghg', toKt: 1 };
	const text = cell.toLowerCase();
	if (RATE.test(text)) return { kind: 'rate' };
	const gases: Gases | null = /co2\s*-?\s*e\b|co2\s*e?q|co2e|equivalent/.test(text)
		? 'ghg'
		: /co2|carbon dioxide/.test(text)
			? 'co2'
			: null;
	if (!gases) return { kind: 'unknown' };
	// The size, read with the gases taken out ("ktco2e" leaves "kt"). Mega before kilo before
	// tonnes; "Mt" is told from "mt" only by case, so the cell's own case is kept for it.
	const size = cell.replace(/co2\s*-?\s*e(q(uivalent)?)?|co2|carbon dioxide( equivalent)?/gi, ' ');
	const lower = size.toLowerCase();
	if (/mega\s*tonnes?|million tonnes?/.test(lower) || /\bMt\b/.test(size)) {
		return { kind: 'amount', gases, toKt: 1000 };
	}
	if (/kilo\s*tonnes?|thousand tonnes?|\bkt\b/.test(lower))
		return { kind: 'amount', gases, toKt: 1 };
	if (/\btonnes?\b|\bt\b/.test(lower)) return { kind: 'amount', gases, toKt: 0.001 };
	return { kind: 'unknown' };
}
