// A disclosed indicator's `disclosure` is the disclosure the exposure statement found (rule 8 decided
// there), answered from that same read. Before the fix it was read again through the disclosure
// loaders, after the statement: a disclosure share revoked, a disclosure withdrawn, or the sourcing
// share that reached its subject revoked in between answered INTERNAL_SERVER_ERROR ("A disclosure
// disappeared mid-request."), and an action closed in between showed the disclosure's later version
// beside the indicator of the earlier one. The write comes right after the exposure statement, through
// test/support/hooked-executor.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { correctiveAction, disclosureVersion, graph } from '../support/graph-builder.ts';
import { useHookedApi } from '../support/hooked-executor.ts';

const t = useHookedApi();

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();

// buyer <- reseller <- brand <- factory; reseller and brand share their sourcing with buyer, brand its
// disclosures too; brand's plan about factory has an open HIGH action.
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .link('reseller', 'buyer')
      .link('brand', 'reseller')
      .link('factory', 'brand')
      .share('reseller', 'buyer')
      .share('brand', 'buyer', { id: 'brand-sourcing' })
      .share('brand', 'buyer', { id: 'brand-disclosures', scope: 'DISCLOSURES' })
      .disclosure('brand', 'factory', {
        id: 'plan',
        kind: 'CORRECTIVE_ACTION_PLAN',
        ...disclosureVersion({ title: 'Factory plan', actions: [correctiveAction(inDays(30))] }),
      })
      .build(),
  );
});

const EXPOSURE = `{ exposure { findings { organization { id } disclosedIndicators {
  kind action { id status } disclosure { id version title subject { id } owner { id }
    actions { id status } } } } } }`;

interface Finding {
  organization: { id: string };
  disclosedIndicators: {
    kind: string;
    action: { id: string; status: string };
    disclosure: {
      id: string;
      version: number;
      title: string;
      subject: { id: string };
      owner: { id: string };
      actions: { id: string; status: string }[];
    };
  }[];
}

/** The answer of a request that began before `write` and read the exposure right before it landed. */
const exposureStraddling = async (write: () => Promise<unknown>) => {
  t.hooked.once('analysis.exposure', async () => {
    await write();
  });
  return ok<{ findings: Finding[] }>(await t.api.query('buyer', EXPOSURE), 'exposure').findings;
};

const asFound: Finding[] = [
  {
    organization: { id: 'factory' },
    disclosedIndicators: [
      {
        kind: 'OPEN_ACTION',
        action: { id: 'cap-1', status: 'OPEN' },
        disclosure: {
          id: 'plan',
          version: 1,
          title: 'Factory plan',
          subject: { id: 'factory' },
          owner: { id: 'brand' },
          actions: [{ id: 'cap-1', status: 'OPEN' }],
        },
      },
    ],
  },
];

const asBrand = (query: string) => t.api.query('brand', query, {}, ['supplier_admin']);

describe('exposure, a disclosed indicator’s disclosure changed right after the exposure statement', () => {
  it('answers the disclosure found when its disclosure share is revoked in between', async () => {
    const findings = await exposureStraddling(() =>
      asBrand(`mutation { revokeShare(id: "brand-disclosures") { id } }`),
    );
    expect(findings).toEqual(asFound);
    // The next request no longer sees it.
    const after = ok<{ findings: Finding[] }>(await t.api.query('buyer', EXPOSURE), 'exposure').findings;
    expect(after).toEqual([]);
  });

  it('answers the disclosure found when it is withdrawn in between', async () => {
    const findings = await exposureStraddling(() =>
      asBrand(`mutation { withdrawDisclosure(id: "plan") { id } }`),
    );
    expect(findings).toEqual(asFound);
  });

  it('answers the disclosure found when the sourcing share that reached its subject is revoked in between', async () => {
    const findings = await exposureStraddling(() =>
      asBrand(`mutation { revokeShare(id: "brand-sourcing") { id } }`),
    );
    expect(findings).toEqual(asFound);
  });

  it('answers the version its indicator comes from when the action is closed in between', async () => {
    const closedAt = new Date(Date.now() - 1000).toISOString();
    const findings = await exposureStraddling(() =>
      asBrand(
        `mutation { updateCorrectiveAction(disclosureId: "plan", actionId: "cap-1",
          input: { status: CLOSED, closedAt: "${closedAt}", verification: DESKTOP }) { version } }`,
      ),
    );
    expect(findings).toEqual(asFound);
  });
});
