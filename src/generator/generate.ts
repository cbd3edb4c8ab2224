// Turns a compact synthetic graph (build.ts) into `tiersight/v1` records, one at a time and in file
// order: organizations, links, shares, risks. Names, cities and products come from per-record random
// streams keyed by the record's index, so they never depend on the order anything else was drawn in.
import type {
  DisclosureActionRecord,
  DisclosureRecord,
  LinkRecord,
  OrganizationRecord,
  OrganizationType,
  RiskRecord,
  ShareRecord,
  Sourced,
} from '../domain/format.ts';
import { buildGraph, type GenerateOptions, type SyntheticGraph } from './build.ts';
import { TYPE_CODE } from './shape.ts';
import { hash32, Random } from './random.ts';
import { DISCLOSURES, ID_PREFIX, INDEX_ORDER, LINK_DATES } from './shape.ts';
import {
  COMPONENTS,
  COUNTRIES,
  DISCLOSURE_TITLES,
  drawCity,
  drawName,
  FINDINGS,
  FINISHED,
  ISSUERS,
  RISK_DESCRIPTIONS,
  RISK_KINDS_WEIGHTED,
  SEVERITIES_WEIGHTED,
  STANDARDS,
  SUBASSEMBLIES,
} from './vocabulary.ts';

export { buildGraph, DEFAULT_NOW, MAX_ORGS, type GenerateOptions, type SyntheticGraph } from './build.ts';

/** Shares and risks carry provenance too (records may hold more optional fields than format.ts names). */
type SyntheticShare = ShareRecord & Sourced;
type SyntheticRisk = RiskRecord & Sourced;

/** A synthetic action or disclosure leaves out what it has no value for (the importer's defaults). */
type Present<T, Required extends keyof T> = Pick<T, Required> & Partial<Omit<T, Required>>;
type SyntheticAction = Present<
  DisclosureActionRecord,
  'id' | 'finding' | 'severity' | 'action' | 'dueAt' | 'status'
>;
type SyntheticDisclosure = Present<
  Omit<DisclosureRecord, 'actions' | 'history' | 'recordedAt' | 'actorUserId'>,
  'id' | 'owner' | 'subject' | 'kind' | 'title' | 'products' | 'issuedAt' | 'publishedAt'
> & { actions?: SyntheticAction[] };

export type GraphItem =
  | { section: 'organizations'; record: OrganizationRecord }
  | { section: 'links'; record: LinkRecord }
  | { section: 'shares'; record: SyntheticShare }
  | { section: 'risks'; record: SyntheticRisk }
  | { section: 'disclosures'; record: SyntheticDisclosure };

export const SECTION_ORDER = ['organizations', 'links', 'shares', 'risks', 'disclosures'] as const;

const PROVENANCE = 'SYNTHETIC';

/** Random-stream tags, one per kind of derived value. */
const STREAM = { organization: 1, specialty: 2, products: 3, risk: 4, disclosure: 5, document: 6 } as const;

/** Zero-padded to at least six digits, and to the width of the largest number of the kind. */
const pad = (n: number, of: number) => String(n).padStart(Math.max(6, String(of).length), '0');

/** Day numbers to YYYY-MM-DD, memoized (a graph uses a few thousand distinct days). */
const dayStrings = new Map<number, string>();
function dayString(day: number): string {
  let text = dayStrings.get(day);
  if (text === undefined) {
    text = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dayStrings.set(day, text);
  }
  return text;
}

/** Names and product vocabularies that follow from an organization's index. */
class Naming {
  private readonly rng = new Random(0);

  constructor(private readonly graph: SyntheticGraph) {}

  type(index: number): OrganizationType {
    return INDEX_ORDER[this.graph.typeCode[index]!] as OrganizationType;
  }

  organizationId(index: number): string {
    const type = this.type(index);
    return ID_PREFIX[type] + pad(index - this.graph.shape.start[type] + 1, this.graph.shape.counts[type]);
  }

