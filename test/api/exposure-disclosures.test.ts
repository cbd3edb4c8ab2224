// Exposure reads disclosures (specification, section 2, rule 8, last point; issue 12 design "Additions
// to other modules' SDL"): open and overdue HIGH/CRITICAL actions and expired evidence of visible
// disclosures are indicators of their subject, kept apart from the public ones, with the disclosure as
// reference.
import { beforeEach, describe, expect, it } from 'vitest';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const DAY = 86_400_000;
const days = (n: number) => new Date(Date.now() + n * DAY).toISOString();

const PUBLISH = `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`;
const EXPOSURE = `query($asOf: DateTime) { exposure(maxDepth: 5, asOf: $asOf) { findings {
  organization { id } tier severity indicators { id }
  disclosedIndicators { kind severity description disclosure { id kind } action { id overdue } } } } }`;

type Finding = {
  organization: { id: string };
  tier: number;
  severity: string;
  indicators: { id: string }[];
  disclosedIndicators: {
    kind: string;
    severity: string;
    description: string;
    disclosure: { id: string; kind: string };
    action: { id: string; overdue: boolean } | null;
  }[];
};
const findings = async (viewer: string, asOf?: string) => {
  const response = await t.api.query(viewer, EXPOSURE, asOf ? { asOf } : {});
  expect(response.errors).toBeUndefined();
  return (response.data!['exposure'] as { findings: Finding[] }).findings;
};

const publish = async (owner: string, input: Record<string, unknown>) => {
  const response = await t.api.query(owner, PUBLISH, { input }, [...ADMIN]);
  expect(response.errors).toBeUndefined();
  return (response.data!['publishDisclosure'] as { id: string }).id;
};

let plan: string;
let certificate: string;

beforeEach(async () => {
  // buyer <- reseller <- brand <- factory; reseller and brand share their sourcing with both buyers,
  // and brand its disclosures with buyer only.
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('other-buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .link('reseller', 'buyer')
      .link('reseller', 'other-buyer')
      .link('brand', 'reseller')
      .link('factory', 'brand')
      .share('reseller', 'buyer')
      .share('brand', 'buyer')
      .share('reseller', 'other-buyer')
      .share('brand', 'other-buyer')
      // Brand may not name buyer (a customer of its customer): the disclosure share comes by import.
      .share('brand', 'buyer', { id: 'brand-disclosures', scope: 'DISCLOSURES' })
      .build(),
  );
  plan = await publish('brand', {
    subjectId: 'factory',
    kind: 'CORRECTIVE_ACTION_PLAN',
    content: {
      title: 'Factory action plan',
      issuedAt: days(-60),
      actions: [
        { id: 'late', finding: 'Excessive overtime', severity: 'HIGH', action: 'Cap hours', dueAt: days(-5) },
        {
          id: 'open',
          finding: 'Withheld passports',
          severity: 'CRITICAL',
          action: 'Return them',
          dueAt: days(20),
        },
        { id: 'minor', finding: 'Signage', severity: 'LOW', action: 'Post signs', dueAt: days(-5) },
        {
          id: 'done',
          finding: 'Locked exits',
          severity: 'HIGH',
          action: 'Unlock',
          dueAt: days(-30),
          status: 'CLOSED',
          closedAt: days(-31),
        },
      ],
    },
  });
  certificate = await publish('brand', {
    subjectId: 'brand',
    kind: 'CERTIFICATE',
    content: { title: 'Certificate', issuedAt: days(-400), validUntil: days(-10) },
  });
});

describe('exposure with disclosures', () => {
  it('lists open and overdue serious actions and expired evidence, apart from public indicators', async () => {
    const found = await findings('buyer');
    expect(found.map((f) => [f.organization.id, f.tier, f.severity])).toEqual([
      ['brand', 2, 'MEDIUM'],
      ['factory', 3, 'CRITICAL'],
    ]);
    const [brand, factory] = found;
    expect(brand!.indicators).toEqual([]);
    expect(brand!.disclosedIndicators).toEqual([
      {
        kind: 'EXPIRED_EVIDENCE',
        severity: 'MEDIUM',
        description: 'every visible certificate and audit report expired',
        disclosure: { id: certificate, kind: 'CERTIFICATE' },
        action: null,
      },
    ]);
    expect(factory!.disclosedIndicators).toEqual([
      {
        kind: 'OPEN_ACTION',
        severity: 'CRITICAL',
        description: 'Withheld passports',
        disclosure: { id: plan, kind: 'CORRECTIVE_ACTION_PLAN' },
        action: { id: 'open', overdue: false },
      },
      {
        kind: 'OVERDUE_ACTION',
        severity: 'HIGH',
        description: 'Excessive overtime',
        disclosure: { id: plan, kind: 'CORRECTIVE_ACTION_PLAN' },
        action: { id: 'late', overdue: true },
      },
    ]);
  });

  it('says nothing of disclosures the viewer may not see (no disclosure share)', async () => {
    expect(await findings('other-buyer')).toEqual([]);
  });

  it('keeps public and disclosed indicators in their own lists; severity is the highest of both', async () => {
    await t.db.driver.executeQuery(
      `MATCH (o:Organization {id: 'brand'}) SET o:RiskSubject
       CREATE (o)-[:HAS_RISK]->(:RiskIndicator {id: 'r-brand', kind: 'REPORT', source: 'A report', severity: 'HIGH',
                                                recordedAt: datetime()})`,
    );
    const [brand] = await findings('buyer');
    expect(brand).toMatchObject({ severity: 'HIGH', indicators: [{ id: 'r-brand' }] });
    expect(brand!.disclosedIndicators.map((d) => d.kind)).toEqual(['EXPIRED_EVIDENCE']);
  });

  it('a current certificate means the evidence has not all expired', async () => {
    await publish('brand', {
      subjectId: 'brand',
      kind: 'AUDIT_REPORT',
      content: { title: 'Audit', issuedAt: days(-20), validUntil: days(300) },
    });
    expect((await findings('buyer')).map((f) => f.organization.id)).toEqual(['factory']);
  });

  it('asOf before the disclosures were published: none of them', async () => {
    expect(await findings('buyer', days(-1000))).toEqual([]);
  });
});
