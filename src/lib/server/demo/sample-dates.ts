/** Calendar arithmetic on ISO dates for the sample generator (UTC, so no clock-change bugs). */

export function addDays(iso: string, days: number): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export function ukDate(iso: string | null): string | null {
	return iso ? iso.split('-').reverse().join('/') : null;
}
