/**
 * Writes the national benchmark's SAMPLE dataset, every file in the layout an import takes:
 *   npx tsx scripts/generate-national.ts OUT-DIR [--quick] [--seed N] [--as-of yyyy-mm-dd]
 * For every current council of the shipped register: DESNZ-format emissions by sub-sector and gas
 * for 25 years (scripts/generate-desnz.ts), and a bid pipeline written by the demo's own generators
 * (src/lib/server/demo/) over 20,000 fictional funding rounds: 100,000 bids with their partners
 * and 100,000 climate actions with their milestones. `--quick` writes about a tenth.
 *
 * It is generated, and says so everywhere: every file name says "synthetic", every scheme is
 * named "Sample: …", every reference starts "SAMPLE-", every note says it is sample data, and
 * the benchmark imports the files with `npm run import -- --sample`, so the rows are flagged
 * is_sample and shown with the "sample data" badge (emissions rows have no such flag: the
 * benchmark's database is a temporary one of its own). The same seed, size and as-of date always
 * give the same bytes (seeded mulberry32 streams, one per council and batch, never Math.random).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { isIsoDate } from '../src/lib/domain/dates';
import { councilActions } from '../src/lib/server/demo/sample-actions';
import { councilPipeline, type Bid, type Cells } from '../src/lib/server/demo/sample-bids';
import {
	DEFAULT_SAMPLE_AS_OF,
	DEFAULT_SAMPLE_SEED,
	SAMPLE_NOTE,
	SAMPLE_REFERENCE_PREFIX,
	type Nation,
	type Round
} from '../src/lib/server/demo/sample-catalogue';
import { bidCells, competitionCells, templateCsv } from '../src/lib/server/demo/sample-pipeline';
import { mulberry32, Rng, streamSeed } from '../src/lib/server/demo/sample-random';
import { templateActionsFeed } from '../src/lib/server/feeds/template-actions';
import { templateBidsFeed } from '../src/lib/server/feeds/template-bids';
import { templateCompetitionsFeed } from '../src/lib/server/feeds/template-competitions';
import { templateMilestonesFeed } from '../src/lib/server/feeds/template-milestones';
import type { AnyFeed } from '../src/lib/server/rows/feed';
import { desnzRowsPerYear, writeSyntheticDesnz } from './generate-desnz';
import { nationalCouncils } from './national/councils';
import { actionMilestones } from './national/milestones';
import { nationalRounds, roundState } from './national/rounds';

export interface NationalSize {
	competitions: number;
	bids: number;
	actions: number;
	/** Years of emissions, ending with LAST_EMISSIONS_YEAR. */
	emissionYears: number;
}

export const NATIONAL_SIZES = {
	full: { competitions: 20_000, bids: 100_000, actions: 100_000, emissionYears: 25 },
	quick: { competitions: 2_000, bids: 10_000, actions: 10_000, emissionYears: 3 }
} satisfies Record<string, NationalSize>;
export const LAST_EMISSIONS_YEAR = 2024;
/** Decided rounds offered to one batch of a council's bids (the demo writes 6–10 from them). */
const ROUNDS_PER_BATCH = 12;

export interface NationalFile {
	kind: 'competitions' | 'bids' | 'actions' | 'milestones' | 'emissions';
	/** The feed to import it with (`npm run import -- --feed KEY`). */
	feed: string;
	path: string;
	rows: number;
}

export interface NationalOptions {
	seed?: number;
	size?: keyof typeof NATIONAL_SIZES | NationalSize;
	asOf?: string;
}

/** The rounds a council of each nation may bid for, by their state on the as-of date. */
function roundPools(rounds: readonly Round[], asOf: string) {
	const pools = new Map<Nation, Record<'decided' | 'open' | 'pending', Round[]>>();
	for (const r of rounds) {
		const state = roundState(r, asOf);
		if (state === 'future') continue;
		for (const nation of r.nations) {
			const pool = pools.get(nation) ?? { decided: [], open: [], pending: [] };
			pool[state].push(r);
			pools.set(nation, pool);
		}
	}
	return pools;
}

