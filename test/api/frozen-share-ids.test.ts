// A merge freezes a whole share of either record to the links (or disclosures) it covers, so that it
// does not widen to the other record's (docs/specification.md, section 10). The frozen share is the
// recipient's to read (sharesReceived, linkIds and disclosureIds), so it must name only what the share
// could ever have shown it: never a link of the owner that held at no instant while the share was
// active (ended before it was granted, called off) nor a disclosure withdrawn before it was granted.
// Those the recipient never saw, and their ids (often a supplier's name) and number are not its to read.
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const MERGE = `mutation($keepId: ID!, $mergeId: ID!) { mergeOrganizations(keepId: $keepId, mergeId: $mergeId) { frozenShareIds } }`;
const RECEIVED = `{ sharesReceived(includeInactive: true) { id scope linkIds disclosureIds } }`;
const CHAIN = `query($rootId: ID, $asOf: DateTime) { supplyChain(rootId: $rootId, asOf: $asOf) { links { id } } }`;

interface Received {
  id: string;
  scope: string;
  linkIds: string[] | null;
  disclosureIds: string[] | null;
}

beforeEach(async () => {
  // brand buys from factory now and bought from old-factory until 2021; it shares all its sourcing and
  // all its disclosures with buyer since 2023, after it withdrew one of them. Its
  // duplicate brand-dup has a supplier and a disclosure of its own, so both whole shares are frozen.
  await loadGraph(
    t.db,
    graph()
      .org('operator', 'MONITOR')
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('brand-dup', 'BRAND')
      .org('factory', 'FACTORY')
      .org('old-factory', 'FACTORY')
      .org('dup-factory', 'FACTORY')
      .link('brand', 'buyer', { recordedAt: '2020-01-01T00:00:00Z' })
      .link('factory', 'brand', { recordedAt: '2020-01-01T00:00:00Z' })
      .link('old-factory', 'brand', {
        validTo: '2021-01-01T00:00:00Z',
        recordedAt: '2020-01-01T00:00:00Z',
      })
      .link('dup-factory', 'brand-dup')
      .share('brand', 'buyer', { id: 's-sourcing', createdAt: '2023-01-01T00:00:00Z' })
      .share('brand', 'buyer', {
        id: 's-disclosures',
        scope: 'DISCLOSURES',
        createdAt: '2023-01-01T00:00:00Z',
      })
      .disclosure('brand', 'brand', { id: 'd-current', publishedAt: '2022-01-01T00:00:00Z' })
      .disclosure('brand', 'brand', {
        id: 'd-withdrawn-early',
        publishedAt: '2020-06-01T00:00:00Z',
        withdrawnAt: '2021-06-01T00:00:00Z',
      })
      .disclosure('brand-dup', 'brand-dup', { id: 'd-dup' })
      .build(),
  );
});

describe('a share frozen by a merge', () => {
  it('names to its recipient only the links and disclosures it could ever have shown', async () => {
    // What buyer could see through the share, at any instant while it was active: factory>brand only.
    const seen = async (asOf: string | null) =>
      ok<{ links: { id: string }[] }>(
        await t.api.query('buyer', CHAIN, { rootId: 'brand', asOf }),
        'supplyChain',
      ).links.map((l) => l.id);
    for (const asOf of [null, '2023-06-01T00:00:00Z', '2024-01-01T00:00:00Z'])
      expect(await seen(asOf)).toEqual(['factory>brand']);

    const merged = ok<{ frozenShareIds: string[] }>(
      await t.api.query('operator', MERGE, { keepId: 'brand', mergeId: 'brand-dup' }, ['platform_admin']),
      'mergeOrganizations',
    );
    expect(merged.frozenShareIds).toEqual(['s-disclosures', 's-sourcing']);

    const received = ok<Received[]>(await t.api.query('buyer', RECEIVED), 'sharesReceived');
    expect(Object.fromEntries(received.map((s) => [s.id, s.linkIds ?? s.disclosureIds]))).toEqual({
      's-sourcing': ['factory>brand'],
      's-disclosures': ['d-current'],
    });
    // And the frozen share still shows what it showed.
    for (const asOf of [null, '2023-06-01T00:00:00Z']) expect(await seen(asOf)).toEqual(['factory>brand']);
  });
});
