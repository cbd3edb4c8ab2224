// The risk assessment's actions (docs/risk-model.md, "Actions: where to start") say what held at the
// assessment's instant, as exposure at the same instant does: the access requests open then, each as it
// stood then; public indicators still in effect then; and when the last audit or certificate expired
// (specification, sections 2, 8 and 12).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { accessRequestClient, extendedThenDeclined } from '../support/access-requests.ts';

const t = useApi();
const requests = () => accessRequestClient(t.api);

const EARLY = '2024-01-01T00:00:00Z';
const PAST = '2025-01-01T00:00:00Z';

const RISK = `query($asOf: DateTime) { riskAssessment(asOf: $asOf) {
  organizations { organization { id } components { name value inputs { label value } } }
  actions { kind text organization { id } } } }`;
const EXPOSURE = `query($asOf: DateTime) { exposure(asOf: $asOf) {
  findings { organization { id } indicators { id } }
  blindSpotDetails { organization { id } openAccessRequest { id } } } }`;

interface Assessment {
  organizations: {
    organization: { id: string };
    components: { name: string; value: number; inputs: { label: string; value: string }[] }[];
  }[];
  actions: { kind: string; text: string; organization: { id: string } }[];
}

const assess = async (viewer: string, asOf?: string) => {
  const response = await t.api.query(viewer, RISK, { asOf });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!['riskAssessment'] as Assessment;
};

const exposure = async (viewer: string, asOf?: string) => {
  const response = await t.api.query(viewer, EXPOSURE, { asOf });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!['exposure'] as {
    findings: { organization: { id: string }; indicators: { id: string }[] }[];
    blindSpotDetails: { organization: { id: string }; openAccessRequest: { id: string } | null }[];
  };
};

beforeAll(async () => {
  await loadGraph(t.db, {
    ...graph()
      // Chain 1: v buys from a (a blind spot of v); v asks a for access today.
      .org('v', 'PURCHASER')
      .org('a', 'RESELLER')
      .link('a', 'v', { recordedAt: EARLY })
      // Chain 2: w buys from f, whose only public indicator is a watch-list entry delisted in 2025.
      .org('w', 'PURCHASER')
      .org('f', 'FACTORY')
      .link('f', 'w', { recordedAt: EARLY })
      .risk('f', {
        id: 'wl-f',
        kind: 'WATCHLIST',
        source: 'Entity List',
        recordedAt: EARLY,
        observedAt: EARLY,
        listEntryId: 'el-f',
        delistedAt: '2025-06-01T00:00:00Z',
      })
      // Chain 3: x buys from g; x holds an audit report of g that expired in 2024 and a corrective action
      // plan (no HIGH actions) valid until 2035: every audit and certificate of g has expired.
      .org('x', 'PURCHASER')
      .org('g', 'FACTORY')
      .link('g', 'x', { recordedAt: EARLY })
      .disclosure('x', 'g', {
        id: 'audit-g',
        kind: 'AUDIT_REPORT',
        issuedAt: '2023-01-01',
        validUntil: '2024-06-01',
        recordedAt: EARLY,
        publishedAt: EARLY,
      })
      .disclosure('x', 'g', {
        id: 'cap-g',
        kind: 'CORRECTIVE_ACTION_PLAN',
        issuedAt: '2023-01-01',
        validUntil: '2035-01-01',
        recordedAt: EARLY,
        publishedAt: EARLY,
      })
      // Chain 4: y buys from b (a blind spot of y). y's request to b was sent on 10 January 2024, due
      // 31 January, extended on 20 January to 1 March, and declined on 1 April.
      .org('y', 'PURCHASER')
      .org('b', 'RESELLER')
      .link('b', 'y', { recordedAt: EARLY })
      .build(),
    accessRequests: [extendedThenDeclined('y', 'b')],
  });
});

