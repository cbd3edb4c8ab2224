// Disclosure.sharedWith: the owner's own answer to "who can see my disclosure?" (contract section 8,
// rule 8). The owner learns which of its active DISCLOSURES shares cover the disclosure at the instant
// asked for and whether its own sourcing share to each recipient covers its link from the subject;
// never whether the recipient reaches the subject through anyone else's share (rule 6). Every other
// viewer gets null, whatever the disclosure's sharing, and reads nothing for it.
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { disclosureVersion, graph, type GraphBuilder } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { countStatements } from '../support/statement-count.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const SHARED_WITH = `sharedWith { ownLinkShared share { id scope disclosureIds expiresAt revokedAt active recipient { id name } } }`;
const GIVEN = `query($asOf: DateTime, $all: Boolean) {
  disclosuresGiven(asOf: $asOf, includeWithdrawn: $all) { id ${SHARED_WITH} } }`;
const ONE = `query($id: ID!, $asOf: DateTime) { disclosure(id: $id, asOf: $asOf) { id ${SHARED_WITH} } }`;

interface Audience {
  ownLinkShared: boolean | null;
  share: {
    id: string;
    scope: string;
    disclosureIds: string[] | null;
    expiresAt: string | null;
    revokedAt: string | null;
    active: boolean;
    recipient: { id: string; name: string };
  };
}
interface Shown {
  id: string;
  sharedWith: Audience[] | null;
}

const EARLY = '2024-01-01T00:00:00Z';
const BEFORE = '2025-03-01T00:00:00Z';
const ENDED = '2025-06-01T00:00:00Z';
const WITHDRAWN = '2025-09-01T00:00:00Z';

/**
 * Brand publishes about itself (d-0), its factory (d-1), its second factory (d-2, whose link ended
 * in June 2025) and the factory again (d-3, withdrawn in September 2025); rival publishes about
 * itself (d-4). Everything was recorded early, so an `asOf` between those dates sees it all.
 */
function scenario(): GraphBuilder {
  const dated = { publishedAt: EARLY, ...disclosureVersion({ title: 'x', recordedAt: EARLY }) };
  return (
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('factory2', 'FACTORY')
      // The all-disclosure share's recipient sorts last by name, so "all first" is what puts it first.
      .org('buyer', 'PURCHASER', { name: 'Zeta Region' })
      .org('reseller', 'RESELLER')
      .org('monitor', 'MONITOR', { name: 'Aardvark Watch', listed: true })
      .org('rival', 'BRAND')
      .link('factory', 'brand', { recordedAt: '2020-01-01' })
      .link('factory2', 'brand', { recordedAt: '2020-01-01', validTo: ENDED })
      .link('brand', 'buyer', { recordedAt: '2020-01-01' })
      .link('brand', 'reseller', { recordedAt: '2020-01-01' })
      .link('factory', 'rival', { recordedAt: '2020-01-01' })
      .link('rival', 'buyer', { recordedAt: '2020-01-01' })
      .disclosure('brand', 'brand', dated)
      .disclosure('brand', 'factory', dated)
      .disclosure('brand', 'factory2', dated)
      .disclosure('brand', 'factory', { ...dated, withdrawnAt: WITHDRAWN })
      .disclosure('rival', 'rival', dated)
      // Disclosure shares of brand's: all to buyer; a list to reseller (naming the withdrawn d-3 too);
      // a list to the factory about its own audit; a list naming another disclosure to monitor; one
      // revoked and one expired, both active before June 2025.
      .share('brand', 'buyer', { scope: 'DISCLOSURES', linkIds: null, disclosureIds: null, createdAt: EARLY })
      .share('brand', 'reseller', {
        scope: 'DISCLOSURES',
        linkIds: null,
        disclosureIds: ['d-1', 'd-3'],
        createdAt: EARLY,
      })
      .share('brand', 'factory', {
        scope: 'DISCLOSURES',
        linkIds: null,
        disclosureIds: ['d-1'],
        createdAt: EARLY,
      })
      .share('brand', 'monitor', {
        scope: 'DISCLOSURES',
        linkIds: null,
        disclosureIds: ['d-2'],
        createdAt: EARLY,
      })
      .share('brand', 'monitor', {
        scope: 'DISCLOSURES',
        linkIds: null,
        disclosureIds: ['d-1'],
        createdAt: EARLY,
        revokedAt: ENDED,
      })
      .share('brand', 'reseller', {
        scope: 'DISCLOSURES',
        linkIds: null,
        disclosureIds: null,
        createdAt: EARLY,
        expiresAt: ENDED,
      })
      // Sourcing shares of brand's: the factory's link to buyer, the second factory's to reseller and
      // to monitor. Rival shares all its disclosures and sourcing (which reaches the factory) with buyer.
      .share('brand', 'buyer', { linkIds: ['factory>brand'], createdAt: EARLY })
      .share('brand', 'reseller', { linkIds: ['factory2>brand'], createdAt: EARLY })
      .share('brand', 'monitor', { linkIds: ['factory2>brand'], createdAt: EARLY })
      .share('rival', 'buyer', { scope: 'DISCLOSURES', linkIds: null, disclosureIds: null, createdAt: EARLY })
      .share('rival', 'buyer', { linkIds: null, createdAt: EARLY })
  );
}

