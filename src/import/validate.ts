// Validates a whole tiersight/v1 file before anything is written (specification, section 6): every bad
// record is reported with its array and index, and references may point at records later in the file
// or, for an incremental import, at what the database already holds.
import {
  FORMAT_V1,
  type DisclosureRecord,
  type LinkRecord,
  type MergeRecord,
  type OrganizationRecord,
  type RiskRecord,
  type ScreeningCandidateRecord,
  type ShareRecord,
} from '../domain/format.ts';
import {
  checkLink,
  checkMerge,
  checkOrganization,
  checkRisk,
  checkScreeningCandidate,
  checkShare,
  type Checked,
} from './record-rules.ts';
import { checkDisclosure, unstatedPublication } from './disclosure-rules.ts';
import { SECTIONS, sectionCounts, type ItemSource, type Section } from './read-records.ts';
import {
  AccessRequestIndex,
  checkAccessRequest,
  type OpenRequest,
  type RequestTriple,
  type ShareEnds,
  type StoredErasure,
} from './access-request-rules.ts';
import type { AccessRequestRecord } from '../domain/access-requests.ts';
import { quote, quoteList } from '../domain/quote.ts';
import { noRoomForVersion, redactedContent, sameContent, type StoredVersion } from '../domain/disclosures.ts';
import { parseInstant } from '../domain/instants.ts';

export interface Problem {
  section: Section | null;
  index?: number;
  id?: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.section === null ? 'file' : `${problem.section}[${problem.index}]`;
  const id = problem.id ? ` (id ${quote(problem.id)})` : '';
  return `${where}${id}: ${problem.message}`;
}

/** What the database already holds, for references the file makes but does not define. */
export interface ExistingGraph {
  organizationIds(ids: string[]): Promise<Set<string>>;
  /** Link id -> id of its customer, for the ids that exist. */
  linkCustomers(ids: string[]): Promise<Map<string, string>>;
  /** Of `links`, those stored with another supplier or customer: link id -> what the store holds. */
  movedLinks(links: { id: string; supplier: string; customer: string }[]): Promise<Map<string, MovedLink>>;
  /** The ids that name a MONITOR. */
  monitors(ids: string[]): Promise<Set<string>>;
  /** Organization id -> the ids of its supply links (either end), for the ids that have some. */
  supplyLinksOf(ids: string[]): Promise<Map<string, string[]>>;
  /** Organization id -> the ids of the findings it recorded, for every organization that recorded some. */
  findingRecorders(): Promise<Map<string, string[]>>;
  /** Share id -> its owner and recipient, for the ids that exist. */
  shareEnds(ids: string[]): Promise<ShareEnds>;
  /** Which of the (supplier, customer) pairs have a link, whatever its dates, as `supplier>customer` keys. */
  linkedPairs(pairs: { supplier: string; customer: string }[]): Promise<Set<string>>;
  /** Disclosure id -> id of its owner, for the ids that exist. */
  disclosureOwners(ids: string[]): Promise<Map<string, string>>;
  /** Access request id -> the erasures (REDACTED events) the database holds of it, for the ids that have some. */
  requestErasures(ids: string[]): Promise<Map<string, StoredErasure[]>>;
  /** tripleKey -> the OPEN access request that holds it, for the triples that have one. */
  openAccessRequests(triples: RequestTriple[]): Promise<Map<string, OpenRequest>>;
  /** Merged id -> the organization it resolves to, for the ids a merge left behind. */
  mergedIds(ids: string[]): Promise<Map<string, string>>;
  /** Disclosure id -> what the database holds of it, for the ids that exist. */
  storedDisclosures(ids: string[]): Promise<Map<string, StoredDisclosureState>>;
}

/** A stored link the file gives other ends, as the store holds it. */
export interface MovedLink {
  supplier: string;
  customer: string;
  /** When the customer changes: the shares of the stored customer that list the link. */
  shareIds: string[];
  /** The disclosures the stored customer published about the stored supplier. */
  disclosureIds: string[];
  /** Every stored link from the stored supplier to the stored customer, this one included. */
  pairLinkIds: string[];
}

