import { describe, expect, it } from 'vitest';
import { feedByKey } from '../feeds/registry';
import { formHeaderMap, mapHeaders } from './map-headers';

const promises = feedByKey('mysociety-promises')!;

describe('mapHeaders and the user’s mapping', () => {
	const headers = ['local-authority-code', 'scope', 'target', 'wording', 'Text'];

	// Reported: a data lab's file has a "measure" column of its own, which clashed with ours, and
	// "--map measure=ignore" was silently ignored.
	it('leaves out a column mapped to "ignore", so another can take its field', () => {
		expect(() => mapHeaders(promises, headers, { Text: 'wording' })).toThrow(
			/two columns read as "wording"/
		);
		const m = mapHeaders(promises, headers, { wording: 'ignore', Text: 'wording' });
		expect(m.mapped).toEqual(['local-authority-code', 'scope', 'target', null, 'wording']);
		expect(m.unmapped).toEqual([]);
	});

	it('refuses a mapping to a field the feed does not have, naming the fields there are', () => {
		expect(() => mapHeaders(promises, headers, { Text: 'wordin' })).toThrow(
			/The mapping sends "Text" to "wordin", which the feed ".*" does not have: its fields are local-authority-code, .*wording.*, or "ignore" to leave the column out\./
		);
	});

	it('reads the matching form: a column named like a field given another column is left out', () => {
		// The user chose "Text" for wording: the file's own "wording" column no longer clashes.
		const chosen = new Map([
			['local-authority-code', 'local-authority-code'],
			['wording', 'Text']
		]);
		const map = formHeaderMap(promises, headers, chosen);
		expect(map).toEqual({
			'local-authority-code': 'local-authority-code',
			Text: 'wording',
			wording: 'ignore'
		});
		expect(mapHeaders(promises, headers, map).mapped).toEqual([
			'local-authority-code',
			'scope',
			'target',
			null,
			'wording'
		]);
		// "Not in this file" for target: the column headed "target" is not read against that word.
		expect(formHeaderMap(promises, headers, new Map([['target', '']]))).toEqual({
			target: 'ignore'
		});
	});
});
