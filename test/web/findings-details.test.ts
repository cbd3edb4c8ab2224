// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A monitor's findings in the dashboard, against a fake /graphql: an indicator a monitor recorded says
// "recorded by" it (asked for only where the server has findings); "Record a finding…" in the details
// only for a MONITOR's supplier_admin, not at an As of day; it checks the source, asks first, shows
// the API's refusal beside the form, sends one idempotency key per form drawn, keeps what was typed
// when the details are redrawn, and once recorded reloads the chain, exposure and ranking.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { start } from '../../web/src/app.ts';
import { TOKEN_KEY } from '../../web/src/api.ts';
import type { Organization, RiskIndicator } from '../../web/src/model.ts';
import { CHAIN, CLEAN, EXPOSURE } from './fixtures.ts';
import { fakeApi, refused, settle } from './fake-api.ts';

const MONITOR = { id: 'nl-ew', name: 'Electronics Watch', type: 'MONITOR', country: 'NL' };
const BRAND_ORG = { id: 'us-brand', name: 'Brand Co', type: 'BRAND', country: 'US' };
const RECORDED: RiskIndicator = {
  id: 'f-1',
  kind: 'REPORT',
  source: 'Electronics Watch report, 2026-11',
  severity: 'HIGH',
  description: 'Forced overtime',
  observedAt: '2026-11-02T00:00:00.000Z',
  recordedBy: { id: MONITOR.id, name: MONITOR.name },
};

/** What findingsRecorded adds to RECORDED. */
const OWN = {
  organization: { id: CLEAN.id, name: CLEAN.name },
  recordedAt: '2026-12-05T10:00:00.000Z',
  recordedByUserId: 'anna@ew',
  withdrawnAt: null,
};

/** The chain with `risks` on A Factory. */
const chainWith = (risks: RiskIndicator[]) => ({
  ...CHAIN,
  tiers: CHAIN.tiers.map((t) => ({
    ...t,
    organizations: t.organizations.map((o): Organization => (o.id === CLEAN.id ? { ...o, risks } : o)),
  })),
});

/** An introspection answer: every type with `fields`, the Mutation with `mutations`. */
const introspection = (mutations: string[]) => {
  const type = (...names: string[]) => ({ fields: names.map((name) => ({ name, args: [] })) });
  return {
    data: {
      query: type('supplyChain', 'exposure'),
      organization: type('risks'),
      finding: type(),
      blindSpot: type(),
      indicator: type('recordedBy'),
      action: type(),
      mutation: type(...mutations),
    },
  };
};

let viewer: { organization: typeof MONITOR; roles: string[]; roots: (typeof MONITOR)[] };
/** The introspection answer; null: introspection is off (every capability assumed). */
let schema: ReturnType<typeof introspection> | null;
/** What recordFinding answers next: a refusal, or (null) success, after which A Factory has the finding. */
let refusal: string | null;
let recorded: boolean;
/** The topics findingsRecorded answers the recorded finding with (none: a server without them). */
let ownTopics: string[] | undefined;
beforeEach(() => {
  ownTopics = undefined;
  viewer = { organization: MONITOR, roles: ['ANALYST', 'SUPPLIER_ADMIN'], roots: [] };
  schema = null;
  refusal = null;
  recorded = false;
});
const api = fakeApi(({ query }) => {
  if (query.includes('{ me {')) return { data: { me: viewer } };
  if (query.includes('__type')) return schema ?? refused('introspection is off', 'GRAPHQL_VALIDATION_FAILED');
  if (query.includes('DashboardChain('))
    return { data: { supplyChain: chainWith(recorded ? [RECORDED] : []) } };
  if (query.includes('DashboardExposure')) return { data: { exposure: EXPOSURE } };
  if (query.includes('DashboardDisclosures')) return { data: { organization: { disclosures: [] } } };
  if (query.includes('DashboardFindings'))
    return { data: { findingsRecorded: recorded ? [{ ...RECORDED, ...OWN, topics: ownTopics }] : [] } };
  if (query.includes('withdrawFinding(')) {
    recorded = false;
    return { data: { withdrawFinding: { id: RECORDED.id, withdrawnAt: '2026-12-06T08:00:00.000Z' } } };
  }
  if (query.includes('recordFinding(')) {
    if (refusal !== null) return refused(refusal);
    recorded = true;
    return { data: { recordFinding: { id: 'f-1' } } };
  }
  return refused('not in this fake', 'INTERNAL_SERVER_ERROR');
});

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  sessionStorage.setItem(TOKEN_KEY, 'token-1');
});
afterEach(() => sessionStorage.clear());

/** The dashboard with A Factory selected. */
async function details(): Promise<HTMLElement> {
  await start(root);
  await settle();
  root.querySelector<HTMLButtonElement>(`button.org[data-org-id="${CLEAN.id}"]`)!.click();
  await settle();
  return root.querySelector<HTMLElement>('#details')!;
}
const form = () => root.querySelector<HTMLFormElement>('#details form.record-finding-form');
const open = () => root.querySelector<HTMLButtonElement>('#details button.record-finding')!.click();
const fill = (id: string, value: string) => {
  const control = root.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
  control.value = value;
  control.dispatchEvent(new Event('input'));
};
const submit = async () => {
  form()!.requestSubmit();
  await settle();
};
const asked = (operation: string) => api.sent.filter((r) => r.query.includes(operation));

