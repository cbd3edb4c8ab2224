// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Dell, answering Oslo kommune's request for "laptop computers" (its own suppliers' links carry
// components, motherboards and servers), opened Grant with limits… and pressed Grant with its first
// choice, "Those that carry laptop computers, as asked": a browser alert then told it to "Use Grant
// with limits…", the form it was in. The form now says beforehand that no link carries them, and its
// refusal, beside the form, names the form's own choices.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderEvidence } from '../../web/src/evidence.ts';
import { PLAN, REQUEST } from './evidence-fixtures.ts';

const mount = () => {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  return container;
};
afterEach(() => document.body.replaceChildren());
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const GIVEN = [{ id: 'd-plan', kind: 'CORRECTIVE_ACTION_PLAN' as const, title: 'Plan' }];
const LINKS = [
  { id: 'l-hipro', supplier: { id: 'hipro', name: 'Hipro' }, products: ['computer components'] },
  { id: 'l-wistron', supplier: { id: 'wistron', name: 'Wistron' }, products: ['servers'] },
];
const laptops = { ...REQUEST, scope: 'BOTH' as const, products: ['laptop computers'] };
const loaded = {
  kind: 'loaded' as const,
  evidence: { received: [PLAN], given: GIVEN, links: LINKS, inbox: [laptops], outbox: [] },
  asOf: '',
  requestsAsOf: false,
};

describe('Grant with limits… when no link carries the products asked', () => {
  it('says so in its first choice and refuses beside the form, naming its own choices', async () => {
    const panel = mount();
    const handlers = { show: vi.fn(), answer: vi.fn(async () => {}), withdraw: vi.fn(async () => {}) };
    const alert = vi.fn((_message?: string) => undefined);
    const confirm = vi.fn((_question?: string) => true);
    window.alert = alert;
    window.confirm = confirm;
    renderEvidence(panel, loaded, true, handlers);
    const form = panel.querySelector<HTMLFormElement>('form.grant-form')!;
    const links = form.querySelector('fieldset.grant-links')!;
    expect(links.querySelector('label[for$="-all"]')?.textContent).toBe(
      'Those that carry laptop computers, as asked (none of your links does)',
    );
    form.requestSubmit();
    await settle();
    expect(form.querySelector('[role="alert"]')?.textContent).toBe(
      'None of your sourcing links carries laptop computers, which Root Buyer asked about. Tick the links ' +
        'to share under “Only these:”, choose “Disclosures only”, or Decline….',
    );
    expect(alert).not.toHaveBeenCalled();
    expect(confirm).not.toHaveBeenCalled();
    expect(handlers.answer).not.toHaveBeenCalled();
  });

  it('does not add the note when a link carries them', () => {
    const panel = mount();
    const handlers = { show: vi.fn(), answer: vi.fn(async () => {}), withdraw: vi.fn(async () => {}) };
    const servers = { ...laptops, products: ['servers'] };
    renderEvidence(panel, { ...loaded, evidence: { ...loaded.evidence, inbox: [servers] } }, true, handlers);
    expect(panel.querySelector('fieldset.grant-links label[for$="-all"]')?.textContent).toBe(
      'Those that carry servers, as asked',
    );
  });
});
