// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Whom the share forms offer (web/src/forms.ts recipientPicker): the organization's customers and the
// organizations its own records name (whom it shared with, active or not, and who asked it for access),
// all of which the API accepts as recipients, at once and without asking the API about them.
import { describe, expect, it } from 'vitest';
import { recipientPicker } from '../../web/src/forms.ts';
import { fakeApi, refused, settle } from './fake-api.ts';

const CUSTOMERS = [
  { id: 'se-sthlm', name: 'Region Stockholm' },
  { id: 'se-adda', name: 'Adda' },
];
const EW = { id: 'nl-ew', name: 'Electronics Watch' };
const GONE = { id: 'se-gone', name: 'Former Customer AB' };

const { sent } = fakeApi(() => refused('not in this fake', 'INTERNAL_SERVER_ERROR'));

function mounted(known: { id: string; name: string }[]) {
  const picker = recipientPicker('share', CUSTOMERS, known, 'token');
  const box = document.createElement('div');
  box.append(...picker.fields);
  document.body.replaceChildren(box);
  const select = box.querySelector<HTMLSelectElement>('#share-recipient')!;
  return { offered: () => [...select.options].map((o) => o.value) };
}

describe('whom a share form offers', () => {
  it('offers its customers and the organizations its records name, each once, by name', async () => {
    const { offered } = mounted([EW, GONE, CUSTOMERS[0]!, EW]);
    expect(offered()).toEqual(['se-adda', 'nl-ew', 'se-gone', 'se-sthlm', '']);
    await settle();
    expect(sent).toEqual([]);
  });
});
