/**
 * An import's rows in words, the same on the command line, the check page and the history: how
 * many were read, valid, set aside (an error) and, apart, noted with nothing to store (a plan row
 * without a document address is not a problem, so not "set aside").
 */
import { formatCount, formatInteger } from './format';

export interface RowCounts {
	rowsRead: number;
	rowsAccepted: number;
	rowsRejected: number;
	rowsSkipped: number;
}

/** "11 rows read: 9 valid, 2 with nothing to store (see the notes), 0 set aside". */
export function rowCountsSentence(r: RowCounts): string {
	const parts = [`${formatInteger(r.rowsAccepted)} valid`];
	if (r.rowsSkipped)
		parts.push(`${formatInteger(r.rowsSkipped)} with nothing to store (see the notes)`);
	parts.push(`${formatInteger(r.rowsRejected)} set aside`);
	return `${formatCount(r.rowsRead, 'row')} read: ${parts.join(', ')}`;
}