/** A stored disclosure, as far as a record of the same id must agree with it. */
export interface StoredDisclosureState {
  owner: string;
  subject: string;
  publishedAt: string;
  /** When its version 1 was recorded. */
  firstRecordedAt: string;
  /** Its versions whose texts its owner erased (redactDisclosureVersion), oldest first. */
  redacted: { version: number; recordedAt: string; redactedAt: string }[];
  current: StoredVersion;
}

/** The record type of each section of a file. */
export interface SectionRecords {
  organizations: OrganizationRecord;
  links: LinkRecord;
  shares: ShareRecord;
  risks: RiskRecord;
  accessRequests: AccessRequestRecord;
  disclosures: DisclosureRecord;
  merges: MergeRecord;
  screeningCandidates: ScreeningCandidateRecord;
}

/**
 * A record of the file that passed its checks, as a writer takes it: its section says its type (one of
 * the sections in S, any by default).
 */
export type CheckedRecord<S extends Section = Section> = {
  [K in S]: { section: K; record: SectionRecords[K] };
}[S];

/**
 * The key of a (supplier, customer) pair in ExistingGraph.linkedPairs: the supplier's length keeps any
 * two pairs apart, and costs less than JSON for the half million links of a 100k-organization file.
 */
export const pairKey = (supplier: string, customer: string) => `${supplier.length}:${supplier}${customer}`;

export interface ValidationResult {
  counts: Record<Section, number>;
  /** The first problems in file order (at most `maxProblems`). */
  problems: Problem[];
  problemCount: number;
  /** The order in which sections appear in the file, for the writer. */
  sectionOrder: Section[];
}

/** `importedAt`: the import's instant, which no recording time in the file may be after. */
const CHECKERS: { [S in Section]: (value: unknown, importedAt?: Date) => Checked<SectionRecords[S]> } = {
  organizations: checkOrganization,
  links: checkLink,
  shares: checkShare,
  risks: checkRisk,
  accessRequests: checkAccessRequest,
  disclosures: checkDisclosure,
  merges: checkMerge,
  screeningCandidates: checkScreeningCandidate,
};

/** `value` checked as a record of `section`: the record with its section, or the problems found. */
export function checkRecord<S extends Section>(
  section: S,
  value: unknown,
  importedAt?: Date,
): { checked: CheckedRecord<S>; problems: [] } | { checked: null; problems: string[] } {
  const { record, problems } = CHECKERS[section](value, importedAt);
  return record === null ? { checked: null, problems } : { checked: { section, record }, problems: [] };
}

interface PendingOrganization {
  section: Section;
  index: number;
  id: string;
  field: string;
  ref: string;
}
interface PendingLink {
  index: number;
  id: string;
  owner: string;
  linkId: string;
}
/** A reference a record makes to another record by id, with the organization that must own it. */
interface PendingDisclosure {
  index: number;
  id: string;
  owner: string;
  disclosureId: string;
}
interface PendingSubject {
  index: number;
  id: string;
  owner: string;
  subject: string;
}

class FileIndex {
  readonly organizations = new Map<string, number>();
  /** The file's organizations of type MONITOR: id -> index. */
  readonly monitors = new Map<string, number>();
  readonly links = new Map<string, { index: number; supplier: string; customer: string }>();
  readonly shares = new Map<string, number>();
  readonly risks = new Map<string, number>();
  /** The findings of the file (risks with a recordedBy), whose recorder must be a MONITOR. */
  readonly findings: { index: number; id: string; recordedBy: string }[] = [];
  readonly accessRequests = new Map<string, number>();
  readonly shareEnds: ShareEnds = new Map();
  readonly requestRules = new AccessRequestIndex();
  /** With the record itself, which a disclosure the database holds is compared with (resolve). */
  readonly disclosures = new Map<string, { index: number; owner: string; record: DisclosureRecord }>();
  readonly merges = new Map<string, { index: number; into: string }>();
  readonly screeningCandidates = new Map<string, number>();
  /** pairKey(supplier, customer) of every link in the file. */
  readonly linkPairs = new Set<string>();
  readonly pendingOrganizations: PendingOrganization[] = [];
  readonly pendingLinks: PendingLink[] = [];
  readonly pendingDisclosures: PendingDisclosure[] = [];
  readonly pendingSubjects: PendingSubject[] = [];
  /** pairKey(supplier, customer) of the stored pairs the file moves every link away from. */
  private vacatedPairs = new Set<string>();
  readonly problems: Problem[] = [];
  problemCount = 0;

