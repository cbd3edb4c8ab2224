// The dashboard's data and the pure functions over it (no DOM): filtering, the per-tier columns with
// their "+K more" aggregation, paths to the root, CSV. Types follow the public contract (v1, v1.1).

// The same type and severity vocabulary as the server's tiersight/v1 format.
import {
  ORGANIZATION_TYPES,
  RISK_TOPICS,
  SEVERITIES,
  type OrganizationType,
  type RiskTopic,
  type Severity,
} from '../../src/domain/format.ts';

import { CSV_COMMAS, csvNumber, defusedFormula, type CsvFormat } from '../../src/domain/spreadsheet-text.ts';
import { byText } from '../../src/domain/text-order.ts';
import { shortestSimplePaths } from '../../src/domain/shortest-paths.ts';
import { MAX_DEPTH } from '../../src/domain/viewer-scope.ts';
import { isolate } from './bidi.ts';

export { ORGANIZATION_TYPES, RISK_TOPICS, SEVERITIES, type OrganizationType, type RiskTopic, type Severity };
// The files' dialect follows the browser's language (csvFormatFor).
export { CSV_COMMAS, type CsvFormat };

/** A topic in the page's words. */
export const TOPIC_LABELS: Record<RiskTopic, string> = {
  CHILD_LABOUR: 'Child labour',
  DISCRIMINATION: 'Discrimination',
  ENVIRONMENT: 'Environment',
  FORCED_LABOUR: 'Forced labour',
  FREEDOM_OF_ASSOCIATION: 'Freedom of association',
  HARSH_TREATMENT: 'Harsh treatment',
  HEALTH_AND_SAFETY: 'Health and safety',
  WAGES_AND_HOURS: 'Wages and hours',
};

export interface RiskIndicator {
  id: string;
  kind: string;
  source: string;
  severity: Severity;
  /** What it is about; empty when not classified, absent from a server without topics. */
  topics?: readonly RiskTopic[];
  description?: string | null;
  evidenceUrl?: string | null;
  observedAt?: string | null;
  /** When its list removed it (as of the view's instant): kept for the record, it flags nothing. */
  delistedAt?: string | null;
  /** The monitor that recorded it (`recordFinding`); null for an import's or a screening's. */
  recordedBy?: Party | null;
  /**
   * When that monitor erased its texts (`redactFinding`, once withdrawn): `source` is then empty, and
   * `description` and `evidenceUrl` null; absent from a server that does not erase them.
   */
  redactedAt?: string | null;
}

/**
 * An indicator's source as the dashboard shows it: of a finding whose texts its monitor erased (seen
 * only as of a day before its withdrawal), when that was, instead of a blank. An empty source is an
 * erased one even from a server that does not say when (the API requires a source otherwise).
 */
export function riskSource(i: Pick<RiskIndicator, 'source' | 'redactedAt'>): string {
  if ((i.redactedAt ?? null) !== null) return `(texts erased on ${(i.redactedAt ?? '').slice(0, 10)})`;
  return i.source === '' ? '(texts erased)' : i.source;
}

/** Whether an indicator's texts were erased: its source says so rather than quoting one. */
export const riskErased = (i: Pick<RiskIndicator, 'source' | 'redactedAt'>): boolean =>
  (i.redactedAt ?? null) !== null || i.source === '';

export interface Organization {
  id: string;
  name: string;
  type: OrganizationType;
  country: string;
  city?: string | null;
  provenance?: string | null;
  sources?: string[];
  /** Present when the server has `Organization.risks` (contract v1.1). */
  risks?: RiskIndicator[];
}

export interface SupplyLink {
  id: string;
  supplier: { id: string };
  customer: { id: string };
  products: string[];
  validFrom?: string | null;
  validTo?: string | null;
  provenance?: string | null;
  sources?: string[];
}

export interface SupplyChain {
  root: Organization;
  depth: number;
  tiers: { tier: number; organizations: Organization[] }[];
  links: SupplyLink[];
}

export interface ExposureFinding {
  organization: Organization;
  tier: number;
  path: Organization[];
  indicators: RiskIndicator[];
  /** Present when the server has them (contract v1.2, section 8): what visible disclosures say. */
  disclosedIndicators?: DisclosedIndicator[];
  severity: Severity;
}

