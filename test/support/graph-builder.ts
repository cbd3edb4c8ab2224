// Seed builders for tests: a small fluent way to write tiersight/v1 documents, with defaults for
// what a test does not care about.
import type {
  DisclosureActionRecord,
  DisclosureRecord,
  DisclosureVersionRecord,
  LinkRecord,
  OrganizationRecord,
  OrganizationType,
  RiskRecord,
  ShareRecord,
  TiersightFile,
} from '../../src/domain/format.ts';

export class GraphBuilder {
  private readonly organizations: OrganizationRecord[] = [];
  private readonly links: LinkRecord[] = [];
  private readonly shares: ShareRecord[] = [];
  private readonly risks: RiskRecord[] = [];
  private readonly disclosures: DisclosureRecord[] = [];

  org(id: string, type: OrganizationType = 'MANUFACTURER', extra: Partial<OrganizationRecord> = {}): this {
    this.organizations.push({ id, name: `Org ${id}`, type, country: 'SE', ...extra });
    return this;
  }

  /**
   * `count` factories `<hub>0`, `<hub>1`, … supplying `hub`, and `alsoTo` too when given: an
   * organization with many links, so that a search that started from it would do visibly more work
   * (the rule 6 tests that a hidden id costs what a missing one does).
   */
  busySuppliers(hub: string, count: number, alsoTo?: string): this {
    for (let i = 0; i < count; i++) {
      this.org(`${hub}${i}`, 'FACTORY').link(`${hub}${i}`, hub);
      if (alsoTo !== undefined) this.link(`${hub}${i}`, alsoTo);
    }
    return this;
  }

  /** `supplier` supplies `customer`; the id defaults to `supplier>customer`. */
  link(supplier: string, customer: string, extra: Partial<LinkRecord> = {}): this {
    this.links.push({ id: `${supplier}>${customer}`, supplier, customer, products: [], ...extra });
    return this;
  }

  /** `owner` shares its sourcing (all of it, or `linkIds`) with `recipient`. */
  share(owner: string, recipient: string, extra: Partial<ShareRecord> = {}): this {
    this.shares.push({
      id: `${owner}=>${recipient}#${this.shares.length}`,
      owner,
      recipient,
      linkIds: null,
      ...extra,
    });
    return this;
  }

  risk(organization: string, extra: Partial<RiskRecord> = {}): this {
    this.risks.push({
      id: `risk-${organization}-${this.risks.length}`,
      organization,
      kind: 'REPORT',
      source: 'Test source',
      severity: 'HIGH',
      ...extra,
    });
    return this;
  }

  /** `owner` publishes a self-assessment about `subject` (itself by default); the id defaults to `d-<n>`. */
  disclosure(owner: string, subject: string = owner, extra: Partial<DisclosureRecord> = {}): this {
    const withdrawnAt = extra.withdrawnAt ?? null;
    this.disclosures.push({
      id: `d-${this.disclosures.length}`,
      owner,
      subject,
      kind: 'SELF_ASSESSMENT',
      ...disclosureVersion({ title: `About ${subject}` }),
      // A withdrawn one is published by then: the import would date an unstated publication later.
      publishedAt: withdrawnAt,
      withdrawnAt,
      ...extra,
    });
    return this;
  }

  build(): TiersightFile {
    return {
      format: 'tiersight/v1',
      organizations: [...this.organizations],
      links: [...this.links],
      shares: [...this.shares],
      risks: [...this.risks],
      disclosures: [...this.disclosures],
    };
  }
}

export const graph = () => new GraphBuilder();

/** An open HIGH corrective action `cap-1` due `dueAt`, with what a test does not care about. */
export const correctiveAction = (
  dueAt: string,
  extra: Partial<DisclosureActionRecord> = {},
): DisclosureActionRecord => ({
  id: 'cap-1',
  finding: 'Excessive overtime',
  severity: 'HIGH',
  action: 'Cap hours',
  dueAt,
  status: 'OPEN',
  verification: null,
  closedAt: null,
  ...extra,
});

/** A disclosure version's content with defaults for what a test does not care about (a `history` item). */
export const disclosureVersion = (extra: Partial<DisclosureVersionRecord> = {}): DisclosureVersionRecord => ({
  title: 'Disclosure',
  summary: null,
  issuer: null,
  standard: null,
  products: [],
  issuedAt: '2020-01-01',
  validUntil: null,
  documentUrl: null,
  documentSha256: null,
  actions: [],
  recordedAt: null,
  actorUserId: null,
  ...extra,
});

/** The rule 6 tests' viewer: purchaser v buys from reseller a, which buys from brand b. */
export const viewerChain = () =>
  graph().org('v', 'PURCHASER').org('a', 'RESELLER').org('b', 'BRAND').link('a', 'v').link('b', 'a');

/** buyer <- reseller <- brand: each may act on its own sourcing and name its direct supplier. */
export const resellerChain = () =>
  graph()
    .org('buyer', 'PURCHASER')
    .org('reseller', 'RESELLER')
    .org('brand', 'BRAND')
    .link('reseller', 'buyer')
    .link('brand', 'reseller');

/** buyer <- brand <- factory, and the monitor ew: where a monitor's findings are recorded and read. */
export const monitoredChain = () =>
  graph()
    .org('buyer', 'PURCHASER')
    .org('brand', 'BRAND')
    .org('factory', 'FACTORY')
    .org('ew', 'MONITOR')
    .link('brand', 'buyer')
    .link('factory', 'brand');

/** The dated tests' chain: purchaser v buys from factory f, a link recorded at `recordedAt`. */
export const factoryOfViewer = (recordedAt: string) =>
  graph().org('v', 'PURCHASER').org('f', 'FACTORY').link('f', 'v', { recordedAt });
