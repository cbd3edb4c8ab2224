// The demo scenario as data: the organizations of design/demo-scenario.md, valid references, honest
// provenance, and what each demo viewer sees under specification, section 2 (rules 1-3, re-implemented
// here in a few lines so that the data is checked without a database).
import { describe, expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO, DEMO_TODAY } from '../support/demo-scenario.ts';
import { isCountryCode } from '../../src/domain/countries.ts';
import { parseInstant } from '../../src/domain/instants.ts';
import { ReferenceModel, type ReferenceView } from '../support/reference-model.ts';
import { fileSource } from '../../src/import/read-records.ts';
import { validate } from '../../src/import/validate.ts';
import { checkDisclosure } from '../../src/import/disclosure-rules.ts';
import { readDemoOrganizations } from '../../src/runtime/demo.ts';
import { DEMO_SCENARIO_PATH } from '../../src/runtime/paths.ts';

const { organizations, links, shares, risks, disclosures, accessRequests } = DEMO_SCENARIO;

/** The table of design/demo-scenario.md: id -> [type, country]. */
const TABLE: Record<string, [string, string]> = {
  'se-region-stockholm': ['PURCHASER', 'SE'],
  'se-adda': ['PURCHASER', 'SE'],
  'se-svenska-kyrkan': ['PURCHASER', 'SE'],
  'no-oslo-kommune': ['PURCHASER', 'NO'],
  'no-sykehusinnkjop': ['PURCHASER', 'NO'],
  'no-dfo': ['PURCHASER', 'NO'],
  'se-atea': ['RESELLER', 'SE'],
  'no-atea': ['RESELLER', 'NO'],
  'us-dell': ['BRAND', 'US'],
  'tw-pegatron': ['MANUFACTURER', 'TW'],
  'tw-msi': ['MANUFACTURER', 'TW'],
  'tw-delta': ['MANUFACTURER', 'TW'],
  'tw-wistron': ['MANUFACTURER', 'TW'],
  'cn-ofilm': ['MANUFACTURER', 'CN'],
  'cn-mingshuo-jiangsu': ['FACTORY', 'CN'],
  'cn-hipro-dongguan': ['FACTORY', 'CN'],
  'cn-msi-shenzhen': ['FACTORY', 'CN'],
  'cn-taida-dongguan': ['FACTORY', 'CN'],
  'cn-wistron-zhongshan': ['FACTORY', 'CN'],
  'cn-ofilm-nanchang': ['FACTORY', 'CN'],
  'nl-electronics-watch': ['MONITOR', 'NL'],
  'dk-danwatch': ['MONITOR', 'DK'],
};

const FACTORIES = [
  'cn-mingshuo-jiangsu',
  'cn-hipro-dongguan',
  'cn-msi-shenzhen',
  'cn-taida-dongguan',
  'cn-wistron-zhongshan',
  'cn-ofilm-nanchang',
];
const MANUFACTURERS = ['tw-pegatron', 'tw-msi', 'tw-delta', 'tw-wistron', 'cn-ofilm'];
/** No source ties OFILM to Dell, so neither OFILM nor its Nanchang factory is in Dell's chain. */
const DELL_FACTORIES = FACTORIES.filter((f) => f !== 'cn-ofilm-nanchang');
const DELL_MANUFACTURERS = MANUFACTURERS.filter((m) => m !== 'cn-ofilm');

const NOW = '2026-06-01';
const IN_2013 = '2013-06-01';

// --- Contract section 2, rules 1-3 -------------------------------------------------------------------

const instant = (text: string): number => {
  const parsed = parseInstant(text);
  if (parsed === null) throw new Error(`not an instant: ${text}`);
  return parsed.getTime();
};

// Rules 1-3 and 8 come from the project's reference model of the contract, at an explicit instant (as
// asOf). Its disclosures are read as the importer reads them (defaults filled in).
const decoded = (value: unknown) => {
  const { record, problems } = checkDisclosure(value);
  if (record === null || problems.length > 0) throw new Error(problems.join('; '));
  return record;
};
const model = new ReferenceModel({ ...DEMO_SCENARIO, disclosures: DEMO_SCENARIO.disclosures.map(decoded) });
const view = (at: string): ReferenceView => ({ t: new Date(instant(at)), historical: true });