  constructor(private readonly maxProblems: number) {}

  report(problem: Problem): void {
    this.problemCount++;
    if (this.problems.length < this.maxProblems) this.problems.push(problem);
  }

  claim(ids: Map<string, unknown>, section: Section, index: number, id: string, value: unknown): boolean {
    const first = ids.get(id);
    if (first !== undefined) {
      const firstIndex = typeof first === 'number' ? first : (first as { index: number }).index;
      this.report({ section, index, id, message: `duplicate id: ${section}[${firstIndex}] has the same id` });
      return false;
    }
    ids.set(id, value);
    return true;
  }

  organization(section: Section, index: number, id: string, field: string, ref: string): void {
    if (!this.organizations.has(ref)) this.pendingOrganizations.push({ section, index, id, field, ref });
  }

  /** An audit trail's actors name organizations too: the API shows each event's as one. */
  private actors(
    section: Section,
    index: number,
    id: string,
    events: readonly { actorOrganizationId: string }[] | null | undefined,
  ): void {
    (events ?? []).forEach((event, i) =>
      this.organization(section, index, id, `events[${i}].actorOrganizationId`, event.actorOrganizationId),
    );
  }

  add(item: CheckedRecord, index: number): void {
    const { section } = item;
    switch (item.section) {
      case 'organizations': {
        const org = item.record;
        if (this.claim(this.organizations, section, index, org.id, index) && org.type === 'MONITOR')
          this.monitors.set(org.id, index);
        break;
      }
      case 'links': {
        const link = item.record;
        const { supplier, customer } = link;
        if (!this.claim(this.links, section, index, link.id, { index, supplier, customer })) break;
        this.linkPairs.add(pairKey(link.supplier, link.customer));
        this.organization(section, index, link.id, 'supplier', link.supplier);
        this.organization(section, index, link.id, 'customer', link.customer);
        this.actors(section, index, link.id, link.events);
        break;
      }
      case 'shares': {
        const share = item.record;
        if (!this.claim(this.shares, section, index, share.id, index)) break;
        this.shareEnds.set(share.id, { owner: share.owner, recipient: share.recipient });
        this.organization(section, index, share.id, 'owner', share.owner);
        this.organization(section, index, share.id, 'recipient', share.recipient);
        this.actors(section, index, share.id, share.events);
        for (const linkId of share.linkIds ?? []) {
          this.pendingLinks.push({ index, id: share.id, owner: share.owner, linkId });
        }
        for (const disclosureId of share.disclosureIds ?? []) {
          this.pendingDisclosures.push({ index, id: share.id, owner: share.owner, disclosureId });
        }
        break;
      }
      case 'risks': {
        const risk = item.record;
        if (!this.claim(this.risks, section, index, risk.id, index)) break;
        this.organization(section, index, risk.id, 'organization', risk.organization);
        if (risk.recordedBy !== undefined) {
          this.organization(section, index, risk.id, 'recordedBy', risk.recordedBy);
          this.findings.push({ index, id: risk.id, recordedBy: risk.recordedBy });
        }
        break;
      }
      case 'accessRequests': {
        const request = item.record;
        if (!this.claim(this.accessRequests, section, index, request.id, index)) break;
        this.organization(section, index, request.id, 'requester', request.requester);
        this.organization(section, index, request.id, 'target', request.target);
        this.actors(section, index, request.id, request.events);
        this.requestRules.add(index, request);
        break;
      }
      case 'disclosures': {
        const disclosure = item.record;
        const { id, owner, subject } = disclosure;
        if (!this.claim(this.disclosures, section, index, id, { index, owner, record: disclosure })) break;
        this.organization(section, index, id, 'owner', owner);
        this.organization(section, index, id, 'subject', subject);
        if (subject !== owner) this.pendingSubjects.push({ index, id, owner, subject });
        break;
      }
      case 'screeningCandidates': {
        const candidate = item.record;
        if (!this.claim(this.screeningCandidates, section, index, candidate.id, index)) break;
        this.organization(section, index, candidate.id, 'organization', candidate.organization);
        break;
      }
      case 'merges': {
        const merge = item.record;
        if (!this.claim(this.merges, section, index, merge.id, { index, into: merge.into })) break;
        this.organization(section, index, merge.id, 'into', merge.into);
        break;
      }
    }
  }