describe('an indicator a monitor recorded', () => {
  it('says in the details who recorded it', async () => {
    recorded = true;
    const panel = await details();
    expect(panel.querySelector('li.risk .risk-source')!.textContent).toBe(
      'Source: Electronics Watch report, 2026-11 (2026-11-02) · recorded by Electronics Watch',
    );
  });

  it('is asked with recordedBy only of a server whose Mutation has recordFinding', async () => {
    schema = introspection(['recordFinding']);
    await start(root);
    await settle();
    expect(asked('DashboardChain(').at(-1)!.query).toContain('recordedBy { id name }');
    expect(asked('DashboardExposure').at(-1)!.query).toContain('recordedBy { id name }');

    api.sent.length = 0;
    schema = introspection(['requestAccess']);
    await start(root);
    await settle();
    expect(asked('DashboardChain(').at(-1)!.query).not.toContain('recordedBy');
    expect(asked('DashboardExposure').at(-1)!.query).not.toContain('recordedBy');
    expect(asked('DashboardFindings')).toEqual([]);
    expect(root.querySelector<HTMLElement>('#my-findings')!.hidden).toBe(true);
    root.querySelector<HTMLButtonElement>(`button.org[data-org-id="${CLEAN.id}"]`)!.click();
    expect(root.querySelector('#details button.record-finding')).toBeNull();
  });
});

