// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Whom the share forms offer (web/src/forms.ts recipientPicker): the organization's customers at once,
// and whom it shared with before only once the API confirms it may still name them, so that a choice
// the API would refuse as NOT_FOUND is not offered; the ones dropped are named beside the choice.
import { describe, expect, it } from 'vitest';
import { NAMEABLE_BATCH, recipientPicker } from '../../web/src/forms.ts';
import { fakeApi, nameableAnswer, refused, settle } from './fake-api.ts';

const CUSTOMERS = [
  { id: 'se-sthlm', name: 'Region Stockholm' },
  { id: 'se-adda', name: 'Adda' },
];
const EW = { id: 'nl-ew', name: 'Electronics Watch' };
const GONE = { id: 'se-gone', name: 'Former Customer AB' };

let failCheck = false;
const { sent } = fakeApi(({ query, variables }) =>
  query.includes('ShareRecipientsNameable')
    ? failCheck
      ? refused('Neo4j is unavailable', 'SERVICE_UNAVAILABLE')
      : nameableAnswer(variables, {
          [EW.id]: EW.name,
          ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`many-${i}`, `Many ${i}`])),
        })
    : refused('not in this fake', 'INTERNAL_SERVER_ERROR'),
);

function mounted(earlier: { id: string; name: string }[]) {
  const picker = recipientPicker('share', CUSTOMERS, earlier, 'token');
  const box = document.createElement('div');
  box.append(...picker.fields);
  document.body.replaceChildren(box);
  const select = box.querySelector<HTMLSelectElement>('#share-recipient')!;
  return {
    select,
    offered: () => [...select.options].map((o) => o.value),
    dropped: () => box.querySelector<HTMLElement>('#share-recipients-dropped')!,
  };
}

describe('whom a share form offers', () => {
  it('offers earlier recipients once confirmed, and names the ones it may no longer name', async () => {
    failCheck = false;
    const { offered, dropped } = mounted([EW, GONE, CUSTOMERS[0]!]);
    // At once: the customers only.
    expect(offered()).toEqual(['se-adda', 'se-sthlm', '']);
    await settle();
    expect(offered()).toEqual(['se-adda', 'nl-ew', 'se-sthlm', '']);
    // A customer is not asked about again.
    expect(sent.map((r) => Object.values(r.variables))).toEqual([[EW.id, GONE.id]]);
    expect(dropped().hidden).toBe(false);
    expect(dropped().textContent).toBe(
      'Not offered: Former Customer AB, shared with before but no longer one you may name (not a customer, not sharing with you, not listed in the directory).',
    );
  });

  it('keeps the choice made while it checks, "another organization" included', async () => {
    failCheck = false;
    const { select, offered } = mounted([EW]);
    select.value = '';
    await settle();
    expect(offered()).toContain(EW.id);
    expect(select.value).toBe('');
  });

  it(`asks about ${NAMEABLE_BATCH} at most per request, within the API's alias limit`, async () => {
    failCheck = false;
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `many-${i}`, name: `Many ${i}` }));
    const { offered, dropped } = mounted(many);
    await settle();
    expect(sent.map((r) => Object.keys(r.variables).length)).toEqual([NAMEABLE_BATCH, 30 - NAMEABLE_BATCH]);
    expect(offered()).toHaveLength(CUSTOMERS.length + 30 + 1);
    expect(dropped().hidden).toBe(true);
  });

  it('offers them unchecked when the check fails: a refusal is explained when the form is sent', async () => {
    failCheck = true;
    const { offered, dropped } = mounted([EW, GONE]);
    await settle();
    expect(offered()).toEqual(['se-adda', 'nl-ew', GONE.id, 'se-sthlm', '']);
    expect(dropped().hidden).toBe(true);
  });
});