export interface Exposure {
  root: Organization;
  findings: ExposureFinding[];
  closestTier: number | null;
  blindSpots: Organization[];
  /** Present when the server has `BlindSpot.openAccessRequest` (contract v1.2, section 9). */
  blindSpotDetails?: BlindSpot[];
}

// --- Evidence: disclosures and access requests (contract v1.2, sections 8 and 9) ---------------------

/** Whom a record names: enough to show it, whether or not the viewer may look the organization up. */
export interface Party {
  id: string;
  name: string;
}

export type DisclosureKind =
  'SELF_ASSESSMENT' | 'AUDIT_REPORT' | 'CORRECTIVE_ACTION_PLAN' | 'IMPROVEMENT' | 'CERTIFICATE';

export const DISCLOSURE_KIND_LABELS: Record<DisclosureKind, string> = {
  SELF_ASSESSMENT: 'Self-assessment',
  AUDIT_REPORT: 'Audit report',
  CORRECTIVE_ACTION_PLAN: 'Corrective action plan',
  IMPROVEMENT: 'Improvement',
  CERTIFICATE: 'Certificate',
};

export type ActionStatus = 'OPEN' | 'IN_PROGRESS' | 'CLOSED';

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  OPEN: 'open',
  IN_PROGRESS: 'in progress',
  CLOSED: 'closed',
};

/** How an action's closing was verified, as a sentence goes on: "verified by documents". */
export const VERIFIED_BY: Record<'DESKTOP' | 'FOLLOW_UP_AUDIT', string> = {
  DESKTOP: 'by documents',
  FOLLOW_UP_AUDIT: 'by a follow-up audit',
};

export interface CorrectiveAction {
  id: string;
  finding: string;
  severity: Severity;
  action: string;
  dueAt: string;
  /** The due date it was first given; differs from dueAt once the owner has moved the date. */
  firstDueAt?: string;
  status: ActionStatus;
  overdue: boolean;
  verification?: 'DESKTOP' | 'FOLLOW_UP_AUDIT' | null;
  closedAt?: string | null;
}

export interface Disclosure {
  id: string;
  kind: DisclosureKind;
  owner: Party;
  subject: Party;
  title: string;
  summary?: string | null;
  issuer?: string | null;
  standard?: string | null;
  products: string[];
  issuedAt: string;
  validUntil?: string | null;
  expired: boolean;
  documentUrl?: string | null;
  documentSha256?: string | null;
  actions: CorrectiveAction[];
  version: number;
  publishedAt: string;
  updatedAt: string;
  /** When its owner erased the texts of the version shown (a view of an earlier day); absent from older servers. */
  redactedAt?: string | null;
}

export type DisclosedIndicatorKind = 'OPEN_ACTION' | 'OVERDUE_ACTION' | 'EXPIRED_EVIDENCE';

/** What a visible disclosure says about an organization: never mixed with public risk indicators. */
export interface DisclosedIndicator {
  kind: DisclosedIndicatorKind;
  severity: Severity;
  description: string;
  disclosure: { id: string; kind: DisclosureKind; title: string; owner: Party };
  action?: Pick<CorrectiveAction, 'id' | 'status' | 'dueAt' | 'firstDueAt' | 'overdue'> | null;
}

export const ACCESS_SCOPES = ['SOURCING', 'DISCLOSURES', 'BOTH'] as const;
export type AccessScope = (typeof ACCESS_SCOPES)[number];
export type AccessRequestStatus = 'OPEN' | 'GRANTED' | 'DECLINED' | 'WITHDRAWN';
export type AccessDecision = 'GRANT' | 'DECLINE' | 'EXTEND';
export type AccessRequestAction =
  'SENT' | 'EXTENDED' | 'GRANTED' | 'DECLINED' | 'WITHDRAWN' | 'REDACTED' | 'REMINDED';

/** One step of a request, as far as the dashboard reads them: who erased its texts, and when. */
export interface AccessRequestEvent {
  action: AccessRequestAction;
  at: string;
  actorOrganization: { id: string };
  /** The message or reason given with it; absent where not asked for. */
  note?: string | null;
}

/** What a request asks for, as the asked organization's ("its sourcing"): the requester's words. */
export const ACCESS_SCOPE_LABELS: Record<AccessScope, string> = {
  SOURCING: 'its sourcing',
  DISCLOSURES: 'its disclosures',
  BOTH: 'its sourcing and its disclosures',
};

