import { describe, expect, it } from 'vitest';
import { moneyNotCounted, notCountedTogether } from './money-not-counted';

describe('money a net-zero figure leaves out', () => {
	it('sums the general and the unclassified awards led, each once', () => {
		const facts = [
			{ role: 'lead', purpose: 'net_zero_specific', amountGbp: 5e6 },
			{ role: 'lead', purpose: 'general', amountGbp: 20e6 },
			{ role: 'lead', purpose: 'general', amountGbp: 4e6 },
			// A partner's view of a general consortium award: not money again.
			{ role: 'partner', purpose: 'general', amountGbp: 20e6 },
			{ role: 'lead', purpose: null, amountGbp: 1e6 }
		];
		expect(moneyNotCounted(facts)).toEqual({
			general: { awards: 2, totalGbp: 24e6 },
			unclassified: { awards: 1, totalGbp: 1e6 }
		});
	});

	it("adds several councils' left-out money, or none when all money is counted", () => {
		const one = {
			general: { awards: 1, totalGbp: 20e6 },
			unclassified: { awards: 0, totalGbp: 0 }
		};
		const two = {
			general: { awards: 2, totalGbp: 5e6 },
			unclassified: { awards: 1, totalGbp: 1e6 }
		};
		expect(notCountedTogether([one, two])).toEqual({
			general: { awards: 3, totalGbp: 25e6 },
			unclassified: { awards: 1, totalGbp: 1e6 }
		});
		expect(notCountedTogether([null, null])).toBeNull();
		expect(notCountedTogether([])).toBeNull();
	});
});