  /** A stable per-organization number that picks what it makes. */
  specialty(index: number, salt = 0): number {
    return hash32(this.graph.key, STREAM.specialty, index, salt);
  }

  organization(index: number): OrganizationRecord {
    const rng = this.rng.reseed(this.graph.key, STREAM.organization, index);
    const type = this.type(index);
    const country = COUNTRIES[this.graph.country[index]!] as string;
    const producer = type === 'FACTORY' || type === 'MANUFACTURER';
    const city = producer ? drawCity(rng, country) : undefined;
    const specialty = COMPONENTS[this.specialty(index) % COMPONENTS.length] as string;
    return {
      id: this.organizationId(index),
      name: drawName(rng, type, country, specialty, city),
      type,
      country,
      ...(city ? { city } : {}),
      provenance: PROVENANCE,
    };
  }

  /** What a link carries, from what its supplier makes. */
  products(link: number, supplier: number): string[] {
    const rng = this.rng.reseed(this.graph.key, STREAM.products, link);
    if (rng.chance(LINK_DATES.noProducts)) return [];
    const spec = this.specialty(supplier);
    let list: readonly string[];
    let main: number;
    switch (this.graph.typeCode[supplier]) {
      case TYPE_CODE.FACTORY:
        list = COMPONENTS;
        main = spec % list.length;
        break;
      case TYPE_CODE.MANUFACTURER:
        list = this.graph.level[supplier] === 0 ? FINISHED : SUBASSEMBLIES;
        main = spec % list.length;
        break;
      case TYPE_CODE.BRAND: {
        // A brand's product line: three finished products; a link carries one to three of them.
        const line = [0, 1, 2].map((j) => this.specialty(supplier, j) % FINISHED.length);
        const picked = new Set<number>();
        for (let i = rng.between(1, 3); i > 0; i--) picked.add(rng.pick(line));
        return [...picked].sort((a, b) => a - b).map((i) => FINISHED[i] as string);
      }
      default: {
        // Resellers sell anything, the common products most.
        const picked = new Set<number>();
        for (let i = rng.between(1, 3); i > 0; i--)
          picked.add(Math.floor(Math.pow(rng.float(), 2) * FINISHED.length));
        return [...picked].sort((a, b) => a - b).map((i) => FINISHED[i] as string);
      }
    }
    const products = [list[main] as string];
    if (rng.chance(0.25)) {
      const other = list[(main + rng.between(1, 3)) % list.length] as string;
      if (other !== products[0]) products.push(other);
    }
    return products;
  }
}

export function* organizationRecords(graph: SyntheticGraph): Generator<OrganizationRecord> {
  const naming = new Naming(graph);
  for (let i = 0; i < graph.shape.total; i++) yield naming.organization(i);
}

export const linkId = (graph: SyntheticGraph, index: number) => `l-${pad(index + 1, graph.links.count)}`;

export function* linkRecords(graph: SyntheticGraph): Generator<LinkRecord> {
  const naming = new Naming(graph);
  const { supplier, customer, validFrom, validTo } = graph.links;
  for (let l = 0; l < graph.links.count; l++) {
    const s = supplier[l]!;
    const from = validFrom[l]!;
    const to = validTo[l]!;
    yield {
      id: linkId(graph, l),
      supplier: naming.organizationId(s),
      customer: naming.organizationId(customer[l]!),
      products: naming.products(l, s),
      ...(from ? { validFrom: dayString(from) } : {}),
      ...(to ? { validTo: dayString(to) } : {}),
      provenance: PROVENANCE,
    };
  }
}

