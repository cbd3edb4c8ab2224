// The synthetic graph generator (`tiersight generate`): byte-for-byte determinism, a valid tiersight/v1
// file, a realistic shape (tier proportions, heavy-tailed degrees, cross-tier links, cycles, dated and
// expired links, every kind of share) and share chains deep enough that a purchaser sees six and more
// tiers under specification, section 2 (rules 1-3, re-implemented here over the records).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOW, generateGraph, type GraphItem } from '../../src/generator/generate.ts';
import { TYPE_SHARES } from '../../src/generator/shape.ts';
import { writeGraphFile, type GraphStats } from '../../src/generator/write.ts';
import { isCountryCode } from '../../src/domain/countries.ts';
import type {
  DisclosureRecord,
  LinkRecord,
  OrganizationRecord,
  RiskRecord,
  ShareRecord,
  TiersightFile,
} from '../../src/domain/format.ts';
import { parseInstant } from '../../src/domain/instants.ts';
import { documentSource } from '../../src/import/read-records.ts';
import { validate } from '../../src/import/validate.ts';

const ORGS = 10_000;
const NOW = DEFAULT_NOW.getTime();

let dir: string;
let file: string;
let stats: GraphStats;
let doc: TiersightFile;
let byId: Map<string, OrganizationRecord>;
let disclosures: DisclosureRecord[];

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const time = (text: string | null | undefined) => (text ? parseInstant(text)!.getTime() : null);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Contract section 1: a link holds at t when validFrom <= t < validTo (missing bounds are open). */
function holds(link: LinkRecord, t: number): boolean {
  const from = time(link.validFrom);
  const to = time(link.validTo);
  return (from === null || from <= t) && (to === null || t < to);
}

/** A share is active while not revoked and not expired. */
function active(share: ShareRecord, t: number): boolean {
  const revoked = time(share.revokedAt);
  const expires = time(share.expiresAt);
  return (revoked === null || t < revoked) && (expires === null || t < expires);
}

/** Links holding at t by customer, and shares active at t by recipient: built once per file. */
function visibilityIndex(file: TiersightFile, t: number) {
  const linksByCustomer = new Map<string, LinkRecord[]>();
  for (const link of file.links) {
    if (!holds(link, t)) continue;
    const list = linksByCustomer.get(link.customer) ?? [];
    list.push(link);
    linksByCustomer.set(link.customer, list);
  }
  const sharesByRecipient = new Map<string, ShareRecord[]>();
  for (const share of file.shares) {
    if (!active(share, t)) continue;
    const list = sharesByRecipient.get(share.recipient) ?? [];
    list.push(share);
    sharesByRecipient.set(share.recipient, list);
  }
  return { linksByCustomer, sharesByRecipient };
}

/**
 * Contract section 2, rules 1-3 from root V (the viewer itself): the tier of every organization
 * reachable over links disclosed to V that hold at t.
 */
function tiers(index: ReturnType<typeof visibilityIndex>, viewer: string): Map<string, number> {
  // Rule 1: owner -> links it discloses to the viewer ('all' for a share with linkIds null).
  const disclosed = new Map<string, 'all' | Set<string>>();
  for (const share of index.sharesByRecipient.get(viewer) ?? []) {
    const current = disclosed.get(share.owner);
    if (share.linkIds === null) disclosed.set(share.owner, 'all');
    else if (current !== 'all') disclosed.set(share.owner, new Set([...(current ?? []), ...share.linkIds]));
  }
  const isDisclosed = (link: LinkRecord) => {
    if (link.supplier === viewer || link.customer === viewer) return true;
    const covered = disclosed.get(link.customer);
    return covered === 'all' || (covered?.has(link.id) ?? false);
  };
  // Rule 3: breadth-first from the root towards suppliers.
  const tier = new Map<string, number>([[viewer, 0]]);
  let frontier = [viewer];
  for (let k = 1; frontier.length > 0; k++) {
    const next: string[] = [];
    for (const x of frontier) {
      for (const link of index.linksByCustomer.get(x) ?? []) {
        if (!isDisclosed(link) || tier.has(link.supplier)) continue;
        tier.set(link.supplier, k);
        next.push(link.supplier);
      }
    }
    frontier = next;
  }
  return tier;
}

