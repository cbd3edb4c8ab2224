// The bench's GraphQL clients: one POST per question, and the answers turned into ids to compare.
import { chainIds, type ChainIds } from './floor.ts';

export const CHAIN = `query Chain($d: Int) { supplyChain(maxDepth: $d) {
  depth tiers { tier organizations { id name type country } }
  links { id products supplier { id } customer { id } } } }`;

/** Tiersight's side of the peer comparison: the tiers only, which is what the peer can answer. */
export const TIERS = `query Tiers($d: Int) { supplyChain(maxDepth: $d) {
  depth tiers { tier organizations { id name type country } } } }`;

const PEER_FIELDS = 'id name type country';
/** The peer's depth-`depth` question: suppliers of suppliers, nested. */
export const peerQuery = (depth: number): string => {
  let selection = PEER_FIELDS;
  for (let i = 0; i < depth; i++) selection = `${PEER_FIELDS} suppliers { ${selection} }`;
  return `query Peer($id: ID!) { organizations(where: { id: { eq: $id } }) { ${selection.replace(`${PEER_FIELDS} `, 'id ')} } }`;
};

export async function post(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors !== undefined || !response.ok)
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

interface ChainAnswer {
  supplyChain: { tiers: { organizations: { id: string }[] }[]; links?: { id: string }[] };
}

export function apiChainIds(data: unknown): ChainIds {
  const { supplyChain } = data as ChainAnswer;
  return chainIds(
    supplyChain.tiers.map((t) => t.organizations.map((o) => o.id)),
    (supplyChain.links ?? []).map((l) => l.id),
  );
}

interface PeerOrganization {
  id: string;
  suppliers?: PeerOrganization[];
}

/** Every organization in the peer's nested answer but the root, sorted. */
export function peerReached(data: unknown, root: string): string[] {
  const found = new Set<string>();
  const walk = (o: PeerOrganization) => {
    for (const s of o.suppliers ?? []) {
      found.add(s.id);
      walk(s);
    }
  };
  for (const o of (data as { organizations: PeerOrganization[] }).organizations) walk(o);
  found.delete(root);
  return [...found].sort();
}