/** The same, told to the asked organization itself: "your sourcing" (its own would read as the requester's). */
export const yourScope = (scope: AccessScope): string =>
  ACCESS_SCOPE_LABELS[scope].replaceAll('its ', 'your ');

export interface AccessRequest {
  id: string;
  requester: Party;
  target: Party;
  scope: AccessScope;
  products: string[];
  message?: string | null;
  sentAt: string;
  dueAt: string;
  /** The target has used its one extension: no other may follow. */
  extended: boolean;
  status: AccessRequestStatus;
  overdue: boolean;
  closedAt?: string | null;
  reason?: string | null;
  /** The shares granting it created, as they stand (revoked or expired since, or not). */
  shares: RequestShare[];
  /** How often the requester reminded the target; absent from a server without remindAccessRequest. */
  reminderCount?: number;
  /** When the requester last reminded the target, or null. */
  lastRemindedAt?: string | null;
  /** The earliest instant the requester may remind the target (once overdue, a day apart); null once closed. */
  nextReminderAt?: string | null;
  /**
   * Its events, asked only of a server whose AccessRequestAction has REDACTED: a party's REDACTED
   * event says that it erased its texts (the requester its message, the target its reasons), and when.
   */
  events?: AccessRequestEvent[];
}

/** The note of the requester's last reminder of `r`, or null: none, none given, or erased since. */
export const lastReminderNote = (r: Pick<AccessRequest, 'events'>): string | null =>
  (r.events ?? []).findLast((e) => e.action === 'REMINDED')?.note ?? null;

/**
 * Whether the requester may remind the target of `r` at `now`: open, overdue, and its next reminder
 * due (the server's rule, specification section 8: once a day at most, only once overdue).
 */
export const mayRemind = (
  r: Pick<AccessRequest, 'status' | 'overdue' | 'nextReminderAt'>,
  now: Date = new Date(),
): boolean =>
  r.status === 'OPEN' &&
  r.overdue &&
  typeof r.nextReminderAt === 'string' &&
  Date.parse(r.nextReminderAt) <= now.getTime();

/** Who wrote a text on a request: the requester its message, the target its reasons. */
export type RequestParty = 'requester' | 'target';

/** When `party` erased its texts on `r` (its REDACTED event), or null: not erased, or not known. */
export function textsErasedAt(
  r: Pick<AccessRequest, 'requester' | 'target' | 'events'>,
  party: RequestParty,
): string | null {
  const id = r[party].id;
  return (r.events ?? []).find((e) => e.action === 'REDACTED' && e.actorOrganization.id === id)?.at ?? null;
}

