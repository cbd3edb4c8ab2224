// A merge that lands between two reads of one answer, made deterministic by an executor that runs the
// merge right after a named statement or unit of work (test/support/hooked-executor.ts). Before the fix,
// paths answered INTERNAL_SERVER_ERROR ("An organization disappeared mid-request", or a link joining an
// organization the answer did not hold) when an organization on a path was merged away between the path
// statement and the read of its organizations, and declareSupplyLink answered it when its supplier was
// merged away right after the declaration landed. An answer straddling a merge answers as the next
// request would (old ids resolving to the kept organization), or UNAUTHENTICATED when the viewer itself
// is gone (specification, section 10).
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { mergeElsewhere, useHookedApi } from '../support/hooked-executor.ts';

const t = useHookedApi();

/** Merges through another session, as another request or replica would. */
const merge = (keepId: string, mergeId: string) => mergeElsewhere(t.db, keepId, mergeId);

// buyer <- mid <- f, mid sharing all its sourcing with buyer; keep has no sourcing of its own, so the
// share stays whole when mid merges into it, and buyer reaches f through keep afterwards.
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('buyer2', 'PURCHASER')
      .org('mid', 'MANUFACTURER')
      .org('keep', 'MANUFACTURER')
      .org('f', 'FACTORY')
      .org('f2', 'FACTORY')
      .link('mid', 'buyer', { id: 'mid>buyer' })
      .link('f', 'mid', { id: 'f>mid' })
      .share('mid', 'buyer')
      .build(),
  );
});

const PATHS = `query($to: ID!) { paths(toId: $to) { organizations { id } links { id supplier { id } customer { id } } } }`;
type Paths = {
  organizations: { id: string }[];
  links: { id: string; supplier: { id: string }; customer: { id: string } }[];
}[];

describe('paths, an organization of a path merged away between the path statement and its organizations', () => {
  it('answers the path through the kept organization, as the next request would', async () => {
    t.hooked.once('analysis.paths', merge('keep', 'mid'));
    const paths = ok<Paths>(await t.api.query('buyer', PATHS, { to: 'f' }), 'paths');
    expect(paths).toEqual([
      {
        organizations: [{ id: 'buyer' }, { id: 'keep' }, { id: 'f' }],
        links: [
          { id: 'mid>buyer', supplier: { id: 'keep' }, customer: { id: 'buyer' } },
          { id: 'f>mid', supplier: { id: 'f' }, customer: { id: 'keep' } },
        ],
      },
    ]);
  });

  it('answers the same when the merge lands between the walk and the read of its links', async () => {
    t.hooked.once('analysis.paths.depth', merge('keep', 'mid'));
    const paths = ok<Paths>(await t.api.query('buyer', PATHS, { to: 'f' }), 'paths');
    expect(paths.map((p) => p.organizations.map((o) => o.id))).toEqual([['buyer', 'keep', 'f']]);
    expect(paths[0]?.links.map((l) => [l.supplier.id, l.customer.id])).toEqual([
      ['keep', 'buyer'],
      ['f', 'keep'],
    ]);
  });

  it('answers the target by its kept id when the target is the one merged away', async () => {
    t.hooked.once('analysis.paths', merge('f2', 'f'));
    const paths = ok<Paths>(await t.api.query('buyer', PATHS, { to: 'f' }), 'paths');
    expect(paths.map((p) => p.organizations.map((o) => o.id))).toEqual([['buyer', 'mid', 'f2']]);
  });

  it('answers UNAUTHENTICATED when the viewer itself was merged away, as its next request would', async () => {
    t.hooked.once('analysis.paths', merge('buyer2', 'buyer'));
    const answer = await t.api.query('buyer', PATHS, { to: 'f' });
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  });
});

const EXPOSURE_PATH = `{ exposure { findings { organization { id } path { id } } } }`;

describe('exposure, an organization of a finding’s path merged away before the path is read', () => {
  it('answers the path through the kept organization', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('buyer', 'PURCHASER')
        .org('mid', 'MANUFACTURER')
        .org('keep', 'MANUFACTURER')
        .org('f', 'FACTORY')
        .link('mid', 'buyer')
        .link('f', 'mid')
        .share('mid', 'buyer')
        .risk('f', { id: 'r-f', kind: 'WATCHLIST', source: 'list', severity: 'HIGH' })
        .build(),
    );
    t.hooked.once('analysis.exposure', merge('keep', 'mid'));
    const answer = await t.api.query('buyer', EXPOSURE_PATH);
    const exposure = ok<{ findings: { organization: { id: string }; path: { id: string }[] }[] }>(
      answer,
      'exposure',
    );
    expect(exposure.findings).toEqual([
      { organization: { id: 'f' }, path: [{ id: 'buyer' }, { id: 'keep' }, { id: 'f' }] },
    ]);
  });
});

const DECLARE = `mutation { declareSupplyLink(supplierId: "f", products: ["x"]) { id supplier { id } customer { id } } }`;
const OWN = `{ ownSupplyLinks { id supplier { id } } }`;

describe('declareSupplyLink, its supplier merged away right after the declaration landed', () => {
  it('answers the link from the kept organization, which it now is', async () => {
    t.hooked.once('sourcing.declareExisting', merge('f2', 'f'));
    const answer = await t.api.query('buyer', DECLARE, {}, ['supplier_admin']);
    const link = ok<{ id: string; supplier: { id: string }; customer: { id: string } }>(
      answer,
      'declareSupplyLink',
    );
    expect(link.supplier).toEqual({ id: 'f2' });
    expect(link.customer).toEqual({ id: 'buyer' });
    expect(
      await rowsOf(t.db, 'MATCH (s)-[l:SUPPLIES {id: $id}]->(c) RETURN s.id AS s, c.id AS c', {
        id: link.id,
      }),
    ).toEqual([{ s: 'f2', c: 'buyer' }]);
  });

  it('answers UNAUTHENTICATED when the customer was merged away instead, the link kept as the kept one’s', async () => {
    t.hooked.once('sourcing.declareExisting', merge('buyer2', 'buyer'));
    const answer = await t.api.query('buyer', DECLARE, {}, ['supplier_admin']);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    expect(
      await rowsOf(t.db, "MATCH (:Organization {id: 'f'})-[l:SUPPLIES]->(c) RETURN c.id AS c ORDER BY c"),
    ).toEqual([{ c: 'buyer2' }, { c: 'mid' }]);
  });

  it('lists own links in one read, so a merge right before or after it leaves no link without its end', async () => {
    ok(await t.api.query('buyer', DECLARE, {}, ['supplier_admin']), 'declareSupplyLink');
    t.hooked.once('sourcing.ownLinks', merge('f2', 'f'));
    const before = ok<{ supplier: { id: string } }[]>(await t.api.query('buyer', OWN), 'ownSupplyLinks');
    expect(before.map((l) => l.supplier.id).sort()).toEqual(['f', 'mid']);
    const after = ok<{ supplier: { id: string } }[]>(await t.api.query('buyer', OWN), 'ownSupplyLinks');
    expect(after.map((l) => l.supplier.id).sort()).toEqual(['f2', 'mid']);
  });
});
