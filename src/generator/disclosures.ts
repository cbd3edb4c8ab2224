// Disclosures for a synthetic graph (specification, section 2, rule 8): which organizations they are
// about, who published them (the subject itself, or a customer about its direct supplier), of what
// kind, and the DISCLOSURES shares that let others see them. Everything is drawn from a random stream
// of its own, after the rest of the graph is built, so organizations, links, sourcing shares and risks
// are the same as without disclosures. Their content (dates, actions, texts) comes from per-record
// streams in generate.ts.
import type { DisclosureKind } from '../domain/format.ts';
import type { LinkTable, ShareTable, SyntheticGraph } from './build.ts';
import { shareStatus } from './share-status.ts';
import { Random, sample } from './random.ts';
import { DISCLOSURES, SHARES, TYPE_CODE } from './shape.ts';
import { CUSTOMER_DISCLOSURE_KINDS, OWN_DISCLOSURE_KINDS } from './vocabulary.ts';

/** Disclosures as columns, and the DISCLOSURES shares (shareStart -1: every disclosure of the owner). */
export interface DisclosureTable {
  count: number;
  owner: Int32Array;
  subject: Int32Array;
  kind: readonly DisclosureKind[];
  shares: {
    count: number;
    owner: Int32Array;
    recipient: Int32Array;
    createdAt: Uint16Array;
    expiresAt: Uint16Array;
    revokedAt: Uint16Array;
    start: Int32Array;
    size: Int32Array;
    /** Disclosure indices of the partial shares, each share's ascending. */
    pool: Int32Array;
  };
}

export type DisclosureInput = Omit<SyntheticGraph, 'disclosures'>;

/** Links that hold at `today`, grouped by supplier: the customers a supplier has now. */
function holdingBySupplier(orgs: number, links: LinkTable, today: number) {
  const holds = (l: number) => {
    const from = links.validFrom[l]!;
    const to = links.validTo[l]!;
    return (from === 0 || from <= today) && (to === 0 || today < to);
  };
  const offsets = new Int32Array(orgs + 1);
  for (let l = 0; l < links.count; l++) if (holds(l)) offsets[links.supplier[l]! + 1]!++;
  for (let i = 0; i < orgs; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, orgs);
  const grouped = new Int32Array(offsets[orgs]!);
  for (let l = 0; l < links.count; l++) if (holds(l)) grouped[cursor[links.supplier[l]!]!++] = l;
  return (supplier: number) => grouped.subarray(offsets[supplier], offsets[supplier + 1]);
}

export function buildDisclosures(graph: DisclosureInput): DisclosureTable {
  const rng = new Random(graph.key, 0xd15c);
  const orgs = graph.shape.total;
  const outgoing = holdingBySupplier(orgs, graph.links, graph.today);
  const owner: number[] = [];
  const subject: number[] = [];
  const kind: DisclosureKind[] = [];
  for (let s = 0; s < orgs; s++) {
    if (graph.typeCode[s] === TYPE_CODE.MONITOR || !rng.chance(DISCLOSURES.subjects)) continue;
    const { xmin, alpha, cap } = DISCLOSURES.perSubject;
    const customerLinks = outgoing(s);
    for (let j = rng.paretoInt(xmin, alpha, cap); j > 0; j--) {
      const byCustomer = customerLinks.length > 0 && rng.chance(DISCLOSURES.byCustomer);
      owner.push(byCustomer ? graph.links.customer[customerLinks[rng.int(customerLinks.length)]!]! : s);
      subject.push(s);
      kind.push((byCustomer ? CUSTOMER_DISCLOSURE_KINDS : OWN_DISCLOSURE_KINDS).sample(rng));
    }
  }
  const byOwner = new Map<number, number[]>();
  owner.forEach((o, d) => byOwner.set(o, [...(byOwner.get(o) ?? []), d]));
  return {
    count: owner.length,
    owner: Int32Array.from(owner),
    subject: Int32Array.from(subject),
    kind,
    shares: disclosureShares(graph, rng, byOwner, outgoing),
  };
}

/**
 * An owner shares its disclosures with some of those it already shares sourcing with (a transparency
 * programme's purchaser, a customer, a monitor), and with one of its direct customers.
 */
function disclosureShares(
  graph: DisclosureInput,
  rng: Random,
  byOwner: Map<number, number[]>,
  outgoing: (supplier: number) => Int32Array,
): DisclosureTable['shares'] {
  const rows: { owner: number; recipient: number; ids: number[] | null }[] = [];
  const statuses: ReturnType<typeof shareStatus>[] = [];
  const pairs = new Set<number>();
  const add = (o: number, recipient: number) => {
    const key = o * graph.shape.total + recipient;
    if (o === recipient || pairs.has(key)) return;
    pairs.add(key);
    const own = byOwner.get(o)!;
    const ids =
      own.length > 1 && rng.chance(DISCLOSURES.partial)
        ? sample(rng, own, rng.between(1, own.length - 1)).sort((a, b) => a - b)
        : null;
    rows.push({ owner: o, recipient, ids });
    statuses.push(shareStatus(rng, graph.today, SHARES.revoked, SHARES.expired, SHARES.expiresLater));
  };
  const sourcing: ShareTable = graph.shares;
  for (let i = 0; i < sourcing.count; i++) {
    const o = sourcing.owner[i]!;
    if (byOwner.has(o) && rng.chance(DISCLOSURES.withSourcingRecipients)) add(o, sourcing.recipient[i]!);
  }
  for (const o of byOwner.keys()) {
    const customers = outgoing(o);
    if (customers.length > 0 && rng.chance(DISCLOSURES.withCustomer))
      add(o, graph.links.customer[customers[rng.int(customers.length)]!]!);
  }
  const start: number[] = [];
  const pool: number[] = [];
  for (const { ids } of rows) {
    start.push(ids === null ? -1 : pool.length);
    pool.push(...(ids ?? []));
  }
  return {
    count: rows.length,
    owner: Int32Array.from(rows, (r) => r.owner),
    recipient: Int32Array.from(rows, (r) => r.recipient),
    createdAt: Uint16Array.from(statuses, (s) => s.createdAt),
    expiresAt: Uint16Array.from(statuses, (s) => s.expiresAt),
    revokedAt: Uint16Array.from(statuses, (s) => s.revokedAt),
    start: Int32Array.from(start),
    size: Int32Array.from(rows, (r) => r.ids?.length ?? 0),
    pool: Int32Array.from(pool),
  };
}