/** The bids, actions and milestones: batches of the demo's pipeline, council by council in turn. */
function pipelines(seed: number, size: NationalSize, rounds: readonly Round[], asOf: string) {
	const councils = nationalCouncils();
	const pools = roundPools(rounds, asOf);
	const bids: Bid[] = [];
	const actions: Cells[] = [];
	const milestones: Cells[] = [];
	const kept = new Set<string>();
	const numbers = new Map<string, { bid: number; action: number }>();
	const full = () => bids.length >= size.bids && actions.length >= size.actions;
	for (let batch = 0; !full(); batch++) {
		const before = bids.length + actions.length;
		for (const council of councils) {
			if (full()) break;
			const pool = pools.get(council.nation);
			if (!pool?.decided.length) continue;
			const rng = new Rng(mulberry32(streamSeed(seed, `${council.code}#${batch}`)));
			const offered = Array.from({ length: ROUNDS_PER_BATCH }, () => rng.pick(pool.decided));
			if (pool.open.length && rng.chance(0.3)) offered.push(rng.pick(pool.open));
			if (pool.pending.length && rng.chance(0.3)) offered.push(rng.pick(pool.pending));
			// The demo numbers a council's bids and actions from 1 each time: number them on.
			const n = numbers.get(council.code) ?? { bid: 0, action: 0 };
			numbers.set(council.code, n);
			const made = councilPipeline(rng, council, offered, asOf).map((b) => ({
				...b,
				reference: b.reference.replace(/-\d+$/, `-${String(++n.bid).padStart(5, '0')}`)
			}));
			let done = councilActions(rng, council, made, asOf, seed);
			// The demo writes about 6 actions for 8 bids: while actions lag, a second pass writes
			// actions for the bids the first left out.
			if ((actions.length + done.length) / size.actions < (bids.length + made.length) / size.bids) {
				const used = new Set(done.map((a) => a.title));
				const rest = made.filter((b) => !used.has(b.title));
				done = [...done, ...councilActions(rng, council, rest, asOf, seed)];
			}
			for (const b of made.slice(0, Math.max(0, size.bids - bids.length))) {
				bids.push(b);
				kept.add(`${council.code}\u0000${b.reference}`);
			}
			for (const a of done.slice(0, Math.max(0, size.actions - actions.length))) {
				const action: Cells = {
					...a,
					reference: `${SAMPLE_REFERENCE_PREFIX}${council.code}-ACT-${String(++n.action).padStart(5, '0')}`
				};
				// A bid cut off at the size's count is not written, so no action may name it.
				if (action.funded_by && !kept.has(`${council.code}\u0000${action.funded_by}`))
					action.funded_by = null;
				actions.push(action);
				milestones.push(...actionMilestones(rng, action, asOf));
			}
		}
		if (bids.length + actions.length === before)
			throw new Error('no council has a decided funding round to bid for: ask for more rounds');
	}
	return { bids, actions, milestones };
}

/** Write the files into `dir`; returns them in the order they must be imported. */
export async function generateNational(
	dir: string,
	options: NationalOptions = {}
): Promise<{ seed: number; asOf: string; size: NationalSize; files: NationalFile[] }> {
	const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
	const asOf = options.asOf ?? DEFAULT_SAMPLE_AS_OF;
	const label = typeof options.size === 'object' ? 'custom' : (options.size ?? 'full');
	const size = typeof options.size === 'object' ? options.size : NATIONAL_SIZES[label as 'full'];
	if (!Number.isSafeInteger(seed) || seed < 0)
		throw new Error(`seed must be a whole number 0 or more, not ${seed}`);
	if (!isIsoDate(asOf)) throw new Error(`the as-of date must be yyyy-mm-dd, not "${asOf}"`);

	const note = `${SAMPLE_NOTE} for the national benchmark (seed ${seed})`;
	const rounds = nationalRounds(
		new Rng(mulberry32(streamSeed(seed, 'rounds'))),
		size.competitions,
		asOf
	);
	const { bids, actions, milestones } = pipelines(seed, size, rounds, asOf);
	const path = (kind: string) => join(dir, `national-synthetic-${label}-seed-${seed}-${kind}.csv`);
	const files: NationalFile[] = [];
	const write = (kind: NationalFile['kind'], feed: AnyFeed, rows: Cells[]) => {
		writeFileSync(
			path(kind),
			templateCsv(
				feed.columns.map((c) => c.name),
				rows
			)
		);
		files.push({ kind, feed: feed.key, path: path(kind), rows: rows.length });
	};
	const roundNote = `${note}: a fictional funding round, not a real one.`;
	write(
		'competitions',
		templateCompetitionsFeed,
		rounds.map((r) => ({ ...competitionCells(r, roundNote), eligible: r.eligible }))
	);
	write(
		'bids',
		templateBidsFeed,
		bids.map((b) => bidCells(b, `${note}: not a real bid.`))
	);
	write('actions', templateActionsFeed, actions);
	write('milestones', templateMilestonesFeed, milestones);
	const emissionRows = desnzRowsPerYear() * size.emissionYears;
	const firstYear = LAST_EMISSIONS_YEAR - size.emissionYears + 1;
	await writeSyntheticDesnz(path('emissions-desnz'), emissionRows, seed, firstYear);
	files.push({
		kind: 'emissions',
		feed: 'desnz-ghg',
		path: path('emissions-desnz'),
		rows: emissionRows
	});
	return { seed, asOf, size, files };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const usage =
		'Usage: npx tsx scripts/generate-national.ts OUT-DIR [--quick] [--seed N] [--as-of yyyy-mm-dd]';
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: {
				quick: { type: 'boolean', default: false },
				seed: { type: 'string' },
				'as-of': { type: 'string' }
			}
		});
	} catch (e) {
		console.error(`${(e as Error).message}\n${usage}`);
		process.exit(2);
	}
	const [dir] = parsed.positionals;
	if (!dir || parsed.positionals.length > 1) {
		console.error(usage);
		process.exit(2);
	}
	const started = Date.now();
	try {
		const out = await generateNational(dir, {
			seed: parsed.values.seed === undefined ? undefined : Number(parsed.values.seed),
			size: parsed.values.quick ? 'quick' : 'full',
			asOf: parsed.values['as-of']
		});
		for (const f of out.files)
			console.log(`${f.rows.toLocaleString('en-GB').padStart(9)} ${f.kind}: ${f.path}`);
		console.log(
			`Wrote the synthetic national dataset (seed ${out.seed}, as of ${out.asOf}) in ${Date.now() - started} ms.`
		);
	} catch (e) {
		console.error((e as Error).message);
		process.exit(2);
	}
}