/** The share ids the builder gives, in the order `scenario` adds them. */
const S = {
  allToBuyer: 'brand=>buyer#0',
  listToReseller: 'brand=>reseller#1',
  listToFactory: 'brand=>factory#2',
  otherToMonitor: 'brand=>monitor#3',
  revokedToMonitor: 'brand=>monitor#4',
  expiredToReseller: 'brand=>reseller#5',
  rivalToBuyer: 'rival=>buyer#9',
};

const given = async (as: string, asOf: string | null = null) =>
  ok<Shown[]>(await t.api.query(as, GIVEN, { asOf, all: true }), 'disclosuresGiven');

/** Each disclosure's audience as [share id, ownLinkShared], by disclosure id. */
const audiences = (shown: readonly Shown[]) =>
  Object.fromEntries(
    shown.map((d) => [d.id, d.sharedWith?.map((a) => [a.share.id, a.ownLinkShared]) ?? null]),
  );

beforeEach(async () => {
  await loadGraph(t.db, scenario().build());
});

describe('Disclosure.sharedWith, to its owner', () => {
  it('lists the active disclosure shares that cover each disclosure now, all first, with its own link', async () => {
    expect(audiences(await given('brand'))).toEqual({
      // About brand itself: only the all-disclosure share; ownLinkShared does not apply.
      'd-0': [[S.allToBuyer, null]],
      // About the factory: buyer's sourcing share covers the factory's link, reseller's names another
      // link; the factory is the subject itself. Not monitor's revoked share, nor its list of d-2.
      'd-1': [
        [S.allToBuyer, true],
        [S.listToFactory, null],
        [S.listToReseller, false],
      ],
      // About the second factory, whose link ended: no share of brand's shows it any more, whatever
      // its sourcing share to monitor names.
      'd-2': [
        [S.allToBuyer, false],
        [S.otherToMonitor, false],
      ],
      // Withdrawn: nobody but brand sees it, though reseller's share still lists it.
      'd-3': [],
    });
  });

  it('shows each share with its recipient, list and end', async () => {
    const d1 = (await given('brand')).find((d) => d.id === 'd-1')!;
    expect(d1.sharedWith!.map((a) => a.share)).toEqual([
      {
        id: S.allToBuyer,
        scope: 'DISCLOSURES',
        disclosureIds: null,
        expiresAt: null,
        revokedAt: null,
        active: true,
        recipient: { id: 'buyer', name: 'Zeta Region' },
      },
      expect.objectContaining({ id: S.listToFactory, recipient: { id: 'factory', name: 'Org factory' } }),
      expect.objectContaining({
        id: S.listToReseller,
        disclosureIds: ['d-1', 'd-3'],
        recipient: { id: 'reseller', name: 'Org reseller' },
      }),
    ]);
  });

  it('answers as of an instant with the shares and links as they stood then', async () => {
    expect(audiences(await given('brand', BEFORE))).toEqual({
      'd-0': [
        // Two shares of all: by recipient name ("Org reseller" before "Zeta Region").
        [S.expiredToReseller, null],
        [S.allToBuyer, null],
      ],
      'd-1': [
        [S.expiredToReseller, false],
        [S.allToBuyer, true],
        // Revoked in June 2025: active then ("Aardvark Watch" first by name).
        [S.revokedToMonitor, false],
        [S.listToFactory, null],
        [S.listToReseller, false],
      ],
      // The second factory's link held then: brand's sourcing shares to reseller and monitor covered it.
      'd-2': [
        [S.expiredToReseller, true],
        [S.allToBuyer, false],
        [S.otherToMonitor, true],
      ],
      // Not withdrawn yet.
      'd-3': [
        [S.expiredToReseller, false],
        [S.allToBuyer, true],
        [S.listToReseller, false],
      ],
    });
    const d1 = (await given('brand', BEFORE)).find((d) => d.id === 'd-1')!;
    const revoked = d1.sharedWith!.find((a) => a.share.id === S.revokedToMonitor)!;
    // As it stood then: its later revocation had not happened.
    expect(revoked.share).toMatchObject({ revokedAt: null, active: true });
  });

  it('answers disclosure(id, asOf) at the instant asked for', async () => {
    // Now brand may not look its former factory up, so rule 8 hides d-2 from disclosure(id) (its own
    // list shows it, above).
    expect(ok<Shown | null>(await t.api.query('brand', ONE, { id: 'd-2' }), 'disclosure')).toBeNull();
    const then = ok<Shown>(await t.api.query('brand', ONE, { id: 'd-2', asOf: BEFORE }), 'disclosure');
    expect(audiences([then])['d-2']).toContainEqual([S.otherToMonitor, true]);
  });

  it('follows shares granted and revoked through the API, and a withdrawal', async () => {
    const share = ok<{ id: string }>(
      await t.api.query(
        'brand',
        `mutation { shareDisclosures(recipientId: "monitor", disclosureIds: ["d-0"]) { id } }`,
        {},
        [...ADMIN],
      ),
      'shareDisclosures',
    );
    const d0 = async () => ok<Shown>(await t.api.query('brand', ONE, { id: 'd-0' }), 'disclosure');
    expect(audiences([await d0()])['d-0']).toEqual([
      [S.allToBuyer, null],
      [share.id, null],
    ]);
    await t.api.query('brand', `mutation($id: ID!) { revokeShare(id: $id) { id } }`, { id: share.id }, [
      ...ADMIN,
    ]);
    expect(audiences([await d0()])['d-0']).toEqual([[S.allToBuyer, null]]);
    const withdrawn = ok<Shown>(
      await t.api.query('brand', `mutation { withdrawDisclosure(id: "d-0") { id ${SHARED_WITH} } }`, {}, [
        ...ADMIN,
      ]),
      'withdrawDisclosure',
    );
    expect(withdrawn.sharedWith).toEqual([]);
  });

  it('shares a newly shared link of its own: ownLinkShared turns true', async () => {
    ok(
      await t.api.query(
        'brand',
        `mutation { shareSourcing(recipientId: "reseller", linkIds: ["factory>brand"]) { id } }`,
        {},
        [...ADMIN],
      ),
      'shareSourcing',
    );
    const d1 = ok<Shown>(await t.api.query('brand', ONE, { id: 'd-1' }), 'disclosure');
    expect(audiences([d1])['d-1']).toContainEqual([S.listToReseller, true]);
  });

  it('reads a list of 50 disclosures with one statement for their audiences', async () => {
    const many = scenario();
    for (let i = 0; i < 46; i++) many.disclosure('brand', i % 2 === 0 ? 'brand' : 'factory');
    await loadGraph(t.db, many.build());
    const { answer, statements } = await countStatements(t.db.executor, () =>
      t.api.query('brand', GIVEN, { all: true }),
    );
    const shown = ok<Shown[]>(answer, 'disclosuresGiven');
    expect(shown).toHaveLength(50);
    expect(shown.every((d) => d.sharedWith !== null)).toBe(true);
    const { statements: without } = await countStatements(t.db.executor, () =>
      t.api.query('brand', `{ disclosuresGiven(includeWithdrawn: true) { id } }`),
    );
    // The list, then one statement for every audience and one for every share's recipient.
    expect(statements).toBe(without + 2);
  });
});