/** Rule 2: V itself and every owner of an active share to V. */
const roots = (viewer: string, at: string): Set<string> => new Set(model.roots(viewer, view(at)));

/** Rule 3: organization id -> tier (1..), the root left out. */
function tiers(viewer: string, at: string, root: string = viewer): Map<string, number> {
  const tier = model.tiers(viewer, root, view(at));
  tier.delete(root);
  return tier;
}

const expected = (entries: [string[], number][]): Map<string, number> =>
  new Map(entries.flatMap(([ids, tier]) => ids.map((id) => [id, tier] as const)));

// --- The data ----------------------------------------------------------------------------------------

describe('demo scenario data', () => {
  it('is a valid tiersight/v1 file for the importer', async () => {
    expect(Object.keys(DEMO_SCENARIO).sort()).toEqual([
      'accessRequests',
      'disclosures',
      'format',
      'links',
      'organizations',
      'risks',
      'shares',
    ]);
    // Read as `tiersight seed` reads it: the importer's file reader and validation.
    const { result } = await validate(fileSource(DEMO_SCENARIO_PATH), { existing: null });
    expect(result.problems).toEqual([]);
  });

  it('offers its organizations, Region Stockholm first, as the identities of demo tokens', async () => {
    const demo = await readDemoOrganizations();
    expect(demo).toEqual(organizations.map(({ id, name, type, country }) => ({ id, name, type, country })));
    expect(demo[0]?.id).toBe(DEMO_IDS.regionStockholm);
  });

  it('has every organization of the spec table with its type and country, and no other', () => {
    const byId = new Map(organizations.map((o) => [o.id, o]));
    expect([...byId.keys()].sort()).toEqual(Object.keys(TABLE).sort());
    for (const [id, [type, country]] of Object.entries(TABLE)) {
      expect(byId.get(id), id).toMatchObject({ type, country });
      expect(isCountryCode(country)).toBe(true);
    }
    expect(byId.get('se-region-stockholm')?.name).toBe(
      'Region Stockholm (Stockholms läns landsting until 2019)',
    );
    expect(byId.get('no-dfo')?.name).toBe('DFØ – Statens innkjøpssenter');
  });

  it('exports ids that all exist', () => {
    const all = new Set(
      [...organizations, ...links, ...shares, ...risks, ...disclosures, ...accessRequests].map((r) => r.id),
    );
    for (const [key, id] of Object.entries(DEMO_IDS)) expect(all.has(id), `${key}: ${id}`).toBe(true);
  });

  it('has unique, readable ids', () => {
    const ids = [...organizations, ...links, ...shares, ...risks, ...disclosures, ...accessRequests].map(
      (r) => r.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of links) expect(l.id).toMatch(/^l-[a-z0-9-]+$/);
    for (const s of shares) expect(s.id).toMatch(/^s-[a-z0-9-]+$/);
    for (const r of risks) expect(r.id).toMatch(/^r-[a-z0-9-]+$/);
    for (const d of disclosures) expect(d.id).toMatch(/^d-[a-z0-9-]+$/);
    for (const a of accessRequests) expect(a.id).toMatch(/^ar-[a-z0-9-]+$/);
  });

  it('only refers to records that exist', () => {
    const orgs = new Set(organizations.map((o) => o.id));
    for (const l of links) {
      expect(orgs.has(l.supplier), `${l.id} supplier`).toBe(true);
      expect(orgs.has(l.customer), `${l.id} customer`).toBe(true);
      expect(l.supplier).not.toBe(l.customer);
    }
    for (const s of shares) {
      expect(orgs.has(s.owner), `${s.id} owner`).toBe(true);
      expect(orgs.has(s.recipient), `${s.id} recipient`).toBe(true);
    }
    for (const r of risks) expect(orgs.has(r.organization), `${r.id}`).toBe(true);
    for (const d of disclosures) {
      expect(orgs.has(d.owner), `${d.id} owner`).toBe(true);
      expect(orgs.has(d.subject), `${d.id} subject`).toBe(true);
    }
    for (const a of accessRequests) {
      expect(orgs.has(a.requester), `${a.id} requester`).toBe(true);
      expect(orgs.has(a.target), `${a.id} target`).toBe(true);
      expect(a.requester).not.toBe(a.target);
    }
  });

  it('shares only links whose customer is the share owner', () => {
    const byId = new Map(links.map((l) => [l.id, l]));
    for (const s of shares) {
      for (const linkId of s.linkIds ?? []) {
        expect(byId.get(linkId)?.customer, `${s.id} -> ${linkId}`).toBe(s.owner);
      }
    }
  });

  it('writes dates as YYYY-MM-DD with validFrom before validTo', () => {
    const date = /^\d{4}-\d{2}-\d{2}$/;
    for (const l of links) {
      for (const d of [l.validFrom, l.validTo, l.recordedAt]) if (d) expect(d, l.id).toMatch(date);
      if (l.validFrom && l.validTo) expect(instant(l.validFrom)).toBeLessThan(instant(l.validTo));
    }
    for (const s of shares) if (s.createdAt) expect(s.createdAt).toMatch(date);
    for (const d of disclosures) {
      for (const v of [d.issuedAt, d.validUntil, d.publishedAt]) if (v) expect(v, d.id).toMatch(date);
      for (const a of d.actions ?? [])
        for (const v of [a.dueAt, a.closedAt]) if (v) expect(v, a.id).toMatch(date);
    }
    for (const a of accessRequests) for (const v of [a.sentAt, a.dueAt]) if (v) expect(v, a.id).toMatch(date);
    for (const r of risks) for (const d of [r.observedAt, r.recordedAt]) if (d) expect(d, r.id).toMatch(date);
  });

  it('states when every link and risk indicator was recorded in the story, so that asOf has a past', () => {
    for (const record of [...links, ...risks]) expect(record.recordedAt, record.id).toBeTruthy();
    for (const l of links) if (l.validFrom) expect(l.recordedAt, l.id).toBe(l.validFrom);
  });

  it('cites at least one source for every DOCUMENTED record', () => {
    const records = [...organizations, ...links, ...shares, ...risks, ...disclosures, ...accessRequests];
    const documented = records.filter((r) => r.provenance === 'DOCUMENTED');
    expect(documented.length).toBeGreaterThan(0);
    for (const r of documented) expect(r.sources?.length ?? 0, r.id).toBeGreaterThan(0);
  });

  it('marks every share and every link not listed as documented ILLUSTRATIVE', () => {
    for (const s of shares) expect(s.provenance, s.id).toBe('ILLUSTRATIVE');
    for (const l of links) expect(['DOCUMENTED', 'ILLUSTRATIVE'], l.id).toContain(l.provenance);
    const documented = links.filter((l) => l.provenance === 'DOCUMENTED').map((l) => l.id);
    expect(documented.sort()).toEqual(
      [
        'l-dell-sthlm-2010',
        'l-atea-sthlm-2014',
        'l-dell-atea-2014',
        'l-mingshuo-dell-2013',
        'l-hipro-dell-2013',
        'l-msi-shenzhen-dell-2013',
        'l-taida-dell-2013',
        'l-wistron-zhongshan-dell-2015',
        'l-mingshuo-pegatron-2013',
        'l-msi-shenzhen-msi-2013',
        'l-taida-delta-2013',
        'l-wistron-zhongshan-wistron-2015',
        'l-ofilm-nanchang-ofilm-2020',
      ].sort(),
    );
    // No documented link for OFILM supplying Dell.
    const ofilmToDell = links.filter(
      (l) => ['cn-ofilm', 'cn-ofilm-nanchang'].includes(l.supplier) && l.customer === 'us-dell',
    );
    // Not even as illustration: that would invent a forced-labour link for a real company.
    expect(ofilmToDell).toEqual([]);
  });

  it('states only documented risks, each with a source', () => {
    expect(risks.map((r) => [r.organization, r.kind, r.severity]).sort()).toEqual(
      [
        ['cn-mingshuo-jiangsu', 'REPORT', 'HIGH'],
        ['cn-hipro-dongguan', 'REPORT', 'HIGH'],
        ['cn-msi-shenzhen', 'REPORT', 'HIGH'],
        ['cn-taida-dongguan', 'REPORT', 'HIGH'],
        ['cn-wistron-zhongshan', 'REPORT', 'HIGH'],
        ['cn-ofilm-nanchang', 'REPORT', 'CRITICAL'],
        ['cn-ofilm-nanchang', 'WATCHLIST', 'CRITICAL'],
      ].sort(),
    );
    for (const r of risks) {
      expect(r.provenance, r.id).toBe('DOCUMENTED');
      expect(r.source.trim(), r.id).not.toBe('');
      expect(r.observedAt, r.id).toBeTruthy();
      if (r.evidenceUrl) expect(r.evidenceUrl).toMatch(/^https?:\/\//);
    }
  });

  it('keeps the documented Stockholm contract dates', () => {
    const byId = new Map(links.map((l) => [l.id, l]));
    expect(byId.get('l-dell-sthlm-2010')).toMatchObject({
      supplier: 'us-dell',
      customer: 'se-region-stockholm',
      validFrom: '2010-09-20',
      validTo: '2014-09-15',
    });
    expect(byId.get('l-atea-sthlm-2014')).toMatchObject({
      supplier: 'se-atea',
      customer: 'se-region-stockholm',
      validFrom: '2014-09-15',
    });
    expect(byId.get('l-dell-atea-2014')).toMatchObject({
      supplier: 'us-dell',
      customer: 'se-atea',
      validFrom: '2014-09-15',
    });
  });
});

// --- What the demo viewers see -----------------------------------------------------------------------

describe('demo scenario visibility (specification, section 2)', () => {
  it('Region Stockholm now: Atea at tier 1, Dell at tier 2, the factories and manufacturers at tier 3', () => {
    expect(tiers('se-region-stockholm', NOW)).toEqual(
      expected([
        [['se-atea'], 1],
        [['us-dell'], 2],
        [[...DELL_FACTORIES, ...DELL_MANUFACTURERS], 3],
      ]),
    );
  });

  it('Region Stockholm now reaches flagged factories: the exposure findings', () => {
    const reachable = tiers('se-region-stockholm', NOW);
    const flagged = [...new Set(risks.map((r) => r.organization))].filter((id) => id !== 'cn-ofilm-nanchang');
    expect(flagged.length).toBe(5);
    for (const id of flagged) expect(reachable.get(id), id).toBe(3);
    expect(reachable.has('cn-ofilm-nanchang')).toBe(false);
  });

  it('Region Stockholm as of 2013: Dell at tier 1, Atea not reachable', () => {
    const seen = tiers('se-region-stockholm', IN_2013);
    expect(seen.get('us-dell')).toBe(1);
    expect(seen.has('se-atea')).toBe(false);
  });

  it('Region Stockholm as of 2016: the Atea framework with Dell at tier 2 and the factories at tier 3', () => {
    const seen = tiers('se-region-stockholm', '2016-06-01');
    expect(seen.get('se-atea')).toBe(1);
    expect(seen.get('us-dell')).toBe(2);
    for (const id of DELL_FACTORIES) expect(seen.get(id), id).toBe(3);
  });

  it('Oslo kommune: Atea AS at tier 1 and nothing further (a blind spot)', () => {
    expect(tiers('no-oslo-kommune', NOW)).toEqual(expected([[['no-atea'], 1]]));
    expect(roots('no-oslo-kommune', NOW)).toEqual(new Set(['no-oslo-kommune']));
  });

  it('Sykehusinnkjøp, which Atea AS shares with, sees Dell at tier 2; DFØ does not', () => {
    expect(tiers('no-sykehusinnkjop', NOW)).toEqual(
      expected([
        [['no-atea'], 1],
        [['us-dell'], 2],
      ]),
    );
    expect(tiers('no-dfo', NOW)).toEqual(expected([[['no-atea'], 1]]));
  });

  it('Electronics Watch: Dell is one of its roots, and from Dell it sees its five factories at tier 1', () => {
    expect(roots('nl-electronics-watch', NOW)).toEqual(new Set(['nl-electronics-watch', 'us-dell']));
    expect(tiers('nl-electronics-watch', NOW, 'us-dell')).toEqual(expected([[DELL_FACTORIES, 1]]));
    expect(tiers('nl-electronics-watch', NOW).size).toBe(0);
  });

  it('DanWatch receives nothing', () => {
    expect(roots('dk-danwatch', NOW)).toEqual(new Set(['dk-danwatch']));
    expect(tiers('dk-danwatch', NOW).size).toBe(0);
  });

  it('a share to Region Stockholm gives nothing to the other Swedish buyers', () => {
    expect(tiers('se-adda', NOW)).toEqual(expected([[['se-atea'], 1]]));
    expect(tiers('se-svenska-kyrkan', NOW)).toEqual(expected([[['se-atea'], 1]]));
  });
});

// --- Evidence: disclosures and access requests (specification, rule 8 and section 8)
// ---------------------------

describe('demo scenario evidence (specification, rule 8 and section 8)', () => {
  const today = instant(DEMO_TODAY);
  const disclosure = (id: string) => disclosures.find((d) => d.id === id)!;
  const overdue = (id: string) =>
    (disclosure(id).actions ?? [])
      .filter((a) => a.status !== 'CLOSED' && instant(a.dueAt) < today)
      .map((a) => a.id);

  it('publishes disclosures only about the owner or a direct supplier of a link that holds today', () => {
    for (const d of disclosures) {
      if (d.subject === d.owner) continue;
      const direct = links.filter((l) => l.customer === d.owner && l.supplier === d.subject);
      expect(
        direct.some((l) => model.holds(l, view(DEMO_TODAY))),
        `${d.id}: ${d.subject} supplies ${d.owner} today`,
      ).toBe(true);
    }
  });

  it('marks every disclosure and request ILLUSTRATIVE but the documented improvements, and says so first', () => {
    const documented = disclosures.filter((d) => d.provenance === 'DOCUMENTED').map((d) => d.id);
    expect(documented).toEqual([DEMO_IDS.dellImprovements]);
    for (const record of [...disclosures, ...accessRequests]) {
      if (record.provenance === 'DOCUMENTED') continue;
      expect(record.provenance, record.id).toBe('ILLUSTRATIVE');
      expect(record.sources?.[0], record.id).toMatch(/^Illustrative: invented for the demo/);
    }
    // The API shows no provenance of a disclosure or request: its own text says it is illustrative.
    for (const d of disclosures.filter((x) => x.provenance === 'ILLUSTRATIVE'))
      expect(d.summary, d.id).toMatch(/Illustrative/);
    for (const a of accessRequests) expect(a.message, a.id).toMatch(/Illustrative/);
  });

  it('has one disclosure of each of the five kinds, with actions only on plans and audits', () => {
    expect(disclosures.map((d) => d.kind).sort()).toEqual(
      ['AUDIT_REPORT', 'CERTIFICATE', 'CORRECTIVE_ACTION_PLAN', 'IMPROVEMENT', 'SELF_ASSESSMENT'].sort(),
    );
    for (const d of disclosures) {
      if (!['CORRECTIVE_ACTION_PLAN', 'AUDIT_REPORT'].includes(d.kind))
        expect(d.actions, d.id).toBeUndefined();
      if (d.documentSha256 !== undefined) expect(d.documentSha256, d.id).toMatch(/^[0-9a-f]{64}$/);
      if (d.documentUrl !== undefined) expect(d.documentUrl, d.id).toMatch(/^https:\/\/example\.org\//);
      expect(instant(d.issuedAt), d.id).toBeLessThanOrEqual(today);
      if (d.validUntil) expect(instant(d.validUntil), d.id).toBeGreaterThan(instant(d.issuedAt));
      for (const a of d.actions ?? []) {
        expect(a.status === 'CLOSED', `${d.id}/${a.id} closedAt iff CLOSED`).toBe(a.closedAt !== undefined);
        if (a.closedAt) expect(instant(a.closedAt)).toBeLessThanOrEqual(today);
      }
    }
  });

  it("has Dell's plan with overdue HIGH and CRITICAL actions beside closed ones, on the demo's today and ever after", () => {
    const plan = disclosure(DEMO_IDS.dellPlan);
    expect(plan).toMatchObject({ owner: DEMO_IDS.dell, kind: 'CORRECTIVE_ACTION_PLAN' });
    expect(overdue(DEMO_IDS.dellPlan)).toEqual(['cap-3', 'cap-4']);
    const statuses = new Set((plan.actions ?? []).map((a) => a.status));
    expect(statuses).toEqual(new Set(['CLOSED', 'IN_PROGRESS', 'OPEN']));
    expect(overdue(DEMO_IDS.dellAuditHipro)).toEqual(['f-1']);
    const certificate = disclosure(DEMO_IDS.dellCertificateMsiShenzhen);
    expect(instant(certificate.validUntil!)).toBeLessThan(today);
  });

  it('shares all of Dell’s evidence with Region Stockholm and only the plan with Electronics Watch', () => {
    const byId = new Map(shares.map((s) => [s.id, s]));
    expect(byId.get(DEMO_IDS.shareDellSthlmDisclosures)).toMatchObject({
      owner: DEMO_IDS.dell,
      recipient: DEMO_IDS.regionStockholm,
      scope: 'DISCLOSURES',
      disclosureIds: null,
    });
    expect(byId.get(DEMO_IDS.shareDellElectronicsWatchDisclosures)).toMatchObject({
      owner: DEMO_IDS.dell,
      recipient: DEMO_IDS.electronicsWatch,
      scope: 'DISCLOSURES',
      disclosureIds: [DEMO_IDS.dellPlan],
    });
    for (const s of shares.filter((x) => x.scope === 'DISCLOSURES')) {
      expect(s.linkIds ?? null, s.id).toBeNull();
      for (const id of s.disclosureIds ?? []) expect(disclosure(id).owner, `${s.id} -> ${id}`).toBe(s.owner);
    }
  });

  it('lets each demo viewer see exactly the disclosures of the story (rule 8)', () => {
    const seen = (viewer: string) =>
      disclosures
        .map(decoded)
        .filter((d) => model.disclosureVersion(viewer, d, view(DEMO_TODAY)) !== null)
        .map((d) => d.id)
        .sort();
    expect(seen(DEMO_IDS.regionStockholm)).toEqual(disclosures.map((d) => d.id).sort());
    expect(seen(DEMO_IDS.electronicsWatch)).toEqual([DEMO_IDS.dellPlan]);
    for (const viewer of [DEMO_IDS.osloKommune, DEMO_IDS.ateaNorway, DEMO_IDS.adda, DEMO_IDS.danwatch])
      expect(seen(viewer), viewer).toEqual([]);
  });

  it('has Oslo kommune’s open request to its blind spot Atea AS, sent over 3 weeks before today', () => {
    const request = accessRequests.find((a) => a.id === DEMO_IDS.requestOsloAteaNorway)!;
    expect(request).toMatchObject({
      requester: DEMO_IDS.osloKommune,
      target: DEMO_IDS.ateaNorway,
      scope: 'SOURCING',
      status: 'OPEN',
    });
    const week = 7 * 24 * 3600 * 1000;
    expect(instant(request.dueAt!)).toBe(instant(request.sentAt) + 3 * week);
    expect(instant(request.dueAt!)).toBeLessThan(today);
    // Atea AS shares nothing with Oslo kommune: the request is about a blind spot.
    expect(
      shares.filter((s) => s.owner === DEMO_IDS.ateaNorway && s.recipient === DEMO_IDS.osloKommune),
    ).toEqual([]);
    expect(tiers(DEMO_IDS.osloKommune, DEMO_TODAY).get(DEMO_IDS.ateaNorway)).toBe(1);
  });
});
