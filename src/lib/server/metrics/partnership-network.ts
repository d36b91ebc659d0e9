/**
 * Who bids and wins with whom: consortium awards and bids (a lead and its partners) → a network
 * of councils and other bodies, with edges weighted by the number of joint awards and bids and
 * the £ won together. Pure; the query supplies the rows.
 *
 * An edge joins the lead to each partner. Partners of one award are not joined to each other:
 * a twelve-council consortium would otherwise draw 66 lines and bury who led. An award that
 * records the bid it came from is counted once, as the award, with the partners of both.
 */

export type PartnerKind =
	'authority' | 'nhs' | 'housing_association' | 'university' | 'business' | 'community' | 'other';

export interface Collaboration {
	source: 'award' | 'bid';
	id: number;
	/** For an award: the bid it came from, when recorded. */
	bidId?: number | null;
	leadCode: string;
	scheme: string;
	round: string;
	/** £ won together: the award's amount, or a won bid's amount awarded; 0 for a bid not won. */
	wonGbp: number;
	partners: readonly { code: string | null; name: string; kind: PartnerKind }[];
}

export interface CouncilInfo {
	code: string;
	name: string;
	combinedAuthority: { code: string; name: string } | null;
}

export interface NetworkNode {
	id: string;
	label: string;
	/** Council code, or null for another body. */
	code: string | null;
	kind: PartnerKind;
	/** Combined authority (its councils and itself), "Other councils", or the kind of body. */
	group: string;
	/** Joint awards and bids this node is in, led or as partner. */
	collaborations: number;
}

export interface NetworkEdge {
	from: string;
	to: string;
	/** Joint awards and bids. */
	count: number;
	awards: number;
	bids: number;
	/** £ won together (award amounts and won bids' amounts), each award counted once per edge. */
	jointGbp: number;
	schemes: string[];
}

export const KIND_GROUPS: Record<PartnerKind, string> = {
	authority: 'Other councils',
	nhs: 'NHS bodies',
	housing_association: 'Housing associations',
	university: 'Universities',
	business: 'Businesses',
	community: 'Community groups',
	other: 'Other bodies'
};

const normalise = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** A council is known by its code; another body by its kind and name as written. */
export const nodeId = (p: { code: string | null; name: string; kind: PartnerKind }) =>
	p.code ?? `${p.kind}:${normalise(p.name)}`;

function groupOf(code: string, councils: ReadonlyMap<string, CouncilInfo>): string {
	const c = councils.get(code);
	if (c?.combinedAuthority) return c.combinedAuthority.name;
	// A combined authority heads its own group when its members are there too.
	for (const other of councils.values())
		if (other.combinedAuthority?.code === code) return other.combinedAuthority.name;
	return KIND_GROUPS.authority;
}

export function partnershipNetwork(
	collaborations: readonly Collaboration[],
	councils: ReadonlyMap<string, CouncilInfo>
) {
	const awardedBids = new Set(
		collaborations.flatMap((c) => (c.source === 'award' && c.bidId != null ? [c.bidId] : []))
	);
	const bidsById = new Map(
		collaborations.flatMap((c) => (c.source === 'bid' ? [[c.id, c] as const] : []))
	);
	// An award takes the partners of the bid it came from too: a published award list names
	// partner councils, while the bid record also names the NHS trust or university.
	const kept = collaborations
		.filter((c) => !(c.source === 'bid' && awardedBids.has(c.id)))
		.map((c) => {
			const bid = c.source === 'award' && c.bidId != null ? bidsById.get(c.bidId) : undefined;
			return bid ? { ...c, partners: [...c.partners, ...bid.partners] } : c;
		})
		.filter((c) => c.partners.length);
	const nodes = new Map<string, NetworkNode>();
	const edges = new Map<string, NetworkEdge>();
	const touch = (p: { code: string | null; name: string; kind: PartnerKind }) => {
		const id = nodeId(p);
		let node = nodes.get(id);
		if (!node) {
			const council = p.code ? councils.get(p.code) : undefined;
			node = {
				id,
				label: council?.name ?? p.name.trim().replace(/\s+/g, ' '),
				code: p.code,
				kind: p.code ? 'authority' : p.kind,
				group: p.code ? groupOf(p.code, councils) : KIND_GROUPS[p.kind],
				collaborations: 0
			};
			nodes.set(id, node);
		}
		return node;
	};
	for (const c of kept) {
		const lead = touch({ code: c.leadCode, name: c.leadCode, kind: 'authority' });
		const inThis = new Set<string>([lead.id]);
		for (const p of c.partners) {
			const node = touch(p);
			if (node.id === lead.id || inThis.has(node.id)) continue;
			inThis.add(node.id);
			const [from, to] = [lead.id, node.id].sort();
			const key = `${from}\u0000${to}`;
			const edge = edges.get(key) ?? {
				from: from!,
				to: to!,
				count: 0,
				awards: 0,
				bids: 0,
				jointGbp: 0,
				schemes: []
			};
			edge.count += 1;
			edge[c.source === 'award' ? 'awards' : 'bids'] += 1;
			edge.jointGbp += c.wonGbp;
			if (!edge.schemes.includes(c.scheme)) edge.schemes.push(c.scheme);
			edges.set(key, edge);
		}
		for (const id of inThis) nodes.get(id)!.collaborations += 1;
	}
	const cluster = clusters([...nodes.values()], [...edges.values()]);
	return {
		// Within a group, partners sit together (a consortium's councils side by side), then by name.
		nodes: [...nodes.values()].sort(
			(a, b) =>
				a.group.localeCompare(b.group) ||
				cluster.get(a.id)!.localeCompare(cluster.get(b.id)!) ||
				a.label.localeCompare(b.label)
		),
		edges: [...edges.values()].sort(
			(a, b) =>
				b.jointGbp - a.jointGbp ||
				b.count - a.count ||
				a.from.localeCompare(b.from) ||
				a.to.localeCompare(b.to)
		),
		collaborations: kept.length
	};
}

/** Each node's connected part of the network, named by the first label in it. */
function clusters(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]) {
	const parent = new Map(nodes.map((n) => [n.id, n.id]));
	const root = (id: string): string => {
		const p = parent.get(id)!;
		return p === id ? id : root(p);
	};
	for (const e of edges) parent.set(root(e.from), root(e.to));
	const name = new Map<string, string>();
	for (const n of nodes) {
		const r = root(n.id);
		const known = name.get(r);
		if (known === undefined || n.label.localeCompare(known) < 0) name.set(r, n.label);
	}
	return new Map(nodes.map((n) => [n.id, name.get(root(n.id))!]));
}

export type PartnershipNetwork = ReturnType<typeof partnershipNetwork>;

/** Each node's partners (the other end of its edges), for "X works with …" lists. */
export function partnersOf(network: PartnershipNetwork, id: string) {
	return network.edges
		.filter((e) => e.from === id || e.to === id)
		.map((e) => ({ id: e.from === id ? e.to : e.from, edge: e }));
}