describe('riskAssessment asOf: access requests', () => {
  it('a request sent after T is not "your access request" in an assessment asOf T (exposure at T agrees: none was open)', async () => {
    const sent = await requests().ask('v', 'a', 'SOURCING');
    expect(sent.errors).toBeUndefined();
    const id = (sent.data!['requestAccess'] as { id: string }).id;
    // Exposure asOf T: the request did not exist then.
    const past = await exposure('v', PAST);
    expect(past.blindSpotDetails).toEqual([{ organization: { id: 'a' }, openAccessRequest: null }]);
    // Today, both name it.
    expect((await assess('v')).actions[0]).toMatchObject({ kind: 'FOLLOW_UP_ACCESS_REQUEST' });
    // asOf T, the assessment must say what exposure says: no request, ask for access.
    const [action] = (await assess('v', PAST)).actions;
    expect(action!.text).not.toContain(id);
    expect(action).toMatchObject({ kind: 'REQUEST_ACCESS', organization: { id: 'a' } });
  });

  it('a request open at T and declined since is "your access request" asOf T, due as it stood then, overdue by then', async () => {
    const at = async (asOf?: string) => {
      const action = (await assess('y', asOf)).actions.find((a) => a.organization.id === 'b')!;
      // Exposure at the same instant names the same request, or none.
      const [spot] = (await exposure('y', asOf)).blindSpotDetails;
      expect(action.kind === 'FOLLOW_UP_ACCESS_REQUEST' ? 'ar-dated' : null).toBe(
        spot!.openAccessRequest?.id ?? null,
      );
      return action;
    };
    const follow = (when: string) => ({
      kind: 'FOLLOW_UP_ACCESS_REQUEST',
      text: expect.stringContaining(`Follow up your access request to Org b, ${when}:`),
    });
    expect(await at('2024-01-05T00:00:00Z')).toMatchObject({ kind: 'REQUEST_ACCESS' });
    // Before the extension: the due date it had then.
    expect(await at('2024-01-15T00:00:00Z')).toMatchObject(follow('due 2024-01-31'));
    expect(await at('2024-02-10T00:00:00Z')).toMatchObject(follow('due 2024-03-01'));
    expect(await at('2024-03-15T00:00:00Z')).toMatchObject(
      follow('overdue since 2024-03-01, with a reminder (one a day at most)'),
    );
    expect(await at('2024-04-02T00:00:00Z')).toMatchObject({ kind: 'REQUEST_ACCESS' });
    expect(await at()).toMatchObject({ kind: 'REQUEST_ACCESS' });
  });
});

describe('riskAssessment: a delisted watch-list entry', () => {
  it('an entry delisted before T does not make the assessment ask for an audit "while public sources flag it"', async () => {
    // Exposure (now, and asOf after the delisting) has no finding: the entry is no longer one.
    expect((await exposure('w')).findings).toEqual([]);
    expect((await exposure('w', '2026-01-01T00:00:00Z')).findings).toEqual([]);
    for (const asOf of [undefined, '2026-01-01T00:00:00Z']) {
      const result = await assess('w', asOf);
      const f = result.organizations.find((o) => o.organization.id === 'f')!;
      // The score already ignores it...
      expect(f.components.find((c) => c.name === 'PUBLIC_INDICATORS')!.value).toBe(0);
      // ...but the actions still cite it as a public source flagging f.
      expect(result.actions.map((a) => a.kind)).not.toContain('ASK_FOR_AUDIT');
    }
  });
});

describe('riskAssessment: "no valid audit or certificate since …"', () => {
  it('names the day the last audit or certificate expired, not a later validity of another kind of disclosure', async () => {
    for (const asOf of [undefined, '2025-01-01T00:00:00Z']) {
      const result = await assess('x', asOf);
      const renew = result.actions.find((a) => a.kind === 'RENEW_EVIDENCE');
      expect(renew, JSON.stringify(result.actions)).toBeDefined();
      // The audit report expired on 2024-06-01; the plan (valid until 2035) is no audit or certificate.
      expect(renew!.text).toContain('since 2024-06-01');
      expect(renew!.text).not.toContain('2035');
    }
  });
});
