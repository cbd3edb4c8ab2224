// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Erasing a withdrawn finding's texts in the dashboard, against a fake /graphql. In My findings, a
// withdrawn finding not yet erased offers "Erase texts…" where the server has `redactFinding` (and
// `redactedAt` is asked only there); it asks first, saying what goes, for whom and what stays; once
// erased, the list is read again, the withdrawn list stays unfolded, the line says when and by whom
// instead of quoting the source, the status line says what was done and the focus is on that line.
// Wherever an indicator's source is shown (details, exposure, the tier badge's title, the CSV), one
// whose texts were erased says "(texts erased on <day>)" instead of a blank; `RiskIndicator.redactedAt`
// is asked only of a server that has it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { start } from '../../web/src/app.ts';
import { ALL_CAPABILITIES, TOKEN_KEY, capabilities, supplyChainOperation } from '../../web/src/api.ts';
import { MyFindings, findingsOperation, type Finding } from '../../web/src/findings.ts';
import {
  FIRST_QUERY,
  riskSource,
  type Exposure,
  type Organization,
  type RiskIndicator,
} from '../../web/src/model.ts';
import { CHAIN, CLEAN, EXPOSURE, FLAGGED } from './fixtures.ts';
import { fakeApi, refused, settle } from './fake-api.ts';

const MONITOR = { id: 'nl-ew', name: 'Electronics Watch', type: 'MONITOR', country: 'NL' };
const HIPRO = { id: 'cn-hipro', name: 'Hipro Electronics' };
const ERASED_AT = '2026-12-06T09:12:00.000Z';

const finding = (patch: Partial<Finding> & Pick<Finding, 'id' | 'source'>): Finding => ({
  organization: HIPRO,
  kind: 'REPORT',
  severity: 'HIGH',
  observedAt: null,
  recordedAt: '2026-12-01T09:30:00.000Z',
  recordedByUserId: 'anna@electronicswatch.org',
  withdrawnAt: null,
  redactedAt: null,
  redactedByUserId: null,
  ...patch,
});
const LIVE = finding({ id: 'f-live', source: 'Worker interviews 2026' });
const WITHDRAWN = finding({
  id: 'f-gone',
  source: 'Report naming Jane Doe',
  withdrawnAt: '2026-12-03T08:15:42.000Z',
});
const ERASED = finding({
  id: 'f-erased',
  kind: 'AUDIT_FINDING',
  source: '',
  withdrawnAt: '2026-12-02T10:00:00.000Z',
  redactedAt: '2026-12-04T11:00:00.000Z',
  redactedByUserId: 'ben@electronicswatch.org',
});

/** What findingsRecorded answers: WITHDRAWN erased once redactFinding was called. */
let findings: Finding[];
/** What redactFinding answers next: a refusal, or (null) success. */
let refusal: string | null;
beforeEach(() => {
  findings = [LIVE, WITHDRAWN, ERASED];
  refusal = null;
});

/** The erased indicator as a view as of a day before its withdrawal shows it. */
const ERASED_RISK: RiskIndicator = {
  id: 'f-erased',
  kind: 'AUDIT_FINDING',
  source: '',
  severity: 'HIGH',
  description: null,
  evidenceUrl: null,
  observedAt: '2026-11-02T00:00:00.000Z',
  recordedBy: { id: MONITOR.id, name: MONITOR.name },
  redactedAt: ERASED_AT,
};
const withErased = (o: Organization): Organization =>
  o.id === CLEAN.id ? { ...o, risks: [ERASED_RISK] } : o;
const CHAIN_WITH_ERASED = {
  ...CHAIN,
  tiers: CHAIN.tiers.map((t) => ({ ...t, organizations: t.organizations.map(withErased) })),
};
const EXPOSURE_WITH_ERASED: Exposure = {
  ...EXPOSURE,
  findings: [
    ...EXPOSURE.findings,
    {
      organization: CLEAN,
      tier: 3,
      path: EXPOSURE.findings[0]!.path.slice(0, 3).concat(CLEAN),
      indicators: [ERASED_RISK, { ...FLAGGED.risks![0]!, id: 'r9' }],
      severity: 'HIGH',
    },
  ],
};

