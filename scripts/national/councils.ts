/**
 * Every current council of the shipped register as a sample-pipeline council (sample-catalogue.ts's
 * SampleCouncil), so the demo's bid and action generators can write a pipeline for each: its
 * partners in consortium bids are its nearest councils of the same nation (by the register's
 * latitude and longitude), and the places its titles name are parts of its own area.
 */
import type { Nation, SampleCouncil } from '../../src/lib/server/demo/sample-catalogue';
import { readRegister } from '../generate-desnz';

const NATIONS: readonly Nation[] = ['England', 'Wales', 'Scotland', 'Northern Ireland'];
/** Consortium partners to choose from: the few nearest councils. */
const NEIGHBOURS = 4;

interface Located extends SampleCouncil {
	lat: number | null;
	long: number | null;
}

/** Current councils in code order, each with its nearest neighbours as partners. */
export function nationalCouncils(): SampleCouncil[] {
	const located: Located[] = readRegister()
		.filter((r) => r['current-authority'] === 'True')
		.filter((r) => NATIONS.includes(r.nation as Nation))
		.map((r) => {
			const name = r['nice-name']!;
			return {
				code: r['local-authority-code']!,
				name,
				nation: r.nation as Nation,
				neighbours: [],
				places: [
					`North ${name}`,
					`South ${name}`,
					`East ${name}`,
					`West ${name}`,
					`central ${name}`
				],
				lat: r.lat ? Number(r.lat) : null,
				long: r.long ? Number(r.long) : null
			};
		})
		.sort((a, b) => (a.code < b.code ? -1 : 1));
	return located.map(({ lat, long, ...council }) => {
		if (lat === null || long === null) return council;
		const distance = (o: Located) =>
			Math.hypot(o.lat! - lat, (o.long! - long) * Math.cos((lat * Math.PI) / 180));
		const nearest = located
			.filter((o) => o.code !== council.code && o.nation === council.nation && o.lat !== null)
			.filter((o) => o.long !== null)
			.sort((a, b) => distance(a) - distance(b) || (a.code < b.code ? -1 : 1))
			.slice(0, NEIGHBOURS)
			.map((o) => o.code);
		return { ...council, neighbours: nearest };
	});
}
