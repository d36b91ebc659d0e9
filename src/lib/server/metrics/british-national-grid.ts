/**
 * Latitude and longitude (WGS84, as the council register gives each centroid) to British National
 * Grid easting and northing (metres), the plane mySociety measures "nearby" in. Pure.
 *
 * Why convert rather than store the register's own `x` and `y`: the authorities table holds lat
 * and lng only, and a database loaded before similar councils existed would have no grid
 * coordinates until the register was imported again; converting needs no new column. The method
 * is Ordnance Survey's "A guide to coordinate systems in Great Britain": a seven-parameter Helmert
 * shift from WGS84 to OSGB36 (good to about 5 m), then the Transverse Mercator projection on the
 * Airy 1830 ellipsoid. The test checks every current council against the register's `x` and `y`.
 */

interface Ellipsoid {
	a: number;
	b: number;
}
const WGS84: Ellipsoid = { a: 6378137, b: 6356752.314245 };
const AIRY_1830: Ellipsoid = { a: 6377563.396, b: 6356256.909 };

/** WGS84 → OSGB36: translation (m), scale (ppm) and rotations (arc seconds). */
const HELMERT = {
	tx: -446.448,
	ty: 125.157,
	tz: -542.06,
	s: 20.4894,
	rx: -0.1502,
	ry: -0.247,
	rz: -0.8421
};

/** The National Grid's true origin and scale. */
const F0 = 0.9996012717;
const LAT0 = (49 * Math.PI) / 180;
const LON0 = (-2 * Math.PI) / 180;
const E0 = 400000;
const N0 = -100000;

const RADIANS = Math.PI / 180;
const ARC_SECOND = RADIANS / 3600;

export interface GridPoint {
	easting: number;
	northing: number;
}

/** Easting and northing of a WGS84 latitude and longitude (degrees). */
export function toBritishNationalGrid(lat: number, lng: number): GridPoint {
	if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90) {
		throw new Error(`toBritishNationalGrid: lat ${lat}, lng ${lng}; expected degrees`);
	}
	const [x, y, z] = toCartesian(lat * RADIANS, lng * RADIANS, WGS84);
	const { tx, ty, tz, s, rx, ry, rz } = HELMERT;
	const scale = 1 + s * 1e-6;
	const [ax, ay, az] = [rx * ARC_SECOND, ry * ARC_SECOND, rz * ARC_SECOND];
	const x2 = tx + scale * x - az * y + ay * z;
	const y2 = ty + az * x + scale * y - ax * z;
	const z2 = tz - ay * x + ax * y + scale * z;
	const [phi, lambda] = toLatLng(x2, y2, z2, AIRY_1830);
	return project(phi, lambda);
}

function toCartesian(phi: number, lambda: number, { a, b }: Ellipsoid): [number, number, number] {
	const e2 = 1 - (b * b) / (a * a);
	const nu = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
	return [
		nu * Math.cos(phi) * Math.cos(lambda),
		nu * Math.cos(phi) * Math.sin(lambda),
		nu * (1 - e2) * Math.sin(phi)
	];
}

function toLatLng(x: number, y: number, z: number, { a, b }: Ellipsoid): [number, number] {
	const e2 = 1 - (b * b) / (a * a);
	const p = Math.sqrt(x * x + y * y);
	let phi = Math.atan2(z, p * (1 - e2));
	// Converges to well under a millimetre in a few steps.
	for (let i = 0; i < 10; i++) {
		const nu = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
		const next = Math.atan2(z + e2 * nu * Math.sin(phi), p);
		if (Math.abs(next - phi) < 1e-12) return [next, Math.atan2(y, x)];
		phi = next;
	}
	return [phi, Math.atan2(y, x)];
}

/** Transverse Mercator on Airy 1830, OS guide annex C. */
function project(phi: number, lambda: number): GridPoint {
	const { a, b } = AIRY_1830;
	const e2 = 1 - (b * b) / (a * a);
	const n = (a - b) / (a + b);
	const sin = Math.sin(phi);
	const cos = Math.cos(phi);
	const tan2 = Math.tan(phi) ** 2;
	const nu = (a * F0) / Math.sqrt(1 - e2 * sin * sin);
	const rho = (a * F0 * (1 - e2)) / (1 - e2 * sin * sin) ** 1.5;
	const eta2 = nu / rho - 1;
	const dPhi = phi - LAT0;
	const sPhi = phi + LAT0;
	const m =
		b *
		F0 *
		((1 + n + 1.25 * n ** 2 + 1.25 * n ** 3) * dPhi -
			(3 * n + 3 * n ** 2 + (21 / 8) * n ** 3) * Math.sin(dPhi) * Math.cos(sPhi) +
			((15 / 8) * n ** 2 + (15 / 8) * n ** 3) * Math.sin(2 * dPhi) * Math.cos(2 * sPhi) -
			(35 / 24) * n ** 3 * Math.sin(3 * dPhi) * Math.cos(3 * sPhi));
	const i = m + N0;
	const ii = (nu / 2) * sin * cos;
	const iii = (nu / 24) * sin * cos ** 3 * (5 - tan2 + 9 * eta2);
	const iiiA = (nu / 720) * sin * cos ** 5 * (61 - 58 * tan2 + tan2 * tan2);
	const iv = nu * cos;
	const v = (nu / 6) * cos ** 3 * (nu / rho - tan2);
	const vi = (nu / 120) * cos ** 5 * (5 - 18 * tan2 + tan2 * tan2 + 14 * eta2 - 58 * tan2 * eta2);
	const l = lambda - LON0;
	return {
		northing: i + ii * l ** 2 + iii * l ** 4 + iiiA * l ** 6,
		easting: E0 + iv * l + v * l ** 3 + vi * l ** 5
	};
}