  /** Resolves references to records later in the file, then to the database. */
  async resolve(existing: ExistingGraph | null, importedAt: Date): Promise<void> {
    const unresolvedShares = this.requestRules.unresolvedShares(this.shareEnds);
    const knownShares =
      existing && unresolvedShares.length > 0 ? await existing.shareEnds(unresolvedShares) : new Map();
    const openTriples = this.requestRules.openTriples();
    const openInDatabase =
      existing && openTriples.length > 0
        ? await existing.openAccessRequests(openTriples)
        : new Map<string, OpenRequest>();
    const requestIds = this.requestRules.requestIds();
    const storedErasures =
      existing && requestIds.length > 0
        ? await existing.requestErasures(requestIds)
        : new Map<string, StoredErasure[]>();
    const requestProblems = [
      ...this.requestRules.problems,
      ...this.requestRules.storedErasureProblems(storedErasures),
      ...this.requestRules.resolve(this.shareEnds, knownShares, existing !== null),
      ...this.requestRules.collisions(openInDatabase),
    ];
    for (const problem of requestProblems) this.report({ section: 'accessRequests', ...problem });
    const unresolvedOrgs = this.pendingOrganizations.filter((p) => !this.organizations.has(p.ref));
    const knownOrgs = existing
      ? await existing.organizationIds([...new Set(unresolvedOrgs.map((p) => p.ref))])
      : new Set<string>();
    for (const p of unresolvedOrgs) {
      if (knownOrgs.has(p.ref)) continue;
      this.report({
        section: p.section,
        index: p.index,
        id: p.id,
        message: `${p.field} ${quote(p.ref)} is not an organization in the file${existing ? ' or the database' : ''}`,
      });
    }
    const unresolvedLinks = [
      ...new Set(this.pendingLinks.filter((p) => !this.links.has(p.linkId)).map((p) => p.linkId)),
    ];
    const knownLinks = existing ? await existing.linkCustomers(unresolvedLinks) : new Map<string, string>();
    for (const p of this.pendingLinks) {
      const customer = this.links.get(p.linkId)?.customer ?? knownLinks.get(p.linkId);
      const at = { section: 'shares' as const, index: p.index, id: p.id };
      if (customer === undefined) {
        this.report({
          ...at,
          message: `linkIds: ${quote(p.linkId)} is not a link in the file${existing ? ' or the database' : ''}`,
        });
      } else if (customer !== p.owner) {
        this.report({
          ...at,
          message: `linkIds: link ${quote(p.linkId)} has customer ${quote(customer)}, not the owner ${quote(p.owner)}; a share covers only the owner's own sourcing`,
        });
      }
    }
    if (existing) await this.resolveMovedLinks(existing);
    await this.resolveDisclosures(existing);
    if (existing) await this.resolveStoredDisclosures(existing, importedAt);
    await this.resolveMerges(existing);
    await this.resolveMonitors(existing, knownOrgs);
  }