/** An introspection answer: every type with `fields`, RiskIndicator with `indicator`, Mutation with `mutations`. */
const introspection = (indicator: string[], mutations: string[]) => {
  const type = (...names: string[]) => ({ fields: names.map((name) => ({ name, args: [] })) });
  return {
    data: {
      query: type('supplyChain', 'exposure'),
      organization: type('risks'),
      finding: type(),
      blindSpot: type(),
      indicator: type(...indicator),
      action: type(),
      mutation: type(...mutations),
    },
  };
};
/** The introspection answer; null: introspection is off (every capability assumed). */
let schema: ReturnType<typeof introspection> | null;
beforeEach(() => (schema = null));

const api = fakeApi(({ query, variables }) => {
  if (query.includes('{ me {'))
    return { data: { me: { organization: MONITOR, roles: ['ANALYST', 'SUPPLIER_ADMIN'], roots: [] } } };
  if (query.includes('__type')) return schema ?? refused('introspection is off', 'GRAPHQL_VALIDATION_FAILED');
  if (query.includes('DashboardChain(')) return { data: { supplyChain: CHAIN_WITH_ERASED } };
  if (query.includes('DashboardExposure')) return { data: { exposure: EXPOSURE_WITH_ERASED } };
  if (query.includes('DashboardDisclosures')) return { data: { organization: { disclosures: [] } } };
  if (query.includes('DashboardFindings')) {
    // As an older server would answer a query that does not ask for them.
    const asked = query.includes('redactedAt');
    return {
      data: {
        findingsRecorded: findings.map(({ redactedAt, redactedByUserId, ...f }) =>
          asked ? { ...f, redactedAt, redactedByUserId } : f,
        ),
      },
    };
  }
  if (query.includes('redactFinding(')) {
    if (refusal !== null) return refused(refusal);
    findings = findings.map((f) =>
      f.id === variables['id']
        ? { ...f, source: '', redactedAt: ERASED_AT, redactedByUserId: 'anna@electronicswatch.org' }
        : f,
    );
    return { data: { redactFinding: { id: variables['id'], redactedAt: ERASED_AT } } };
  }
  return refused('not in this fake', 'INTERNAL_SERVER_ERROR');
});

afterEach(() => sessionStorage.clear());