function* sourcingShareRecords(graph: SyntheticGraph): Generator<SyntheticShare> {
  const naming = new Naming(graph);
  const s = graph.shares;
  for (let i = 0; i < s.count; i++) {
    const start = s.linkStart[i]!;
    const linkIds =
      start < 0
        ? null
        : Array.from(s.linkPool.subarray(start, start + s.linkCount[i]!), (l) => linkId(graph, l));
    const expiresAt = s.expiresAt[i]!;
    const revokedAt = s.revokedAt[i]!;
    yield {
      id: `s-${pad(i + 1, s.count)}`,
      owner: naming.organizationId(s.owner[i]!),
      recipient: naming.organizationId(s.recipient[i]!),
      linkIds,
      expiresAt: expiresAt ? dayString(expiresAt) : null,
      ...(revokedAt ? { revokedAt: dayString(revokedAt) } : {}),
      createdAt: dayString(s.createdAt[i]!),
      provenance: PROVENANCE,
    };
  }
}

export const disclosureId = (graph: SyntheticGraph, index: number) =>
  `dc-${pad(index + 1, graph.disclosures.count)}`;

/** Sourcing shares (`s-…`), then the DISCLOSURES shares (`ds-…`). */
export function* shareRecords(graph: SyntheticGraph): Generator<SyntheticShare> {
  yield* sourcingShareRecords(graph);
  const naming = new Naming(graph);
  const s = graph.disclosures.shares;
  for (let i = 0; i < s.count; i++) {
    const start = s.start[i]!;
    const expiresAt = s.expiresAt[i]!;
    const revokedAt = s.revokedAt[i]!;
    yield {
      id: `ds-${pad(i + 1, s.count)}`,
      owner: naming.organizationId(s.owner[i]!),
      recipient: naming.organizationId(s.recipient[i]!),
      scope: 'DISCLOSURES',
      linkIds: null,
      disclosureIds:
        start < 0
          ? null
          : Array.from(s.pool.subarray(start, start + s.size[i]!), (d) => disclosureId(graph, d)),
      expiresAt: expiresAt ? dayString(expiresAt) : null,
      ...(revokedAt ? { revokedAt: dayString(revokedAt) } : {}),
      createdAt: dayString(s.createdAt[i]!),
      provenance: PROVENANCE,
    };
  }
}

/** A made-up document hash: 64 hex digits from the record's stream. */
function documentHash(graph: SyntheticGraph, index: number): string {
  return Array.from({ length: 8 }, (_, j) =>
    hash32(graph.key, STREAM.document, index, j).toString(16).padStart(8, '0'),
  ).join('');
}

/** Corrective actions issued on `issued`: some closed, some in progress, some open past their due date. */
function actions(rng: Random, kind: string, issued: number, today: number): SyntheticAction[] {
  let count = 0;
  if (kind === 'CORRECTIVE_ACTION_PLAN') {
    const { xmin, alpha, cap } = DISCLOSURES.planActions;
    count = rng.paretoInt(xmin, alpha, cap);
  } else if (kind === 'AUDIT_REPORT' && !rng.chance(DISCLOSURES.auditWithoutFindings)) {
    const { xmin, alpha, cap } = DISCLOSURES.auditFindings;
    count = rng.paretoInt(xmin, alpha, cap);
  }
  return Array.from({ length: count }, (_, j) => {
    const { finding, action, severity } = rng.pick(FINDINGS);
    const dueAt = dayString(issued + rng.between(30, 540));
    const r = rng.float();
    if (r < DISCLOSURES.closed)
      return {
        id: `a-${j + 1}`,
        finding,
        severity,
        action,
        dueAt,
        status: 'CLOSED',
        verification: rng.chance(0.5) ? 'FOLLOW_UP_AUDIT' : 'DESKTOP',
        closedAt: dayString(issued + rng.between(1, Math.max(1, today - issued))),
      };
    const status = r < DISCLOSURES.closed + DISCLOSURES.inProgress ? 'IN_PROGRESS' : 'OPEN';
    return { id: `a-${j + 1}`, finding, severity, action, dueAt, status };
  });
}

