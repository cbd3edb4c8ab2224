// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A supplier_admin with requests from two buyers, and a buyer with open requests to two suppliers: each
// request's buttons ("Grant…", "Withdraw") name whose request they answer or withdraw, as Request access,
// Edit products…, End and Revoke name their organization, so a screen reader's list of buttons can tell
// them apart.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderEvidence } from '../../web/src/evidence.ts';
import { REQUEST } from './evidence-fixtures.ts';

afterEach(() => document.body.replaceChildren());

const nameOf = (b: Element) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();

function render() {
  const panel = document.createElement('div');
  document.body.replaceChildren(panel);
  const inbox = [
    REQUEST,
    { ...REQUEST, id: 'ar-3', requester: { id: 'other', name: 'Other Kommune' }, overdue: false },
  ];
  const outbox = [
    { ...REQUEST, id: 'ar-2', requester: { id: 'me', name: 'Me' }, overdue: false },
    {
      ...REQUEST,
      id: 'ar-4',
      requester: { id: 'me', name: 'Me' },
      target: { id: 'brand', name: 'Brand Inc' },
    },
  ];
  renderEvidence(
    panel,
    {
      kind: 'loaded',
      evidence: { received: [], given: [], links: [], inbox, outbox },
      asOf: '',
      requestsAsOf: false,
    },
    true,
    { show: vi.fn(), answer: vi.fn(async () => {}), withdraw: vi.fn(async () => {}) },
  );
  return panel;
}

describe('the buttons of several requests can be told apart', () => {
  it('each outbox Withdraw names the organization the request went to', () => {
    const panel = render();
    const names = [...panel.querySelectorAll('ul.outbox button.withdraw')].map(nameOf);
    expect(names).toHaveLength(2);
    expect(new Set(names).size, `accessible names: ${names.join(' | ')}`).toBe(2);
    expect(names.some((n) => n.includes('Brand Inc'))).toBe(true);
  });

  it('each inbox opener (Grant…, Decline…, Extend…) names the requester', () => {
    const panel = render();
    const names = [...panel.querySelectorAll('ul.inbox .answer-buttons > button')].map(nameOf);
    expect(names.length).toBeGreaterThanOrEqual(6);
    // Two requests, each with the same openers: every name must still be unique.
    expect(new Set(names).size, `accessible names: ${names.join(' | ')}`).toBe(names.length);
    expect(names.filter((n) => n.includes('Other Kommune')).length).toBeGreaterThanOrEqual(3);
  });
});