describe('My findings: Erase texts…', () => {
  async function mounted(can = { redactFindings: true, topics: false }) {
    const panel = document.createElement('section');
    document.body.replaceChildren(panel);
    const handlers = {
      show: vi.fn(),
      // As the dashboard does: the page and this panel read again.
      changed: vi.fn(async (_news: string) => {
        await panels[0]!.load();
      }),
    };
    const panels = [new MyFindings(panel, 'token', handlers, can)];
    await panels[0]!.load();
    await settle();
    return { panel, ...handlers };
  }
  const withdrawn = (panel: HTMLElement, id: string) =>
    panel.querySelector<HTMLElement>(`li.withdrawn-finding[data-finding-id="${id}"]`)!;

  it('is offered on a withdrawn finding not yet erased, not on a standing or an erased one', async () => {
    const { panel } = await mounted();
    expect(panel.querySelectorAll('li.own-finding button.erase-finding')).toHaveLength(0);
    const button = withdrawn(panel, 'f-gone').querySelector('button.erase-finding')!;
    expect(button.textContent).toBe('Erase texts…');
    expect(button.getAttribute('aria-label')).toBe(
      'Erase texts of the withdrawn finding about Hipro Electronics: Report naming Jane Doe…',
    );
    expect(withdrawn(panel, 'f-erased').querySelector('button')).toBeNull();
  });

  it('says when and by whom an erased finding’s texts were erased, instead of an empty source', async () => {
    const { panel } = await mounted();
    expect(withdrawn(panel, 'f-erased').textContent).toBe(
      'Audit finding about Hipro Electronics (HIGH), texts erased on 2026-12-04 (by ben@electronicswatch.org); ' +
        'withdrawn 2026-12-02 10:00 UTC',
    );
    expect(withdrawn(panel, 'f-erased').textContent).not.toContain('“”');
  });

  it('asks first, saying what goes, for whom and what stays; a no sends nothing', async () => {
    const { panel, changed } = await mounted();
    api.confirm.mockReturnValueOnce(false);
    withdrawn(panel, 'f-gone').querySelector<HTMLButtonElement>('button.erase-finding')!.click();
    await settle();
    expect(api.confirm).toHaveBeenCalledWith(
      'Erase the texts of your withdrawn report (HIGH) about Hipro Electronics, source “Report naming Jane ' +
        'Doe”? Its source, description and evidence link are erased for everyone, also in views of an ' +
        'earlier day, when it still counted. Its kind, severity and dates stay, and so does your ' +
        'organization as the one that recorded it. It cannot be undone.',
    );
    expect(api.calls('redactFinding')).toEqual([]);
    expect(changed).not.toHaveBeenCalled();
  });

  it('erases, reads the list again, keeps it unfolded, says what was done and puts the focus on the line', async () => {
    const { panel, changed } = await mounted();
    panel.querySelector<HTMLDetailsElement>('details.withdrawn-findings')!.open = true;
    const button = withdrawn(panel, 'f-gone').querySelector<HTMLButtonElement>('button.erase-finding')!;
    button.focus();
    button.click();
    await settle();
    expect(api.calls('redactFinding').map((r) => r.variables)).toEqual([{ id: 'f-gone' }]);
    expect(changed).toHaveBeenCalledWith(
      'Erased the texts of the withdrawn report about Hipro Electronics recorded 2026-12-01 09:30 UTC: ' +
        'everyone now sees them erased, also as of an earlier day.',
    );
    expect(changed.mock.calls[0]![0]).not.toContain('Jane Doe');
    expect(panel.querySelector<HTMLDetailsElement>('details.withdrawn-findings')!.open).toBe(true);
    const line = withdrawn(panel, 'f-gone');
    expect(line.textContent).toBe(
      'Report about Hipro Electronics (HIGH), texts erased on 2026-12-06 (by anna@electronicswatch.org); ' +
        'withdrawn 2026-12-03 08:15 UTC',
    );
    expect(line.querySelector('button')).toBeNull();
    expect(document.activeElement).toBe(line);
    expect(panel.textContent).not.toContain('Jane Doe');
  });

  it('takes the focus from a status line that took it meanwhile, not from what the user chose', async () => {
    const status = document.createElement('p');
    status.tabIndex = -1;
    status.setAttribute('role', 'status');
    let { panel } = await mounted();
    document.body.append(status);
    withdrawn(panel, 'f-gone').querySelector<HTMLButtonElement>('button.erase-finding')!.click();
    // Another change's reload ending while this one runs puts the focus there (focusStatusIfLost).
    status.focus();
    await settle();
    expect(document.activeElement).toBe(withdrawn(panel, 'f-gone'));

    findings = [LIVE, WITHDRAWN, ERASED];
    ({ panel } = await mounted());
    const search = document.body.appendChild(document.createElement('input'));
    withdrawn(panel, 'f-gone').querySelector<HTMLButtonElement>('button.erase-finding')!.click();
    search.focus();
    await settle();
    expect(withdrawn(panel, 'f-gone').textContent).toContain('texts erased on 2026-12-06');
    expect(document.activeElement).toBe(search);
  });

  it('shows the API’s refusal beside the finding and changes nothing', async () => {
    refusal = 'finding "f-gone" is not withdrawn: withdraw it first (withdrawFinding), then erase its texts';
    const { panel, changed } = await mounted();
    withdrawn(panel, 'f-gone').querySelector<HTMLButtonElement>('button.erase-finding')!.click();
    await settle();
    expect(withdrawn(panel, 'f-gone').querySelector('[role="alert"]')!.textContent).toBe(refusal);
    expect(changed).not.toHaveBeenCalled();
  });

  it('is not offered, nor redactedAt asked, where the server does not erase findings', async () => {
    const { panel } = await mounted({ redactFindings: false, topics: false });
    expect(panel.querySelectorAll('button.erase-finding')).toHaveLength(0);
    expect(api.sent.at(-1)!.query).not.toContain('redactedAt');
    expect(findingsOperation({ redactFindings: true, topics: false })).toContain(
      'redactedAt redactedByUserId',
    );
    expect(findingsOperation({ redactFindings: false, topics: false })).not.toContain('redacted');
  });
});