export function* disclosureRecords(graph: SyntheticGraph): Generator<SyntheticDisclosure> {
  const naming = new Naming(graph);
  const rng = new Random(0);
  const { today } = graph;
  const table = graph.disclosures;
  for (let i = 0; i < table.count; i++) {
    rng.reseed(graph.key, STREAM.disclosure, i);
    const id = disclosureId(graph, i);
    const kind = table.kind[i]!;
    const issued = today - rng.between(20, 3 * 365);
    const published = issued + rng.between(0, Math.min(30, today - issued));
    const evidence = kind === 'AUDIT_REPORT' || kind === 'CERTIFICATE';
    const validUntil = evidence ? issued + rng.between(kind === 'CERTIFICATE' ? 365 : 180, 3 * 365) : 0;
    const list = actions(rng, kind, issued, today);
    yield {
      id,
      owner: naming.organizationId(table.owner[i]!),
      subject: naming.organizationId(table.subject[i]!),
      kind,
      title: `${DISCLOSURE_TITLES[kind]} ${dayString(issued).slice(0, 4)}`,
      summary: 'Synthetic example, not a real disclosure',
      ...(evidence ? { issuer: rng.pick(ISSUERS), standard: rng.pick(STANDARDS) } : {}),
      products: [],
      issuedAt: dayString(issued),
      ...(validUntil ? { validUntil: dayString(validUntil) } : {}),
      documentUrl: `https://example.org/synthetic/disclosures/${id}`,
      documentSha256: documentHash(graph, i),
      ...(list.length > 0 ? { actions: list } : {}),
      publishedAt: dayString(published),
      ...(rng.chance(DISCLOSURES.withdrawn)
        ? { withdrawnAt: dayString(published + rng.between(0, today - published)) }
        : {}),
      provenance: PROVENANCE,
    };
  }
}

export function* riskRecords(graph: SyntheticGraph): Generator<SyntheticRisk> {
  const naming = new Naming(graph);
  const rng = new Random(0);
  for (let i = 0; i < graph.risks.length; i++) {
    rng.reseed(graph.key, STREAM.risk, i);
    const id = `rk-${pad(i + 1, graph.risks.length)}`;
    const kind = RISK_KINDS_WEIGHTED.sample(rng);
    const severity = SEVERITIES_WEIGHTED.sample(rng);
    const { description, topics } = rng.pick(RISK_DESCRIPTIONS[kind]);
    yield {
      id,
      organization: naming.organizationId(graph.risks[i]!),
      kind,
      source: 'Synthetic',
      severity,
      ...(topics.length > 0 ? { topics } : {}),
      description,
      ...(kind === 'REPORT' ? { evidenceUrl: `https://example.org/synthetic/reports/${id}` } : {}),
      observedAt: dayString(graph.today - rng.between(14, 3 * 365)),
      provenance: PROVENANCE,
    };
  }
}

/** Record counts per section, known before anything is streamed. */
export function sectionCounts(graph: SyntheticGraph): Record<(typeof SECTION_ORDER)[number], number> {
  return {
    organizations: graph.shape.total,
    links: graph.links.count,
    shares: graph.shares.count + graph.disclosures.shares.count,
    risks: graph.risks.length,
    disclosures: graph.disclosures.count,
  };
}

/** Every record of a section, tagged with its section, in file order. */
function* graphItems(graph: SyntheticGraph): Generator<GraphItem> {
  for (const record of organizationRecords(graph)) yield { section: 'organizations', record };
  for (const record of linkRecords(graph)) yield { section: 'links', record };
  for (const record of shareRecords(graph)) yield { section: 'shares', record };
  for (const record of riskRecords(graph)) yield { section: 'risks', record };
  for (const record of disclosureRecords(graph)) yield { section: 'disclosures', record };
}

/**
 * A deterministic synthetic `tiersight/v1` graph as a stream of records: the same orgs, seed and now
 * always give the same records in the same order.
 */
export function* generateGraph(options: GenerateOptions): Generator<GraphItem> {
  yield* graphItems(buildGraph(options));
}
