// endSupplyLink sent twice with the same future validTo (a retry after a lost answer)
// wrote a second ENDED event that changed nothing, where the specification promises that sending it
// twice never makes a second record; and a MONITOR named as supplier was refused without naming the id.
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const END = `mutation($id: ID!, $validTo: DateTime) { endSupplyLink(id: $id, validTo: $validTo) { id validTo } }`;
const EVENTS = `{ supplyLinkEvents { action linkId } }`;
const DECLARE = `mutation($s: ID) { declareSupplyLink(supplierId: $s) { id } }`;

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('watch', 'MONITOR', { listed: true })
      .link('reseller', 'buyer', { id: 'r>b' })
      .build(),
  );
});

describe('endSupplyLink sent twice with the same future validTo', () => {
  it('answers the link as ended the first time and records one ENDED event', async () => {
    const validTo = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const first = ok<{ validTo: string }>(
      await t.api.query('buyer', END, { id: 'r>b', validTo }, [...ADMIN]),
      'endSupplyLink',
    );
    const again = ok<{ validTo: string }>(
      await t.api.query('buyer', END, { id: 'r>b', validTo }, [...ADMIN]),
      'endSupplyLink',
    );
    expect(again).toEqual(first);
    const events = ok<{ action: string }[]>(
      await t.api.query('buyer', EVENTS, {}, [...ADMIN]),
      'supplyLinkEvents',
    );
    expect(events.map((e) => e.action)).toEqual(['ENDED']);
  });
});

describe('declareSupplyLink naming a listed MONITOR as supplier', () => {
  it('is refused naming the id sent', async () => {
    const answer = await t.api.query('buyer', DECLARE, { s: 'watch' }, [...ADMIN]);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('supplierId "watch"');
  });
});