  /**
   * Link records that give stored links other ends. A share covers only its owner's own sourcing (the
   * contract, section 5, refuses a share record that covers another organization's link), and a
   * disclosure's subject is its owner or a supplier of it (a link, any dates): a link moved away from
   * its customer, or the last link moved away from a disclosure's subject and owner, would leave the
   * database holding what the import refuses of a file, and a backup of it would not restore. So the
   * link is refused, unless the file restates each such share (its linkIds are then checked as the
   * file's) or keeps a link from the subject to the owner. A pair the file moves every link away from
   * links nothing for the file's own disclosures either (resolveDisclosures).
   */
  private async resolveMovedLinks(existing: ExistingGraph): Promise<void> {
    this.vacatedPairs = new Set();
    if (this.links.size === 0) return;
    const moved = await existing.movedLinks(
      [...this.links].map(([id, { supplier, customer }]) => ({ id, supplier, customer })),
    );
    const lastAway = new Map<string, { id: string; index: number; stored: MovedLink }>();
    for (const [id, stored] of moved) {
      const link = this.links.get(id);
      if (link === undefined) continue;
      const shares = stored.shareIds.filter((shareId) => !this.shares.has(shareId));
      if (shares.length > 0) {
        const one = shares.length === 1;
        this.report({
          section: 'links',
          index: link.index,
          id,
          message:
            `customer ${quote(link.customer)} is not the customer ${quote(stored.customer)} whose ` +
            `${one ? 'share' : 'shares'} ${quoteList(shares)} ${one ? 'lists' : 'list'} the link: a share covers ` +
            `only its owner's own sourcing; keep the customer, or restate ${one ? 'that share' : 'those shares'} ` +
            `in the file without the link`,
        });
      }
      const pair = pairKey(stored.supplier, stored.customer);
      if (this.linkPairs.has(pair) || stored.pairLinkIds.some((other) => !this.links.has(other))) continue;
      this.vacatedPairs.add(pair);
      if ((lastAway.get(pair)?.index ?? -1) < link.index)
        lastAway.set(pair, { id, index: link.index, stored });
    }
    for (const { id, index, stored } of lastAway.values()) {
      // A disclosure the file restates is judged with the file's (resolveDisclosures).
      const about = stored.disclosureIds.filter((disclosureId) => !this.disclosures.has(disclosureId));
      if (about.length === 0) continue;
      const [subject, owner] = [quote(stored.supplier), quote(stored.customer)];
      const one = about.length === 1;
      this.report({
        section: 'links',
        index,
        id,
        message:
          `it was the last link from ${subject} to ${owner}, and ${one ? 'disclosure' : 'disclosures'} ` +
          `${quoteList(about)} of ${owner} ${one ? 'is' : 'are'} about ${subject}: a disclosure's subject is ` +
          `its owner or a supplier of it; keep a link from ${subject} to ${owner} in the file (one that ended will do)`,
      });
    }
  }

  /**
   * A MONITOR has no supply links (specification, section 1), and the API refuses one at either end of
   * a link: so does an import, whether the file or the database says the organization is a MONITOR
   * (the file's type wins: it is the one the import stores). An organization the file makes a MONITOR
   * may not keep a link the database holds either, unless the file moves that link to other ends. And
   * only a MONITOR records findings (section 13): a finding's recordedBy is shown to every viewer of its
   * organization, so it may not name any other.
   */
  private async resolveMonitors(existing: ExistingGraph | null, stored: ReadonlySet<string>): Promise<void> {
    const outside = new Set<string>();
    for (const { supplier, customer } of this.links.values())
      for (const end of [supplier, customer]) if (!this.organizations.has(end)) outside.add(end);
    for (const { recordedBy } of this.findings)
      if (!this.organizations.has(recordedBy)) outside.add(recordedBy);
    const storedMonitors =
      existing && outside.size > 0 ? await existing.monitors([...outside]) : new Set<string>();
    const isMonitor = (id: string) =>
      this.organizations.has(id) ? this.monitors.has(id) : storedMonitors.has(id);
    for (const [id, link] of this.links)
      for (const end of ['supplier', 'customer'] as const)
        if (isMonitor(link[end]))
          this.report({
            section: 'links',
            index: link.index,
            id,
            message: `${end} ${quote(link[end])} names a MONITOR, which has no supply links`,
          });
    // An organization in neither the file nor the database is reported as such (resolve).
    const known = (id: string) => this.organizations.has(id) || stored.has(id);
    for (const { index, id, recordedBy } of this.findings)
      if (known(recordedBy) && !isMonitor(recordedBy))
        this.report({
          section: 'risks',
          index,
          id,
          message: `recordedBy ${quote(recordedBy)} is no MONITOR: only a MONITOR records findings`,
        });
    if (existing === null) return;
    await this.resolveStoredFindings(existing);
    if (this.monitors.size === 0) return;
    const storedLinks = await existing.supplyLinksOf([...this.monitors.keys()]);
    for (const [id, index] of this.monitors) {
      const kept = (storedLinks.get(id) ?? []).filter((linkId) => !this.links.has(linkId));
      if (kept.length === 0) continue;
      this.report({
        section: 'organizations',
        index,
        id,
        message:
          `type MONITOR: a MONITOR has no supply links, and the database holds ` +
          `${kept.length === 1 ? 'supply link' : `${kept.length} supply links`} ${quoteList(kept)} of ${quote(id)}; ` +
          `give it the type it trades as, or move ${kept.length === 1 ? 'that link' : 'those links'} to other ends in the file`,
      });
    }
  }