describe('Record a finding…', () => {
  it('is offered to a MONITOR’s supplier_admin only', async () => {
    await details();
    expect(root.querySelector('#details button.record-finding')?.getAttribute('aria-label')).toBe(
      'Record a finding about A Factory…',
    );

    viewer = { ...viewer, roles: ['ANALYST'] };
    await details();
    expect(root.querySelector('#details button.record-finding')).toBeNull();
    expect(root.querySelector<HTMLElement>('#my-findings')!.hidden).toBe(true);

    viewer = { ...viewer, organization: BRAND_ORG, roles: ['ANALYST', 'SUPPLIER_ADMIN'] };
    await details();
    expect(root.querySelector('#details button.record-finding')).toBeNull();
    expect(root.querySelector<HTMLElement>('#my-findings')!.hidden).toBe(true);
  });

  it('is not offered at an As of day, which says why', async () => {
    await details();
    const asOf = root.querySelector<HTMLInputElement>('#filter-as-of')!;
    asOf.value = '2016-06-01';
    asOf.dispatchEvent(new Event('change'));
    await settle();
    expect(root.querySelector('#details button.record-finding')).toBeNull();
    expect(root.querySelector('#details .record-finding-dated')?.textContent).toBe(
      'A finding is recorded today: clear As of to record one about this organization.',
    );
    expect(root.querySelector('#my-findings h2')?.textContent).toBe('My findings today');
  });

  it('asks for the source before asking anything, and sends nothing without it', async () => {
    await details();
    open();
    // Empty, the browser refuses the form itself (required); blank, the form says why.
    fill('record-finding-source', '   ');
    await submit();
    expect(form()!.querySelector('.form-alert')!.textContent).toBe(
      'Say where the finding comes from: who published it, and when.',
    );
    expect(api.confirm).not.toHaveBeenCalled();
    expect(api.calls('recordFinding')).toEqual([]);
  });

  it('asks first, saying it will be public wherever the organization is seen; a no sends nothing', async () => {
    await details();
    open();
    fill('record-finding-source', ' Electronics Watch report, 2026-11 ');
    api.confirm.mockReturnValue(false);
    await submit();
    expect(api.confirm).toHaveBeenCalledWith(
      'Record a public report (HIGH) from “Electronics Watch report, 2026-11” about A Factory? Every ' +
        'organization that sees A Factory, in any chain, will see it, recorded by Electronics Watch. You ' +
        'can withdraw it later under My findings.',
    );
    expect(api.calls('recordFinding')).toEqual([]);
  });

  it('shows the API’s refusal beside the form, and sends the same key when tried again', async () => {
    await details();
    open();
    fill('record-finding-kind', 'AUDIT_FINDING');
    fill('record-finding-severity', 'CRITICAL');
    fill('record-finding-source', 'Audit 2026');
    fill('record-finding-url', 'ftp://example.org/x');
    fill('record-finding-observed', '2026-10-01');
    refusal = 'Invalid finding: evidenceUrl must be an http(s) URL, got "ftp://example.org/x"';
    await submit();
    expect(form()!.querySelector('.form-alert')!.textContent).toBe(refusal);
    const [first] = api.calls('recordFinding');
    expect(first!.variables).toEqual({
      input: {
        organizationId: CLEAN.id,
        kind: 'AUDIT_FINDING',
        severity: 'CRITICAL',
        source: 'Audit 2026',
        description: null,
        evidenceUrl: 'ftp://example.org/x',
        observedAt: '2026-10-01',
      },
      idempotencyKey: expect.stringMatching(/^dashboard-[0-9a-f]{32}$/),
    });
    fill('record-finding-url', '');
    refusal = null;
    await submit();
    const [, second] = api.calls('recordFinding');
    expect(second!.variables['idempotencyKey']).toBe(first!.variables['idempotencyKey']);
  });

  it('sends the topics ticked (none: the field left out), and My findings says what it is about', async () => {
    await details();
    open();
    const boxes = [...form()!.querySelectorAll<HTMLInputElement>('.record-finding-topics input')];
    expect(boxes.map((b) => b.labels?.[0]?.textContent)).toContain('Forced labour');
    for (const topic of ['WAGES_AND_HOURS', 'FORCED_LABOUR'])
      root.querySelector<HTMLInputElement>(`#record-finding-topic-${topic}`)!.click();
    fill('record-finding-source', 'Electronics Watch report, 2026-11');
    ownTopics = ['FORCED_LABOUR', 'WAGES_AND_HOURS'];
    await submit();
    expect(api.calls('recordFinding')[0]!.variables['input']).toMatchObject({
      topics: ['FORCED_LABOUR', 'WAGES_AND_HOURS'],
    });
    expect(asked('DashboardFindings').at(-1)!.query).toContain(' topics');
    expect(root.querySelector('#my-findings li.own-finding .risk-topics')?.textContent).toBe(
      'About: forced labour, wages and hours',
    );
  });

  it('offers no topics where the server has none', async () => {
    schema = introspection(['recordFinding']);
    await details();
    open();
    expect(form()!.querySelector('.record-finding-topics')).toBeNull();
    expect(asked('DashboardFindings').at(-1)!.query).not.toContain('topics');
  });

  it('keeps what was typed when the details are drawn again', async () => {
    await details();
    open();
    fill('record-finding-source', 'Report 2026');
    const field = root.querySelector<HTMLInputElement>('#record-finding-source')!;
    field.focus();
    // A filter the user sets redraws the chain and the details.
    const search = root.querySelector<HTMLInputElement>('#filter-search')!;
    search.value = 'factory';
    search.dispatchEvent(new Event('input'));
    expect(root.querySelector<HTMLInputElement>('#record-finding-source')!.value).toBe('Report 2026');
    expect(form()!.hidden).toBe(false);
    expect(document.activeElement).toBe(field);
  });

  it('once recorded, reloads what shows indicators: the new one is in the details, and the form is new', async () => {
    await details();
    const before = {
      chain: asked('DashboardChain(').length,
      exposure: asked('DashboardExposure').length,
      risk: asked('DashboardRisk').length,
      findings: asked('DashboardFindings').length,
    };
    open();
    fill('record-finding-source', 'Electronics Watch report, 2026-11');
    await submit();
    expect({
      chain: asked('DashboardChain(').length,
      exposure: asked('DashboardExposure').length,
      risk: asked('DashboardRisk').length,
      findings: asked('DashboardFindings').length,
    }).toEqual({
      chain: before.chain + 1,
      exposure: before.exposure + 1,
      risk: before.risk + 1,
      findings: before.findings + 1,
    });
    expect(root.querySelector('#status')!.textContent).toMatch(
      /^Recorded the report \(HIGH\) from “Electronics Watch report, 2026-11” about A Factory; everyone who sees A Factory sees it\. /,
    );
    expect(root.querySelector('#details li.risk .risk-recorded-by')?.textContent).toBe(
      'recorded by Electronics Watch',
    );
    expect(form()!.hidden).toBe(true);
    expect(root.querySelector<HTMLInputElement>('#record-finding-source')!.value).toBe('');
    open();
    fill('record-finding-source', 'Another report');
    await submit();
    const [first, second] = api.calls('recordFinding');
    expect(second!.variables['idempotencyKey']).not.toBe(first!.variables['idempotencyKey']);
  });
});

describe('Withdraw in My findings', () => {
  it('reloads what shows indicators, and keeps a finding form being filled in', async () => {
    recorded = true;
    await details();
    open();
    fill('record-finding-source', 'Half-typed report');
    const chains = asked('DashboardChain(').length;
    root.querySelector<HTMLButtonElement>('#my-findings button.withdraw-finding')!.click();
    await settle();
    expect(api.calls('withdrawFinding').map((r) => r.variables)).toEqual([{ id: RECORDED.id }]);
    expect(asked('DashboardChain(').length).toBe(chains + 1);
    expect(root.querySelector('#details .risk-recorded-by')).toBeNull();
    expect(root.querySelector('#my-findings .no-own-findings')).not.toBeNull();
    expect(root.querySelector('#status')!.textContent).toMatch(
      /^Withdrew the finding about A Factory, source “Electronics Watch report, 2026-11”\. /,
    );
    expect(root.querySelector<HTMLInputElement>('#record-finding-source')!.value).toBe('Half-typed report');
  });
});
