import { describe, expect, it } from 'vitest';
import {
	financialYear,
	financialYearDates,
	financialYearLabel,
	financialYearsTo,
	isFinancialYear
} from './financial-year';

describe('UK financial years', () => {
	it('runs from 1 April to 31 March', () => {
		expect(financialYear('2024-03-31')).toBe('2023-24');
		expect(financialYear('2024-04-01')).toBe('2024-25');
		expect(financialYear('1999-12-01')).toBe('1999-00');
		expect(financialYearDates('2025-26')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
		expect(financialYearLabel('2025-26')).toBe('2025/26');
	});

	it('accepts only a year and the next one', () => {
		expect(isFinancialYear('2025-26')).toBe(true);
		expect(isFinancialYear('1999-00')).toBe(true);
		expect(isFinancialYear('2025-27')).toBe(false);
		expect(isFinancialYear('2025/26')).toBe(false);
		expect(() => financialYearDates('2025')).toThrow(
			'"2025" is not a financial year such as 2025-26'
		);
	});

	it('lists the years up to today, newest first', () => {
		expect(financialYearsTo('2026-12-03', 2024)).toEqual(['2026-27', '2025-26', '2024-25']);
		expect(financialYearsTo('2026-03-31', 2025)).toEqual(['2025-26']);
	});
});