  /**
   * An organization the file gives another type than MONITOR may not keep findings it recorded in the
   * database (only a MONITOR records them, and a backup of them would not restore), unless the file
   * records those findings anew. And a risk of the file that the database holds as a finding names its
   * recorder: without, the upsert would make it nobody's, and clear a withdrawal that no monitor could
   * then make again. Monitors record few findings: they are read whole, not per organization.
   */
  private async resolveStoredFindings(existing: ExistingGraph): Promise<void> {
    const recorders = await existing.findingRecorders();
    const recordedInFile = new Set(this.findings.map((f) => f.id));
    for (const [recorder, findings] of recorders)
      for (const id of findings) {
        const index = this.risks.get(id);
        if (index === undefined || recordedInFile.has(id)) continue;
        this.report({
          section: 'risks',
          index,
          id,
          message: `the database holds it as a finding of ${quote(recorder)}: give its recordedBy (a MONITOR) and recordedByUserId`,
        });
      }
    for (const [id, findings] of recorders) {
      const index = this.organizations.get(id);
      if (index === undefined || this.monitors.has(id)) continue;
      const kept = findings.filter((findingId) => !this.risks.has(findingId));
      if (kept.length === 0) continue;
      const those = kept.length === 1 ? 'that finding' : 'those findings';
      this.report({
        section: 'organizations',
        index,
        id,
        message:
          `type: only a MONITOR records findings, and the database holds ` +
          `${kept.length === 1 ? 'finding' : `${kept.length} findings`} ${quoteList(kept)} of ${quote(id)}; ` +
          `keep its type MONITOR, or give ${those} another recordedBy in the file`,
      });
    }
  }

  /**
   * A merged id is no organization's id: not in the file, nor (without --reset) in the database, whose
   * merged ids no organization record may take either (lookups of that id would never reach it).
   */
  private async resolveMerges(existing: ExistingGraph | null): Promise<void> {
    const inFile = [...this.merges].filter(([id]) => !this.organizations.has(id));
    for (const [id, { index }] of this.merges) {
      if (!this.organizations.has(id)) continue;
      this.report({
        section: 'merges',
        index,
        id,
        message: `${quote(id)} is also organizations[${this.organizations.get(id)}]: a merged id is no organization's id`,
      });
    }
    if (existing === null) return;
    const organizations = await existing.organizationIds(inFile.map(([id]) => id));
    for (const [id, { index }] of inFile) {
      if (!organizations.has(id)) continue;
      this.report({
        section: 'merges',
        index,
        id,
        message: `${quote(id)} is an organization in the database: a merged id is no organization's id`,
      });
    }
    const merged = await existing.mergedIds(
      [...this.organizations.keys()].filter((id) => !this.merges.has(id)),
    );
    for (const [id, into] of merged) {
      this.report({
        section: 'organizations',
        index: this.organizations.get(id) ?? 0,
        id,
        message: `${quote(id)} was merged into ${quote(into)}; name that organization instead (its old id resolves to it)`,
      });
    }
  }