describe('an indicator whose texts its monitor erased', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.replaceChildren(root);
    sessionStorage.setItem(TOKEN_KEY, 'token-1');
  });
  const select = async (id: string) => {
    await start(root);
    await settle();
    root.querySelector<HTMLButtonElement>(`button.org[data-org-id="${id}"]`)!.click();
    await settle();
  };

  it('says when its texts were erased in the details, not a blank source', async () => {
    await select(CLEAN.id);
    const source = root.querySelector('#details li.risk .risk-source')!;
    expect(source.textContent).toBe(
      'Source: (texts erased on 2026-12-06) (2026-11-02) · recorded by Electronics Watch',
    );
    expect(source.querySelector('cite')).toBeNull();
    expect(root.querySelector('#details li.risk .risk-description')).toBeNull();
    expect(root.querySelector('#details li.risk a')).toBeNull();
  });

  it('says so among the exposure’s sources and in the tier badge’s title', async () => {
    await start(root);
    await settle();
    const finding = root.querySelector(`li.finding[data-org-id="${CLEAN.id}"]`)!;
    expect(finding.querySelector('.finding-sources')!.textContent).toBe(
      'Sources: (texts erased on 2026-12-06); NGO report 2013',
    );
    const badge = root.querySelector(`button.org[data-org-id="${CLEAN.id}"] .badge`)!;
    expect(badge.getAttribute('title')).toBe('(texts erased on 2026-12-06)');
  });

  it('says so without a day from a server that does not say when', () => {
    expect(riskSource({ source: '' })).toBe('(texts erased)');
    expect(riskSource({ source: 'NGO report 2013', redactedAt: null })).toBe('NGO report 2013');
    expect(riskSource({ source: '', redactedAt: ERASED_AT })).toBe('(texts erased on 2026-12-06)');
  });

  it('is asked with redactedAt only of a server whose RiskIndicator has it', async () => {
    expect(supplyChainOperation(FIRST_QUERY, ALL_CAPABILITIES).query).toContain(
      'recordedBy { id name } redactedAt',
    );
    schema = introspection(['recordedBy', 'redactedAt'], ['recordFinding', 'redactFinding']);
    expect(await capabilities('token')).toMatchObject({ redactFindings: true, redactedRisks: true });
    await start(root);
    await settle();
    const asked = (operation: string) => api.sent.filter((r) => r.query.includes(operation)).at(-1)!.query;
    expect(asked('DashboardChain(')).toContain('redactedAt');
    expect(asked('DashboardExposure')).toContain('redactedAt');
    expect(asked('DashboardFindings')).toContain('redactedAt redactedByUserId');

    api.sent.length = 0;
    schema = introspection(['recordedBy'], ['recordFinding']);
    expect(await capabilities('token')).toMatchObject({ redactFindings: false, redactedRisks: false });
    await start(root);
    await settle();
    expect(asked('DashboardChain(')).not.toContain('redactedAt');
    expect(asked('DashboardExposure')).not.toContain('redactedAt');
    expect(asked('DashboardFindings')).not.toContain('redacted');
    expect(root.querySelectorAll('#my-findings button.erase-finding')).toHaveLength(0);
  });
});

describe('Erase texts… in the dashboard', () => {
  it('reads the page again, says what was done in the status line and keeps the focus on the line', async () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    sessionStorage.setItem(TOKEN_KEY, 'token-1');
    await start(root);
    await settle();
    const chains = api.sent.filter((r) => r.query.includes('DashboardChain(')).length;
    const panel = root.querySelector<HTMLElement>('#my-findings')!;
    panel.querySelector<HTMLDetailsElement>('details.withdrawn-findings')!.open = true;
    const button = panel.querySelector<HTMLButtonElement>(
      'li.withdrawn-finding[data-finding-id="f-gone"] button.erase-finding',
    )!;
    button.focus();
    button.click();
    await settle(10);
    expect(api.sent.filter((r) => r.query.includes('DashboardChain(')).length).toBe(chains + 1);
    expect(root.querySelector('#status')!.textContent).toMatch(
      /^Erased the texts of the withdrawn report about Hipro Electronics recorded 2026-12-01 09:30 UTC: everyone now sees them erased, also as of an earlier day\. /,
    );
    const line = panel.querySelector('li.withdrawn-finding[data-finding-id="f-gone"]')!;
    expect(line.textContent).toMatch(/texts erased on 2026-12-06/);
    expect(document.activeElement).toBe(line);
  });
});
