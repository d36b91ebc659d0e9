/** What the target-year chart leaves out, said in words. */
import { describe, expect, it } from 'vitest';
import { leftOutReason, leftOutSentence, type LeftOutTarget } from './targets-left-out';

const t = (scope: string, targetYear: number | null, code = 'ABE'): LeftOutTarget => ({
	code,
	name: code,
	scope,
	targetYear
});

describe('leftOutSentence', () => {
	it('counts targets with no year and targets of another scope apart', () => {
		const rows = [
			t('council_operations', null),
			t('whole_area', null),
			t('whole_area', null, 'CRY'),
			t('unclear', 2030),
			t('other', 2030),
			t('unclear', null)
		];
		expect(leftOutSentence(rows)).toBe(
			'3 targets name no year and are not in the chart; nor are 3 targets whose scope is neither council operations nor whole area.'
		);
	});

	it('agrees in number', () => {
		expect(leftOutSentence([t('whole_area', null)])).toBe(
			'1 target names no year and is not in the chart.'
		);
		expect(leftOutSentence([t('unclear', 2030)])).toBe(
			'1 target is not in the chart: its scope is neither council operations nor whole area.'
		);
	});

	it('says nothing when every target is charted', () => {
		expect(leftOutSentence([])).toBeNull();
	});
});

describe('leftOutReason', () => {
	it('names the scope and the missing year', () => {
		expect(leftOutReason(t('whole_area', null))).toBe('whole area, no year named');
		expect(leftOutReason(t('unclear', 2030))).toBe('scope unclear, 2030');
		expect(leftOutReason(t('other', null))).toBe('other scope, no year named');
	});
});