  /**
   * A record of a disclosure the database holds names its owner and subject, and must leave it exportable (a tiersight/v1 record keeps
   * its versions oldest first, none recorded before publishedAt, at most MAX_EARLIER_VERSIONS before
   * the current one): a version it adds follows the stored current one in time, and a publishedAt it
   * states is not after the stored first version (a record with `history` replaces the versions, and
   * checkDisclosure has checked them).
   */
  private async resolveStoredDisclosures(existing: ExistingGraph, importedAt: Date): Promise<void> {
    const stored = await existing.storedDisclosures([...this.disclosures.keys()]);
    for (const [id, { index, record }] of this.disclosures) {
      const state = stored.get(id);
      const refuse = (message: string) => this.report({ section: 'disclosures', index, id, message });
      if (state === undefined) {
        const unstated = unstatedPublication(record, importedAt);
        if (unstated !== null) refuse(unstated);
        continue;
      }
      // A disclosure is its owner's statement about one subject: the API never changes either, shares
      // name it by id as the owner's, and a view asOf an earlier instant showed it about its subject.
      const moved = (['owner', 'subject'] as const).filter((end) => record[end] !== state[end]);
      for (const end of moved)
        refuse(
          `${end} ${quote(record[end])} is not the stored ${end} ${quote(state[end])}: a disclosure keeps its owner ` +
            `and subject; publish one about ${quote(record.subject)} under a new id (and withdraw this one)`,
        );
      if (moved.length > 0) continue;
      // Only a withdrawn disclosure's current version is redacted: a live record restating it would
      // show it, empty, to the disclosure's readers again (or its texts, were they kept).
      const restated = record.history ? record.history.length + 1 : state.current.version;
      const erased = state.redacted.find(
        (v) =>
          v.version === restated &&
          (!record.history ||
            parseInstant(record.recordedAt ?? '')?.getTime() === new Date(v.recordedAt).getTime()),
      );
      if (record.withdrawnAt === null && erased !== undefined && !record.redactedAt) {
        refuse(
          `version ${erased.version} of disclosure ${quote(id)}, its current one, was redacted at ${erased.redactedAt}: ` +
            `a record that is not withdrawn would show it to its readers again; state its withdrawnAt, or leave the record out`,
        );
        continue;
      }
      if (record.history) {
        const first = record.history[0]?.recordedAt ?? record.recordedAt;
        if (
          record.publishedAt === null &&
          first !== null &&
          parseInstant(first)! < new Date(state.publishedAt)
        )
          refuse(
            `the first version's recordedAt ${first} is before the stored publishedAt ${state.publishedAt}; state publishedAt`,
          );
        continue;
      }
      if (record.publishedAt !== null && parseInstant(record.publishedAt)! > new Date(state.firstRecordedAt))
        refuse(
          `publishedAt ${record.publishedAt} is after the stored first version's recordedAt ${state.firstRecordedAt}; a disclosure is published by its first version`,
        );
      if (sameContent(state.current, record)) continue;
      // Its redacted current version restated with its texts: the import keeps the redaction.
      if (state.current.redactedAt !== null && sameContent(state.current, redactedContent(record))) continue;
      const full = noRoomForVersion(id, state.current.version);
      if (full !== null) refuse(full);
      const recordedAt = record.recordedAt ?? importedAt.toISOString();
      if (parseInstant(recordedAt)! < new Date(state.current.recordedAt))
        refuse(
          `recordedAt ${recordedAt} is before the stored current version ${state.current.version} (recorded ${state.current.recordedAt}): ` +
            `other content makes a new version, which follows that one; state a later recordedAt, or none (the import's instant)`,
        );
    }
  }