/** A share an access request's grant gave: what it shows and until when. */
export interface RequestShare {
  scope: 'SOURCING' | 'DISCLOSURES';
  expiresAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

export interface BlindSpot {
  organization: Organization;
  tier: number;
  openAccessRequest?: Pick<AccessRequest, 'id' | 'sentAt' | 'dueAt' | 'overdue' | 'scope'> | null;
}

/** The disclosed indicators per organization id, from the exposure findings. */
export function disclosedById(exposure: Exposure | null): Map<string, DisclosedIndicator[]> {
  const disclosed = new Map<string, DisclosedIndicator[]>();
  for (const f of exposure?.findings ?? []) {
    if ((f.disclosedIndicators ?? []).length > 0) disclosed.set(f.organization.id, f.disclosedIndicators!);
  }
  return disclosed;
}

/** The latest day an extension may set (`YYYY-MM-DD`): 2 calendar months after sending (contract 9). */
export function extensionLimit(request: Pick<AccessRequest, 'sentAt'>): string {
  const limit = new Date(request.sentAt);
  limit.setUTCMonth(limit.getUTCMonth() + 2);
  return limit.toISOString().slice(0, 10);
}

/** The server-side arguments (a change refetches). */
export interface Query {
  rootId: string | null;
  maxDepth: number;
  /** `YYYY-MM-DD` or empty for now. */
  asOf: string;
  product: string;
  /** Exposure only: the one topic its indicators must be about; absent or empty for every indicator. */
  topic?: RiskTopic | '';
}

/** What the dashboard shows when it opens: the viewer's own chain, every tier, now, every product. */
export const FIRST_QUERY: Readonly<Query> = { rootId: null, maxDepth: 10, asOf: '', product: '' };

/** The client-side filters (a change only redraws). */
export interface Filters {
  /** Types to show; empty shows every type. */
  types: ReadonlySet<OrganizationType>;
  /** ISO country code, or empty for all. */
  country: string;
  /** Case-insensitive part of a name or id, or empty. */
  search: string;
}

export const NO_FILTERS: Filters = { types: new Set(), country: '', search: '' };

export const TYPE_LABELS: Record<OrganizationType, string> = {
  PURCHASER: 'Purchaser',
  RESELLER: 'Reseller',
  BRAND: 'Brand',
  MANUFACTURER: 'Manufacturer',
  FACTORY: 'Factory',
  MONITOR: 'Monitor',
};

export const severityRank = (s: Severity | null | undefined): number => (s ? SEVERITIES.indexOf(s) + 1 : 0);

/** The highest severity among indicators, or null when there are none. */
export function highestSeverity(indicators: readonly { severity: Severity }[] | undefined): Severity | null {
  let best: Severity | null = null;
  for (const i of indicators ?? []) if (severityRank(i.severity) > severityRank(best)) best = i.severity;
  return best;
}

/**
 * Risk indicators per organization id: `Organization.risks` where present, else exposure findings.
 * An entry its list removed flags nothing, as in exposure: badges, counts and order leave it out.
 */
export function risksById(chain: SupplyChain, exposure: Exposure | null): Map<string, RiskIndicator[]> {
  const risks = new Map<string, RiskIndicator[]>();
  for (const tier of chain.tiers) {
    for (const o of tier.organizations) {
      const flagging = (o.risks ?? []).filter((r) => !r.delistedAt);
      if (flagging.length > 0) risks.set(o.id, flagging);
    }
  }
  for (const f of exposure?.findings ?? []) {
    if (!risks.has(f.organization.id) && f.indicators.length > 0) risks.set(f.organization.id, f.indicators);
  }
  return risks;
}

export function matches(o: Organization, filters: Filters): boolean {
  if (filters.types.size > 0 && !filters.types.has(o.type)) return false;
  if (filters.country !== '' && o.country !== filters.country) return false;
  const search = searchable(filters.search.trim());
  if (search !== '' && !searchable(o.name).includes(search) && !searchable(o.id).includes(search))
    return false;
  return true;
}

/**
 * A name as Search compares it: lower case, and composed (NFC), since an import keeps names as they
 * were written and "Göteborg" may arrive decomposed (o and a combining diaeresis, as macOS writes file
 * names), which the "ö" typed in the search box would otherwise never find. Ids too, which may hold
 * any letter: the search is composed, so an id pasted as stored, decomposed, must be as well. What
 * shows as nothing (a soft hyphen, a zero-width space) is left out and compatibility forms folded
 * (NFKC: "ＡＣＭＥ" from a Chinese register is "ACME"), so that neither hides a name from the letters
 * typed, as neither hides it from screening (src/domain/normalize-name.ts).
 */
const searchable = (text: string): string =>
  text
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .normalize('NFKC')
    .toLowerCase();

/** Each client-side filter in the words of the filter bar, as `unhide` names the ones it clears. */
const FILTER_WORDS: { part: keyof Filters; words(filters: Filters): string }[] = [
  { part: 'types', words: (f) => `Types (${[...f.types].map((t) => TYPE_LABELS[t]).join(', ')})` },
  { part: 'country', words: (f) => `Country ${f.country}` },
  { part: 'search', words: (f) => `Search “${f.search.trim()}”` },
];

/**
 * `filters` without those that hide `o`'s card (the others stay), and the cleared ones in words: what
 * "Show in the chain" needs to show an organization the user asked for.
 */
export function unhide(o: Organization, filters: Filters): { filters: Filters; cleared: string[] } {
  const hiding = FILTER_WORDS.filter(({ part }) => !matches(o, { ...NO_FILTERS, [part]: filters[part] }));
  return {
    filters: hiding.reduce<Filters>((f, { part }) => ({ ...f, [part]: NO_FILTERS[part] }), filters),
    cleared: hiding.map(({ words }) => words(filters)),
  };
}

export interface TierColumn {
  tier: number;
  /** Every organization at this tier. */
  total: number;
  /** Those that pass the filters, flagged first (most severe), then by name. */
  matching: Organization[];
  /** The first `limit` of `matching`: what is drawn. */
  shown: Organization[];
  /** matching.length - shown.length: summarised as "+K more". */
  hidden: number;
}

/** Default number of organizations drawn per tier before "+K more". */
export const DEFAULT_TIER_LIMIT = 40;

/**
 * Names in the order of the user's language (the browser's), then ids: Swedish sorts å, ä, ö after z,
 * Norwegian æ, ø, å, and neither puts "adda" after "Zeta". The API orders names by UTF-16 code units,
 * as Cypher does (src/domain/text-order.ts), which puts "Ängby" before "Åkers": a list the page shows
 * by name is sorted here. Ids the language finds equal (composed and decomposed, a soft hyphen it
 * ignores) go by code units, so that same-named organizations come in one order whatever order they came.
 */
export const byName = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  a.name.localeCompare(b.name) || a.id.localeCompare(b.id) || byText(a.id, b.id);

/**
 * One column per tier. Big tiers are aggregated: only the first `limitFor(tier)` matching organizations
 * are drawn, the rest counted, so that 5,000 organizations render as a few hundred elements.
 */
export function buildColumns(
  chain: SupplyChain,
  filters: Filters,
  risks: ReadonlyMap<string, RiskIndicator[]>,
  limitFor: (tier: number) => number = () => DEFAULT_TIER_LIMIT,
): TierColumn[] {
  const rank = (o: Organization) => severityRank(highestSeverity(risks.get(o.id)));
  return chain.tiers.map((t) => {
    const matching = t.organizations
      .filter((o) => matches(o, filters))
      .sort((a, b) => rank(b) - rank(a) || byName(a, b));
    const shown = matching.slice(0, Math.max(0, limitFor(t.tier)));
    return {
      tier: t.tier,
      total: t.organizations.length,
      matching,
      shown,
      hidden: matching.length - shown.length,
    };
  });
}

/** Countries present in the chain, sorted, for the country filter. */
export function countriesOf(chain: SupplyChain): string[] {
  return [...new Set(chain.tiers.flatMap((t) => t.organizations.map((o) => o.country)))].sort();
}

/**
 * Products on the chain's links, sorted as the user's language sorts, as suggestions for the product
 * filter (the server stores each name composed, so one written two ways by a file is one name); names
 * the language finds equal (one holding a soft hyphen) by code units, so that the list does not follow
 * the links' order.
 */
export function productsOf(chain: SupplyChain): string[] {
  return [...new Set(chain.links.flatMap((l) => l.products))].sort(
    (a, b) => a.localeCompare(b) || byText(a, b),
  );
}

/** Every organization of the chain by id, the root included. */
export function organizationsById(chain: SupplyChain): Map<string, Organization> {
  const byId = new Map<string, Organization>([[chain.root.id, chain.root]]);
  for (const t of chain.tiers) for (const o of t.organizations) byId.set(o.id, o);
  return byId;
}

export function tierById(chain: SupplyChain): Map<string, number> {
  const tiers = new Map<string, number>([[chain.root.id, 0]]);
  for (const t of chain.tiers) for (const o of t.organizations) tiers.set(o.id, t.tier);
  return tiers;
}

/** How many ways to one organization the details panel lists, shortest first. */
export const PATHS_SHOWN = 20;

/**
 * Up to `limit` simple paths through the chain's links from the root to `id`, shortest first, each root
 * first (the root's own: one path of itself); none when the links do not connect it. Every link of the
 * chain drawn is one the viewer may see, so these are the ways `paths` answers, found on the client.
 */
export function pathsToRoot(chain: SupplyChain, id: string, limit: number): Organization[][] {
  // The details panel is redrawn as each part of the page arrives; on a big chain with cycles the
  // search takes a tenth of a second, so a chain keeps what was found in it.
  const found = pathsFound.get(chain) ?? new Map<string, Organization[][]>();
  pathsFound.set(chain, found);
  const key = `${limit} ${id}`;
  const known = found.get(key);
  if (known !== undefined) return known;
  const paths = searchPaths(chain, id, limit);
  found.set(key, paths);
  return paths;
}

const pathsFound = new WeakMap<SupplyChain, Map<string, Organization[][]>>();

function searchPaths(chain: SupplyChain, id: string, limit: number): Organization[][] {
  if (id === chain.root.id) return [[chain.root]];
  const byId = organizationsById(chain);
  const ends = chain.links.map((l) => ({ id: l.id, supplierId: l.supplier.id, customerId: l.customer.id }));
  return shortestSimplePaths(chain.root.id, id, ends, MAX_DEPTH, limit).flatMap((links) => {
    const path = [chain.root];
    for (const link of links) {
      const supplier = byId.get(link.supplierId);
      if (supplier === undefined) return [];
      path.push(supplier);
    }
    return [path];
  });
}

/** A shortest path through the chain's links from the root to `id`, root first; null if none. */
export const pathToRoot = (chain: SupplyChain, id: string): Organization[] | null =>
  pathsToRoot(chain, id, 1)[0] ?? null;

/** The links in which `id` is the supplier (who it supplies) and the customer (who supplies it). */
export function linksOf(
  chain: SupplyChain,
  id: string,
): { customers: SupplyLink[]; suppliers: SupplyLink[] } {
  return {
    customers: chain.links.filter((l) => l.supplier.id === id),
    suppliers: chain.links.filter((l) => l.customer.id === id),
  };
}

/**
 * The CSV format for a spreadsheet in `locale` (a BCP 47 tag such as navigator.language). Switzerland
 * and Liechtenstein write decimals with a point but separate lists with `;`, as their neighbours do.
 */
export function csvFormatFor(locale: string): CsvFormat {
  let decimal: string | undefined;
  let region: string | undefined;
  try {
    decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    return CSV_COMMAS;
  }
  if (decimal === ',') return { separator: ';', decimal: ',' };
  return region === 'CH' || region === 'LI' ? { separator: ';', decimal: '.' } : CSV_COMMAS;
}

/**
 * The CSV dialects the page offers, by the spreadsheets that read them. csvFormatFor guesses from the
 * browser's language, but Excel splits a file opened by a double-click at the list separator of the
 * computer's region, which a page cannot read: a Swedish buyer with an English browser and Swedish
 * region settings needs semicolons all the same, so she may say so (the Export controls' "CSV for").
 */
export const CSV_DIALECTS = [
  { value: 'comma', label: 'Commas, decimal points (English)', format: CSV_COMMAS },
  {
    value: 'semicolon',
    label: 'Semicolons, decimal commas (Swedish, German…)',
    format: { separator: ';', decimal: ',' },
  },
  {
    value: 'semicolon-point',
    label: 'Semicolons, decimal points (Swiss)',
    format: { separator: ';', decimal: '.' },
  },
] as const satisfies readonly { value: string; label: string; format: CsvFormat }[];

/** The offered dialect that writes `format`. */
export const csvDialectOf = (format: CsvFormat): string =>
  CSV_DIALECTS.find((d) => d.format.separator === format.separator && d.format.decimal === format.decimal)
    ?.value ?? 'comma';

/** The format of an offered dialect; RFC 4180's for any other value. */
export const csvFormatOfDialect = (value: string): CsvFormat =>
  CSV_DIALECTS.find((d) => d.value === value)?.format ?? CSV_COMMAS;

/** A CSV cell: quoted when needed, and defused when a spreadsheet could read it as a formula. */
export function csvCell(value: string | number | null | undefined, format: CsvFormat = CSV_COMMAS): string {
  if (typeof value === 'number') return csvNumber(value, format);
  // The formula guard is for text: a number (a negative contribution) must stay one to add up.
  const text = defusedFormula(value ?? '');
  return /["\r\n]/.test(text) || text.includes(format.separator) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line of `cells` in `format`. */
export const csvLine = (cells: readonly (string | number | null | undefined)[], format: CsvFormat): string =>
  cells.map((cell) => csvCell(cell, format)).join(format.separator);

const CSV_HEADER = [
  'tier',
  'id',
  'name',
  'type',
  'country',
  'provenance',
  'highest_risk',
  'risk_sources',
  'disclosed_risk',
  'disclosed_by',
  'supplies_to',
] as const;

/**
 * The visible chain as CSV (RFC 4180, CRLF): the root and every organization that passes the filters
 * (all of them, also those summarised as "+K more"), with its public risks, what disclosures shared
 * with the viewer flag (the cards' disclosed badge), and its customers in the chain.
 */
export function chainToCsv(
  chain: SupplyChain,
  columns: readonly TierColumn[],
  risks: ReadonlyMap<string, RiskIndicator[]>,
  disclosed: ReadonlyMap<string, DisclosedIndicator[]> = new Map(),
  format: CsvFormat = CSV_COMMAS,
): string {
  const customers = new Map<string, Set<string>>();
  for (const l of chain.links) {
    const set = customers.get(l.supplier.id) ?? new Set<string>();
    set.add(l.customer.id);
    customers.set(l.supplier.id, set);
  }
  const row = (tier: number, o: Organization) => {
    const indicators = risks.get(o.id) ?? [];
    const flagged = disclosed.get(o.id) ?? [];
    return csvLine(
      [
        tier,
        o.id,
        o.name,
        o.type,
        o.country,
        o.provenance ?? '',
        highestSeverity(indicators) ?? '',
        [...new Set(indicators.map(riskSource))].join('; '),
        highestSeverity(flagged) ?? '',
        [...new Set(flagged.map((i) => i.disclosure.owner.name))].join('; '),
        [...(customers.get(o.id) ?? [])].sort().join(' '),
      ],
      format,
    );
  };
  const lines = [CSV_HEADER.join(format.separator), row(0, chain.root)];
  for (const column of columns) for (const o of column.matching) lines.push(row(column.tier, o));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The As of days the dashboard sends: a window of plausible days inside what the server reads
 * (0100-01-01..9999-12-31), so a slip of the date picker (year 0001 or 275760) is caught here.
 */
export const AS_OF_MIN = '1900-01-01';
export const AS_OF_MAX = '2100-12-31';
/** The server's limit on a product name (src/domain/chain-arguments.ts). */
export const PRODUCT_MAX = 200;

/** Why an As of day (`YYYY-MM-DD`, empty for now) is not sent, or null when it is fine. */
export function asOfProblem(value: string): string | null {
  // Four-digit years only, so that the comparison of the texts is the comparison of the days.
  const fine =
    value === '' || (/^\d{4}-\d{2}-\d{2}$/.test(value) && value >= AS_OF_MIN && value <= AS_OF_MAX);
  return fine ? null : `Choose a date between ${AS_OF_MIN} and ${AS_OF_MAX}.`;
}

/** The server-side filters of a query in words ("as of 2016-06-01", "product “laptops”"), if any. */
export const queryFilters = (q: Query): string[] =>
  [q.asOf && `as of ${q.asOf}`, q.product.trim() && `product “${q.product.trim()}”`].filter(
    (f): f is string => Boolean(f),
  );

/**
 * Of an As of day after today (UTC), what the view then shows: the server answers what will hold on that
 * day if nothing recorded so far changes (specification, section 2), which the past-tense words of the
 * panels ("as they stood", "overdue") would otherwise pass off as history. Null for today, a past day or none.
 */
export function asOfAhead(asOf: string, today = new Date().toISOString().slice(0, 10)): string | null {
  if (asOf === '' || asOf <= today) return null;
  return `${asOf} is still to come: this shows what will hold then if nothing recorded so far changes.`;
}

/** Why a product filter is not sent, or null when it is fine. */
export const productProblem = (value: string): string | null =>
  value.trim().length > PRODUCT_MAX ? `A product name has at most ${PRODUCT_MAX} characters.` : null;

/** "1 organization", "3 organizations". */
export const plural = (n: number, word: string): string =>
  `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * What the viewer can do about a blind spot (contract 7: says nothing about whether it has suppliers),
 * in the page's words: the server's recommendation names the API (requestAccess) and raw instants.
 */
export const blindSpotAdvice = (spot: Pick<BlindSpot, 'organization' | 'openAccessRequest'>): string =>
  spot.openAccessRequest
    ? `Until your request is granted, nothing behind ${isolate(spot.organization.name)} is visible.`
    : `Ask ${isolate(spot.organization.name)} to share its sourcing with you: until it does, nothing behind it is visible.`;

/** Products typed into one field, comma-separated, as the API takes them: trimmed, empty ones dropped. */
export const productList = (text: string): string[] =>
  text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
