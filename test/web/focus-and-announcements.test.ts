// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard as a keyboard and a screen reader meet it, against a fake /graphql: "+K more" keeps the
// focus in the tier it opened, a ranking or an exposure that failed to load is announced, not only
// written in a panel nobody is reading, and the details' close button keeps the focus through a redraw.
import { beforeEach, describe, expect, it } from 'vitest';
import { start } from '../../web/src/app.ts';
import { TOKEN_KEY } from '../../web/src/api.ts';
import { DEFAULT_TIER_LIMIT } from '../../web/src/model.ts';
import { bigChain, CHAIN, EXPOSURE } from './fixtures.ts';
import { fakeRoutes, refused, settle, useDashboardRoot, type Answer } from './fake-api.ts';

const COMMON: [RegExp, () => Answer][] = [
  [/\{ me \{/, () => ({ data: { me: { organization: CHAIN.root, roles: ['ANALYST'], roots: [] } } })],
  [/__type/, () => refused('introspection is off', 'INTERNAL_SERVER_ERROR')],
  [/DashboardEvidence/, () => ({ data: { received: [], given: [], inbox: [], outbox: [] } })],
];

let root: HTMLElement;
const freshRoot = useDashboardRoot(TOKEN_KEY);
beforeEach(() => {
  root = freshRoot();
});

describe('"+K more" in a big tier', () => {
  it('gives the focus to the first card it brought, not to the top of the page', async () => {
    fakeRoutes([
      ...COMMON,
      [/DashboardChain/, () => ({ data: { supplyChain: bigChain(DEFAULT_TIER_LIMIT + 5) } })],
      [/DashboardExposure/, () => ({ data: { exposure: { ...EXPOSURE, findings: [], blindSpots: [] } } })],
      [/DashboardRisk/, () => refused('no ranking here', 'INTERNAL_SERVER_ERROR')],
    ]);
    await start(root);
    await settle(10);
    const more = root.querySelector<HTMLButtonElement>('section.tier[data-tier="2"] button.more')!;
    expect(more.textContent).toBe('+5 more');
    more.focus();
    more.click();
    expect(root.querySelector('section.tier[data-tier="2"] button.more')).toBeNull();
    const focused = document.activeElement as HTMLElement | null;
    expect(focused?.dataset['orgId']).toBe(`f-${DEFAULT_TIER_LIMIT}`);
  });
});

describe('a panel whose own load failed', () => {
  it('announces the ranking’s and the exposure’s failure', async () => {
    fakeRoutes([
      ...COMMON,
      [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })],
      [/DashboardExposure/, () => refused('exposure broke', 'INTERNAL_SERVER_ERROR')],
      [/DashboardRisk/, () => refused('ranking broke', 'INTERNAL_SERVER_ERROR')],
    ]);
    await start(root);
    await settle(10);
    expect(root.querySelector('#risk [role="alert"]')?.textContent).toBe(
      'The risk assessment failed: ranking broke',
    );
    expect(root.querySelector('#exposure [role="alert"]')?.textContent).toBe(
      'The exposure analysis failed: exposure broke',
    );
  });
});

describe('the details’ close button', () => {
  it('keeps the focus when the disclosures arrive and the panel is drawn again', async () => {
    let arrive: (answer: Answer) => void = () => {};
    const disclosures = new Promise<Answer>((resolve) => (arrive = resolve));
    fakeRoutes([
      ...COMMON,
      [/DashboardChain/, () => ({ data: { supplyChain: CHAIN } })],
      [/DashboardExposure/, () => ({ data: { exposure: EXPOSURE } })],
      [/DashboardRisk/, () => refused('no ranking here', 'INTERNAL_SERVER_ERROR')],
      [/DashboardDisclosures/, () => disclosures],
    ]);
    await start(root);
    await settle(10);
    root.querySelector<HTMLButtonElement>('button.org[data-org-id="factory-b"]')!.click();
    root.querySelector<HTMLButtonElement>('#details button.close')!.focus();
    arrive({ data: { organization: { disclosures: [] } } });
    await settle(10);
    expect(root.querySelector('#details .no-disclosures')).not.toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Close details');
  });
});