  /** A disclosure's subject is its owner or a supplier of it; a share names only its owner's disclosures. */
  private async resolveDisclosures(existing: ExistingGraph | null): Promise<void> {
    const unlinked = this.pendingSubjects.filter((p) => !this.linkPairs.has(pairKey(p.subject, p.owner)));
    const linked = existing
      ? await existing.linkedPairs(unlinked.map((p) => ({ supplier: p.subject, customer: p.owner })))
      : new Set<string>();
    for (const p of unlinked) {
      const pair = pairKey(p.subject, p.owner);
      if (linked.has(pair) && !this.vacatedPairs.has(pair)) continue;
      this.report({
        section: 'disclosures',
        index: p.index,
        id: p.id,
        message: `subject ${quote(p.subject)} must be the owner ${quote(p.owner)} or one of its suppliers: no link in the file${existing ? ' or the database' : ''} has ${quote(p.subject)} as supplier and ${quote(p.owner)} as customer`,
      });
    }
    const unresolved = [
      ...new Set(
        this.pendingDisclosures
          .filter((p) => !this.disclosures.has(p.disclosureId))
          .map((p) => p.disclosureId),
      ),
    ];
    const known = existing ? await existing.disclosureOwners(unresolved) : new Map<string, string>();
    for (const p of this.pendingDisclosures) {
      const owner = this.disclosures.get(p.disclosureId)?.owner ?? known.get(p.disclosureId);
      const at = { section: 'shares' as const, index: p.index, id: p.id };
      if (owner === undefined) {
        this.report({
          ...at,
          message: `disclosureIds: ${quote(p.disclosureId)} is not a disclosure in the file${existing ? ' or the database' : ''}`,
        });
      } else if (owner !== p.owner) {
        this.report({
          ...at,
          message: `disclosureIds: disclosure ${quote(p.disclosureId)} was published by ${quote(owner)}, not the owner ${quote(p.owner)}; a share covers only the owner's own disclosures`,
        });
      }
    }
  }
}

/** A file validated: what was found, and a way to check its references against the store again. */
export interface Validation {
  result: ValidationResult;
  /**
   * The checks against the store made once more, on what validation kept of the file, for an import
   * that holds the API's writes off now (import-graph.ts): the store may have changed since. The
   * problems are those found now; call it only after a result without problems.
   */
  checkStoreAgain(existing: ExistingGraph): Promise<ValidationResult>;
}

export async function validate(
  source: ItemSource,
  options: {
    existing: ExistingGraph | null;
    maxProblems?: number;
    importedAt?: Date;
    /** Hears every record that passed its checks, in file order, as the checks made it. */
    onRecord?: (item: CheckedRecord) => void;
  },
): Promise<Validation> {
  const importedAt = options.importedAt ?? new Date();
  const index = new FileIndex(options.maxProblems ?? 10_000);
  const counts: Record<Section, number> = sectionCounts();
  const sectionOrder: Section[] = [];
  let format: unknown;
  for await (const item of source()) {
    if (item.kind === 'format') {
      format = item.value;
    } else if (item.kind === 'unexpected') {
      index.report({ section: null, message: `top-level key ${quote(item.key)} ${item.reason}` });
    } else if (item.kind === 'unreadable') {
      const { section, index: i, id, reason } = item;
      if (sectionOrder.at(-1) !== section) sectionOrder.push(section);
      counts[section]++;
      index.report({ section, index: i, ...(id ? { id } : {}), message: reason });
    } else {
      const { section, index: i, value } = item;
      if (sectionOrder.at(-1) !== section) sectionOrder.push(section);
      counts[section]++;
      const { checked, problems } = checkRecord(section, value, importedAt);
      if (checked === null) {
        const id = idOf(value);
        for (const message of problems) index.report({ section, index: i, ...(id ? { id } : {}), message });
      } else {
        index.add(checked, i);
        options.onRecord?.(checked);
      }
    }
  }
  if (format !== FORMAT_V1) {
    index.report({ section: null, message: `format must be "${FORMAT_V1}", got ${quote(format)}` });
  }
  const result = async (existing: ExistingGraph | null): Promise<ValidationResult> => {
    await index.resolve(existing, importedAt);
    return { counts, problems: sortProblems(index.problems), problemCount: index.problemCount, sectionOrder };
  };
  return { result: await result(options.existing), checkStoreAgain: result };
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as Record<string, unknown>)['id'];
  return typeof id === 'string' && id.length <= 200 ? id : undefined;
}

const SECTION_RANK = new Map<Section | null, number>([
  [null, -1],
  ...SECTIONS.map((s, i) => [s, i] as const),
]);

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) => SECTION_RANK.get(a.section)! - SECTION_RANK.get(b.section)! || (a.index ?? 0) - (b.index ?? 0),
  );
}