function collect(items: Iterable<GraphItem>): TiersightFile {
  const out: TiersightFile = {
    format: 'tiersight/v1',
    organizations: [],
    links: [],
    shares: [],
    risks: [],
    disclosures: [],
  };
  for (const item of items) (out[item.section] as unknown[]).push(item.record);
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiersight-generate-'));
  file = join(dir, 'graph.json');
  stats = await writeGraphFile({ orgs: ORGS, seed: 7, out: file });
  doc = JSON.parse(readFileSync(file, 'utf8')) as TiersightFile;
  byId = new Map(doc.organizations.map((o) => [o.id, o]));
  disclosures = doc.disclosures ?? [];
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('generate: determinism', () => {
  it('writes byte-identical files for the same orgs and seed, and different ones for another seed', async () => {
    const again = join(dir, 'again.json');
    const other = join(dir, 'other.json');
    await writeGraphFile({ orgs: ORGS, seed: 7, out: again });
    await writeGraphFile({ orgs: ORGS, seed: 8, out: other });
    expect(sha256(again)).toBe(sha256(file));
    expect(sha256(other)).not.toBe(sha256(file));
  });

  it('streams the same records as it writes, and reports what it wrote', () => {
    expect(collect(generateGraph({ orgs: ORGS, seed: 7 }))).toEqual(doc);
    expect(stats).toEqual({
      organizations: doc.organizations.length,
      links: doc.links.length,
      shares: doc.shares.length,
      risks: doc.risks.length,
      disclosures: disclosures.length,
      bytes: statSync(file).size,
    });
  });

  it('dates everything relative to `now`, not the clock', () => {
    const first = (now?: Date) => {
      for (const item of generateGraph({ orgs: 200, seed: 1, ...(now ? { now } : {}) })) {
        if (item.section === 'links' && item.record.validFrom) return item.record.validFrom;
      }
      return null;
    };
    expect(first()).toBe(first(DEFAULT_NOW));
    const shifted = first(new Date(NOW + 10 * 86_400_000));
    expect(time(shifted)! - time(first())!).toBe(10 * 86_400_000);
  });
});

describe('generate: a valid tiersight/v1 file', () => {
  it('passes the import validation with no problem', async () => {
    const { result } = await validate(documentSource(doc as unknown as Record<string, unknown>), {
      existing: null,
    });
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({
      organizations: ORGS,
      links: doc.links.length,
      shares: doc.shares.length,
      risks: doc.risks.length,
      disclosures: disclosures.length,
      accessRequests: 0,
      merges: 0,
      screeningCandidates: 0,
    });
  });

  it('has unique ids, existing references, real countries, no self-links and SYNTHETIC provenance', () => {
    for (const section of ['organizations', 'links', 'shares', 'risks', 'disclosures'] as const) {
      const records: { id: string }[] = doc[section] ?? [];
      const ids = records.map((r) => r.id);
      expect(new Set(ids).size, section).toBe(ids.length);
      const unmarked = records.filter((r) => (r as { provenance?: string }).provenance !== 'SYNTHETIC');
      expect(unmarked, section).toEqual([]);
    }
    expect(doc.organizations.filter((o) => !isCountryCode(o.country))).toEqual([]);
    const links = new Map(doc.links.map((l) => [l.id, l]));
    const badLinks = doc.links.filter(
      (l) => !byId.has(l.supplier) || !byId.has(l.customer) || l.supplier === l.customer,
    );
    expect(badLinks).toEqual([]);
    const badShares = doc.shares.filter(
      (s) =>
        !byId.has(s.owner) ||
        !byId.has(s.recipient) ||
        (s.linkIds ?? []).some((id) => links.get(id)?.customer !== s.owner),
    );
    expect(badShares).toEqual([]);
    expect(doc.risks.filter((r) => !byId.has(r.organization))).toEqual([]);
  });

  it('stays valid for tiny graphs', async () => {
    for (const orgs of [1, 2, 3, 5, 6, 7, 8, 12, 25, 60]) {
      const small = collect(generateGraph({ orgs, seed: orgs }));
      const { result } = await validate(documentSource(small as unknown as Record<string, unknown>), {
        existing: null,
      });
      expect(result.problems, `orgs ${orgs}`).toEqual([]);
      expect(small.organizations).toHaveLength(orgs);
    }
  });
});

describe('generate: shape', () => {
  const type = (id: string) => byId.get(id)!.type;
  const pair = (link: LinkRecord) => `${type(link.supplier)}>${type(link.customer)}`;

  it('has the documented proportion of each type, a few monitors, and ids that name the type', () => {
    const count = (t: string) => doc.organizations.filter((o) => o.type === t).length;
    const monitors = count('MONITOR');
    expect(monitors).toBeGreaterThanOrEqual(2);
    expect(monitors).toBeLessThan(ORGS * 0.01);
    for (const [t, share] of Object.entries(TYPE_SHARES)) {
      expect(Math.abs(count(t) - share * (ORGS - monitors))).toBeLessThanOrEqual(1);
    }
    const prefix = {
      PURCHASER: 'p-',
      RESELLER: 'r-',
      BRAND: 'b-',
      MANUFACTURER: 'm-',
      FACTORY: 'f-',
      MONITOR: 'mon-',
    };
    for (const o of doc.organizations) expect(o.id.startsWith(prefix[o.type])).toBe(true);
    expect(doc.organizations[0]!.id).toBe('p-000001');
    expect(
      doc.links.every((l) => /^l-\d{6,}$/.test(l.id)) && doc.shares.every((s) => /^d?s-\d{6,}$/.test(s.id)),
    ).toBe(true);
  });

  it('places factories mostly in Asian and Mexican production countries and purchasers mostly in the Nordics', () => {
    const share = (t: string, countries: string[]) => {
      const orgs = doc.organizations.filter((o) => o.type === t);
      return orgs.filter((o) => countries.includes(o.country)).length / orgs.length;
    };
    expect(share('FACTORY', ['CN', 'VN', 'TW', 'MY', 'TH', 'MX', 'IN', 'PH', 'ID'])).toBeGreaterThan(0.8);
    expect(share('FACTORY', ['CN'])).toBeGreaterThan(0.3);
    expect(share('PURCHASER', ['SE', 'NO', 'DK', 'FI', 'IS'])).toBeGreaterThan(0.5);
  });

  it('has about five links per organization, along the tiers, with heavy-tailed degrees', () => {
    expect(doc.links.length / ORGS).toBeGreaterThan(3);
    expect(doc.links.length / ORGS).toBeLessThan(8);
    const pairs = new Map<string, number>();
    for (const link of doc.links) pairs.set(pair(link), (pairs.get(pair(link)) ?? 0) + 1);
    for (const main of [
      'FACTORY>MANUFACTURER',
      'MANUFACTURER>BRAND',
      'BRAND>RESELLER',
      'RESELLER>PURCHASER',
    ]) {
      expect(pairs.get(main), main).toBeGreaterThan(100);
    }
    // Nothing flows down the chain, and monitors have no links.
    for (const key of pairs.keys()) {
      expect(key).not.toMatch(/MONITOR|^PURCHASER>|>FACTORY$|^RESELLER>(RESELLER|BRAND|MANUFACTURER)/);
    }
    const inDegree = new Map<string, number>();
    const outDegree = new Map<string, number>();
    for (const link of doc.links) {
      inDegree.set(link.customer, (inDegree.get(link.customer) ?? 0) + 1);
      outDegree.set(link.supplier, (outDegree.get(link.supplier) ?? 0) + 1);
    }
    for (const t of ['BRAND', 'MANUFACTURER', 'RESELLER']) {
      const ids = doc.organizations.filter((o) => o.type === t).map((o) => o.id);
      const ins = ids.map((id) => inDegree.get(id) ?? 0);
      expect(Math.max(...ins), `${t} in-degree`).toBeGreaterThan(10 * median(ins));
    }
    const brandCustomers = doc.organizations
      .filter((o) => o.type === 'BRAND')
      .map((o) => outDegree.get(o.id) ?? 0);
    expect(Math.max(...brandCustomers)).toBeGreaterThan(10 * median(brandCustomers));
  });

  it('has cross-tier links, manufacturer sub-tiers, cycles and several links for some pairs', () => {
    const pairs = new Set(doc.links.map(pair));
    for (const cross of [
      'FACTORY>BRAND',
      'BRAND>PURCHASER',
      'MANUFACTURER>MANUFACTURER',
      'MANUFACTURER>RESELLER',
    ]) {
      expect(pairs.has(cross), cross).toBe(true);
    }
    const edges = new Set(doc.links.map((l) => `${l.supplier}>${l.customer}`));
    const cycles = doc.links.filter((l) => edges.has(`${l.customer}>${l.supplier}`));
    expect(cycles.length).toBeGreaterThan(0);
    expect(
      cycles.every((l) => type(l.supplier) === 'MANUFACTURER' && type(l.customer) === 'MANUFACTURER'),
    ).toBe(true);
    expect(edges.size).toBeLessThan(doc.links.length);
  });

  it('dates links: past starts, some already expired, some ending later, most open', () => {
    const from = doc.links.map((l) => time(l.validFrom));
    expect(from.every((t) => t === null || t < NOW)).toBe(true);
    expect(from.filter((t) => t === null).length).toBeGreaterThan(0);
    const to = doc.links.map((l) => time(l.validTo));
    const expired = to.filter((t) => t !== null && t <= NOW).length;
    const later = to.filter((t) => t !== null && t > NOW).length;
    const open = to.filter((t) => t === null).length;
    expect(expired / doc.links.length).toBeGreaterThan(0.1);
    expect(later).toBeGreaterThan(0);
    expect(open / doc.links.length).toBeGreaterThan(0.5);
    const backwards = doc.links.filter(
      (l) => l.validFrom && l.validTo && time(l.validFrom)! >= time(l.validTo)!,
    );
    expect(backwards).toEqual([]);
  });

  it('carries IT products', () => {
    const products = new Set(doc.links.flatMap((l) => l.products));
    for (const p of [
      'laptops',
      'monitors',
      'servers',
      'printed circuit boards',
      'camera modules',
      'mainboards',
    ]) {
      expect(products.has(p), p).toBe(true);
    }
    const withProducts = doc.links.filter((l) => l.products.length > 0).length;
    expect(withProducts / doc.links.length).toBeGreaterThan(0.9);
  });

  it('has whole, partial, expired and revoked shares, some to monitors', () => {
    const shares = doc.shares.filter((s) => s.scope !== 'DISCLOSURES');
    expect(shares.length).toBeGreaterThan(100);
    expect(shares.some((s) => s.linkIds === null)).toBe(true);
    expect(shares.some((s) => s.linkIds !== null && s.linkIds.length > 1)).toBe(true);
    expect(shares.some((s) => s.revokedAt && time(s.revokedAt)! < NOW)).toBe(true);
    expect(shares.some((s) => s.expiresAt && time(s.expiresAt)! <= NOW)).toBe(true);
    expect(shares.some((s) => s.expiresAt && time(s.expiresAt)! > NOW)).toBe(true);
    expect(shares.filter((s) => active(s, NOW)).length / shares.length).toBeGreaterThan(0.8);
    expect(shares.some((s) => type(s.recipient) === 'MONITOR')).toBe(true);
    expect(shares.every((s) => s.owner !== s.recipient && type(s.owner) !== 'FACTORY')).toBe(true);
  });

  it('flags about 1% of factories and manufacturers with synthetic risk indicators', () => {
    const producers = doc.organizations.filter(
      (o) => o.type === 'FACTORY' || o.type === 'MANUFACTURER',
    ).length;
    expect(doc.risks.length).toBeGreaterThan(producers * 0.005);
    expect(doc.risks.length).toBeLessThan(producers * 0.02);
    const kinds = new Set(doc.risks.map((r: RiskRecord) => r.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    for (const risk of doc.risks) {
      expect(['FACTORY', 'MANUFACTURER']).toContain(type(risk.organization));
      expect(risk.source).toBe('Synthetic');
    }
    // Tagged as their words say: forced labour among them, and some left unclassified.
    expect(doc.risks.some((r) => r.topics?.includes('FORCED_LABOUR'))).toBe(true);
    expect(doc.risks.some((r) => r.topics === undefined)).toBe(true);
  });
});

describe('generate: visibility depth', () => {
  it('lets some purchaser reach six or more tiers through active shares (specification, section 2)', () => {
    const purchasers = doc.organizations.filter((o) => o.type === 'PURCHASER').map((o) => o.id);
    const index = visibilityIndex(doc, NOW);
    let deepest = 0;
    let deepestViewer = '';
    for (const viewer of purchasers) {
      const reached = tiers(index, viewer);
      const depth = Math.max(...reached.values());
      if (depth > deepest) [deepest, deepestViewer] = [depth, viewer];
    }
    expect(deepest, deepestViewer).toBeGreaterThanOrEqual(6);
    // The deepest chain runs through sub-tier manufacturers down to factories.
    const reached = tiers(index, deepestViewer);
    const atDepth = [...reached].filter(([, k]) => k >= 5).map(([id]) => type(id));
    expect(atDepth.some((t) => t === 'FACTORY' || t === 'MANUFACTURER')).toBe(true);
    // Without the shares, a purchaser sees only its direct suppliers.
    const own = tiers(visibilityIndex({ ...doc, shares: [] }, NOW), deepestViewer);
    expect(Math.max(...own.values())).toBe(1);
  });

  function type(id: string) {
    return byId.get(id)!.type;
  }
});

describe('generate: disclosures', () => {
  const type = (id: string) => byId.get(id)!.type;

  it('keeps the rest of the graph as it was without them: they come after, from a stream of their own', () => {
    const sourcing = doc.shares.filter((s) => s.scope !== 'DISCLOSURES');
    const disclosureShares = doc.shares.filter((s) => s.scope === 'DISCLOSURES');
    expect(doc.shares.slice(0, sourcing.length)).toEqual(sourcing);
    expect(sourcing.every((s) => /^s-\d{6,}$/.test(s.id) && s.scope === undefined)).toBe(true);
    expect(disclosureShares.every((s) => /^ds-\d{6,}$/.test(s.id) && s.linkIds === null)).toBe(true);
    expect(disclosures.every((d) => /^dc-\d{6,}$/.test(d.id))).toBe(true);
  });

  it('are about roughly 10% of the organizations, monitors never', () => {
    const subjects = new Set(disclosures.map((d) => d.subject));
    expect(subjects.size / ORGS).toBeGreaterThan(0.07);
    expect(subjects.size / ORGS).toBeLessThan(0.13);
    expect([...subjects].some((id) => type(id) === 'MONITOR')).toBe(false);
  });

  it('are published by the subject itself or by a customer about its direct supplier through a link that holds', () => {
    const holdingPairs = new Set(
      doc.links.filter((l) => holds(l, NOW)).map((l) => `${l.supplier}>${l.customer}`),
    );
    const byCustomer = disclosures.filter((d) => d.owner !== d.subject);
    expect(byCustomer.length / disclosures.length).toBeGreaterThan(0.2);
    expect(byCustomer.filter((d) => !holdingPairs.has(`${d.subject}>${d.owner}`))).toEqual([]);
  });

  it('mix every kind, with dated evidence, and plans whose actions are closed, in progress, open and overdue', () => {
    const kinds = new Set(disclosures.map((d) => d.kind));
    expect(kinds.size).toBe(5);
    const actions = disclosures.flatMap((d) => d.actions ?? []);
    expect(
      disclosures
        .filter((d) => (d.actions ?? []).length > 0)
        .every((d) => ['CORRECTIVE_ACTION_PLAN', 'AUDIT_REPORT'].includes(d.kind)),
    ).toBe(true);
    for (const status of ['OPEN', 'IN_PROGRESS', 'CLOSED'])
      expect(
        actions.some((a) => a.status === status),
        status,
      ).toBe(true);
    const overdue = actions.filter((a) => a.status !== 'CLOSED' && time(a.dueAt)! < NOW);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(actions.length);
    expect(actions.filter((a) => a.status === 'CLOSED').every((a) => time(a.closedAt)! <= NOW)).toBe(true);
    const evidence = disclosures.filter((d) => d.kind === 'CERTIFICATE' || d.kind === 'AUDIT_REPORT');
    expect(evidence.every((d) => d.validUntil && time(d.validUntil)! > time(d.issuedAt)!)).toBe(true);
    expect(
      evidence.some((d) => time(d.validUntil)! <= NOW) && evidence.some((d) => time(d.validUntil)! > NOW),
    ).toBe(true);
    expect(disclosures.every((d) => time(d.issuedAt)! < NOW && time(d.publishedAt)! <= NOW)).toBe(true);
    expect(disclosures.some((d) => d.withdrawnAt)).toBe(true);
  });

  it('are shared (scope DISCLOSURES) by their owners, wholly or in part, with programme purchasers, customers and monitors', () => {
    const shares = doc.shares.filter((s) => s.scope === 'DISCLOSURES');
    const owned = new Map<string, Set<string>>();
    for (const d of disclosures) owned.set(d.owner, (owned.get(d.owner) ?? new Set()).add(d.id));
    expect(shares.length).toBeGreaterThan(100);
    expect(shares.filter((s) => !owned.has(s.owner))).toEqual([]);
    expect(shares.filter((s) => (s.disclosureIds ?? []).some((id) => !owned.get(s.owner)!.has(id)))).toEqual(
      [],
    );
    expect(shares.some((s) => s.disclosureIds === null) && shares.some((s) => s.disclosureIds)).toBe(true);
    const recipients = new Set<string>(shares.map((s) => type(s.recipient)));
    for (const t of ['PURCHASER', 'MONITOR']) expect(recipients.has(t), t).toBe(true);
    expect(shares.filter((s) => active(s, NOW)).length / shares.length).toBeGreaterThan(0.7);
    const pairs = shares.map((s) => `${s.owner}>${s.recipient}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
