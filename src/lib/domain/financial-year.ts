/**
 * UK financial years (1 April to 31 March), written as councils write them: "2025-26".
 * Browser-safe; unit-tested.
 */

const FY = /^(\d{4})-(\d{2})$/;

/** "2023-24": the financial year a date (YYYY-MM-DD) falls in. */
export function financialYear(isoDate: string): string {
	const [y, m] = isoDate.split('-').map(Number) as [number, number];
	const start = m >= 4 ? y : y - 1;
	return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** True for "2025-26"-style years whose second half follows the first ("2025-27" is not one). */
export function isFinancialYear(text: string): boolean {
	const m = FY.exec(text);
	return !!m && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

/** The first and last days of a financial year, as ISO dates. */
export function financialYearDates(fy: string): { from: string; to: string } {
	if (!isFinancialYear(fy)) throw new Error(`"${fy}" is not a financial year such as 2025-26`);
	const start = Number(fy.slice(0, 4));
	return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** "2025/26", as committee papers print it. */
export const financialYearLabel = (fy: string) => fy.replace('-', '/');

/** The financial years from `first` to the one `today` falls in, newest first. */
export function financialYearsTo(today: string, firstStartYear: number): string[] {
	const last = Number(financialYear(today).slice(0, 4));
	const years: string[] = [];
	for (let y = last; y >= firstStartYear; y--) years.push(financialYear(`${y}-04-01`));
	return years;
}
