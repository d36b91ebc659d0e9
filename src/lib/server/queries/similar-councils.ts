/**
 * A council's similar councils, as computed at import (import/similar-councils-refresh.ts): its
 * peers per type with their names and match scores, and what the lists were computed from (the
 * emissions release and year, the register's release, who was left out and why).
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
	authorities,
	datasets,
	emissionReleases,
	similarCouncils,
	similarityRuns
} from '../db/schema';
import { SIMILARITY_TYPES, type SimilarityType } from '../metrics/similar-councils';
import { preparedQuery, serverDb, type Db } from './connection';

export { SIMILARITY_TYPES, type SimilarityType };

const peer = alias(authorities, 'peer');

const peersQuery = preparedQuery((db) =>
	db
		.select({
			type: similarCouncils.type,
			rank: similarCouncils.rank,
			code: similarCouncils.peerCode,
			name: peer.niceName,
			authorityType: peer.type,
			typeName: peer.typeName,
			region: peer.region,
			match: similarCouncils.match,
			distance: similarCouncils.distance,
			why: similarCouncils.why
		})
		.from(similarCouncils)
		.innerJoin(peer, eq(peer.code, similarCouncils.peerCode))
		.where(eq(similarCouncils.authorityCode, sql.placeholder('code')))
		.orderBy(asc(similarCouncils.type), asc(similarCouncils.rank))
		.prepare()
);

export type SimilarPeer = Omit<ReturnType<ReturnType<typeof peersQuery>['all']>[number], 'type'>;

const runQuery = preparedQuery((db) =>
	db
		.select({
			emissionsYear: similarityRuns.emissionsYear,
			emissionsReleaseIds: similarityRuns.emissionsReleaseIds,
			authoritiesCompared: similarityRuns.authoritiesCompared,
			excluded: similarityRuns.excluded
		})
		.from(similarityRuns)
		.where(eq(similarityRuns.id, 1))
		.prepare()
);

const registerQuery = preparedQuery((db) =>
	db
		.select({ title: datasets.title, version: datasets.version, releaseDate: datasets.releaseDate })
		.from(datasets)
		.where(eq(datasets.key, 'uk-la-names-codes'))
		.prepare()
);

export interface SimilarityRelease {
	label: string;
	releaseDate: string | null;
}

export interface SimilarCouncils {
	/** Nearest first, up to 30 per type; empty when the council has no peers of that type. */
	peers: Record<SimilarityType, SimilarPeer[]>;
	/** Why the council is left out of a type, where it is. */
	excluded: Partial<Record<SimilarityType, string>>;
	/** Null when nothing has been computed yet (an empty database). */
	basis: {
		/** The year of the sector shares in the emissions profile. */
		emissionsYear: number | null;
		/** The releases those shares came from, the one most councils came from first. */
		emissionsReleases: SimilarityRelease[];
		/** The council register the positions, types and areas came from. */
		register: { title: string; version: string | null; releaseDate: string | null } | null;
		authoritiesCompared: number;
	} | null;
}

export function getSimilarCouncils(code: string, db: Db = serverDb()): SimilarCouncils {
	const peers: Record<SimilarityType, SimilarPeer[]> = { emissions: [], nearby: [], overall: [] };
	for (const { type, ...p } of peersQuery(db).all({ code })) peers[type].push(p);
	const run = runQuery(db).get();
	if (!run) return { peers, excluded: {}, basis: null };
	const excluded: SimilarCouncils['excluded'] = {};
	for (const e of run.excluded) {
		if (e.code === code) excluded[e.type as SimilarityType] = e.reason;
	}
	return {
		peers,
		excluded,
		basis: {
			emissionsYear: run.emissionsYear,
			emissionsReleases: releases(db, run.emissionsReleaseIds),
			register: registerQuery(db).get() ?? null,
			authoritiesCompared: run.authoritiesCompared
		}
	};
}

function releases(db: Db, ids: number[]): SimilarityRelease[] {
	if (ids.length === 0) return [];
	const found = db
		.select({
			id: emissionReleases.id,
			label: emissionReleases.label,
			releaseDate: emissionReleases.releaseDate
		})
		.from(emissionReleases)
		.where(inArray(emissionReleases.id, ids))
		.all();
	const byId = new Map(found.map((r) => [r.id, r]));
	return ids.flatMap((id) => {
		const r = byId.get(id);
		return r ? [{ label: r.label, releaseDate: r.releaseDate }] : [];
	});
}
