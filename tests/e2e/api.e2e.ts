import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

// Assumed shapes (see the e2e report):
//   GET /api/authorities        -> { authorities: [{ code, gssCode, name, ... }] } (or a bare array)
//   GET /api/authorities/[code] -> { authority, targets, emissions: { measure, unit, byYear: [{ year, totalKt }] } or an array of those, awards }
interface AuthoritySummary {
	code: string;
	gssCode?: string | null;
	name?: string;
}
interface EmissionsSeries {
	measure: string;
	unit?: string;
	byYear: { year: number; totalKt: number }[];
}
interface AuthorityDetail {
	authority?: AuthoritySummary;
	/** One series, or (as the route currently answers) one series per measure. */
	emissions: EmissionsSeries | EmissionsSeries[];
}

async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
	const res = await fetch(`${baseUrl}${path}`, { headers: { accept: 'application/json' } });
	expect(res.headers.get('content-type') ?? '').toContain('application/json');
	return { status: res.status, body: (await res.json()) as T };
}

describe('JSON API', () => {
	it('lists councils including Trafford with its GSS code', async () => {
		const { status, body } = await getJson<
			AuthoritySummary[] | { authorities: AuthoritySummary[] }
		>('/api/authorities');
		expect(status).toBe(200);
		const list = Array.isArray(body) ? body : body.authorities;
		expect(Array.isArray(list)).toBe(true);
		const trafford = list.find((a) => a.code === 'TRF');
		expect(trafford).toBeDefined();
		expect(trafford!.gssCode).toBe('E08000009');
	});

	it("gives Trafford's 2020 scope-of-influence emissions (about 1088 kt CO2)", async () => {
		const { status, body } = await getJson<AuthorityDetail>('/api/authorities/TRF');
		expect(status).toBe(200);
		expect(body.authority?.code).toBe('TRF');
		const series = Array.isArray(body.emissions)
			? body.emissions.find((e) => e.measure === 'scope_of_influence')
			: body.emissions;
		expect(series?.measure).toBe('scope_of_influence');
		const y2020 = series!.byYear.find((y) => y.year === 2020);
		expect(y2020).toBeDefined();
		expect(Math.abs(y2020!.totalKt - 1088)).toBeLessThanOrEqual(1);
	});

	it('answers 404 JSON for an unknown code', async () => {
		const { status, body } = await getJson<unknown>('/api/authorities/ZZZ');
		expect(status).toBe(404);
		expect(body).toBeTypeOf('object');
	});
});