describe('Disclosure.sharedWith, to anyone else', () => {
  it('is null for every disclosure a recipient sees, whatever its sharing, and reads nothing', async () => {
    const RECEIVED = `{ disclosuresReceived { id owner { id } ${SHARED_WITH} } }`;
    const { answer, statements } = await countStatements(t.db.executor, () => t.api.query('buyer', RECEIVED));
    const received = ok<(Shown & { owner: { id: string } })[]>(answer, 'disclosuresReceived');
    // Brand's (shared by a share of all, and d-1 by lists to others too; not d-2 about the former
    // factory, which buyer no longer reaches) and rival's own.
    expect(received.map((d) => d.id).sort()).toEqual(['d-0', 'd-1', 'd-4']);
    expect(received.map((d) => d.sharedWith)).toEqual([null, null, null]);
    const { statements: without } = await countStatements(t.db.executor, () =>
      t.api.query('buyer', `{ disclosuresReceived { id owner { id } } }`),
    );
    expect(statements).toBe(without);
  });

  it('is null to a recipient through disclosure(id) and as of an instant, and to the subject', async () => {
    // Reseller's list names d-1, but brand's sourcing share to it names another link and nothing else
    // lets it reach the factory: it does not see d-1 (ownLinkShared false told the owner so much).
    expect(ok<Shown | null>(await t.api.query('reseller', ONE, { id: 'd-1' }), 'disclosure')).toBeNull();
    for (const [as, id, asOf] of [
      ['buyer', 'd-1', null],
      ['buyer', 'd-1', BEFORE],
      ['monitor', 'd-2', BEFORE],
      ['factory', 'd-1', null],
    ] as const) {
      const shown = ok<Shown | null>(await t.api.query(as, ONE, { id, asOf }), 'disclosure');
      expect(shown, `${as} ${id} ${asOf}`).toEqual({ id, sharedWith: null });
    }
  });

  it("is null for the owner's own organization's other viewers only when they are not of it", async () => {
    // Any role of the owner reads it, as sharesGiven; a platform_admin of another organization does not.
    const analyst = ok<Shown>(await t.api.query('brand', ONE, { id: 'd-0' }, ['analyst']), 'disclosure');
    expect(analyst.sharedWith).not.toBeNull();
    const admin = ok<Shown>(await t.api.query('buyer', ONE, { id: 'd-0' }, ['platform_admin']), 'disclosure');
    expect(admin.sharedWith).toBeNull();
  });
});
