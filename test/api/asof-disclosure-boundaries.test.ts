// Dated disclosure reads (disclosuresGiven, facilityRecord, firstDueAt) at T exactly, a millisecond
// either side, and T written with a +14:00 offset.
import { beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { correctiveAction, disclosureVersion, factoryOfViewer } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const T = '2025-01-01T00:00:00.000Z';
const T_PLUS14 = '2025-01-01T14:00:00+14:00';
const BEFORE = '2024-12-31T23:59:59.999Z';
const AFTER = '2025-01-01T00:00:00.001Z';

beforeAll(async () => {
  await loadGraph(
    t.db,
    factoryOfViewer('2020-01-01T00:00:00Z')
      .share('f', 'v', { scope: 'DISCLOSURES', createdAt: '2020-01-01T00:00:00Z' })
      // Published at T.
      .disclosure('f', 'f', { id: 'pub-at-t', kind: 'CERTIFICATE', publishedAt: T, recordedAt: T })
      // Withdrawn at T.
      .disclosure('f', 'f', {
        id: 'wd-at-t',
        kind: 'CERTIFICATE',
        publishedAt: '2020-01-01T00:00:00Z',
        recordedAt: '2020-01-01T00:00:00Z',
        withdrawnAt: T,
      })
      // A plan whose due date was moved at T, from 2030 to 2031.
      .disclosure('f', 'f', {
        id: 'plan',
        kind: 'CORRECTIVE_ACTION_PLAN',
        publishedAt: '2020-01-01T00:00:00Z',
        ...disclosureVersion({ title: 'Plan', recordedAt: T, actions: [correctiveAction('2031-01-01')] }),
        history: [
          disclosureVersion({
            title: 'Plan',
            recordedAt: '2020-01-01T00:00:00Z',
            actions: [correctiveAction('2030-01-01')],
          }),
        ],
      })
      .build(),
  );
});

const GIVEN = `query($asOf: DateTime, $all: Boolean) { disclosuresGiven(asOf: $asOf, includeWithdrawn: $all) { id withdrawnAt version actions { dueAt firstDueAt } } }`;
type Given = {
  id: string;
  withdrawnAt: string | null;
  version: number;
  actions: { dueAt: string; firstDueAt: string }[];
}[];
const given = async (asOf: string, all = false) =>
  ok<Given>(await t.api.query('f', GIVEN, { asOf, all }, ['supplier_admin']), 'disclosuresGiven');
const idsOf = (g: Given) => g.map((d) => d.id).sort();

describe('disclosuresGiven at the boundaries', () => {
  // Rule 8 of the contract: visible when "published at or before t and not withdrawn before t", so
  // one withdrawn at T still shows at T, and is gone a millisecond later.
  it('published at T: listed at T (and +14:00), not a millisecond before; withdrawn at T: listed at T, not after', async () => {
    expect(idsOf(await given(BEFORE))).toEqual(['plan', 'wd-at-t']);
    expect(idsOf(await given(T))).toEqual(['plan', 'pub-at-t', 'wd-at-t']);
    expect(idsOf(await given(T_PLUS14))).toEqual(['plan', 'pub-at-t', 'wd-at-t']);
    expect(idsOf(await given(AFTER))).toEqual(['plan', 'pub-at-t']);
  });

  it('withdrawn at T: with includeWithdrawn, withdrawnAt shown from T, null a millisecond before', async () => {
    const at = async (asOf: string) => (await given(asOf, true)).find((d) => d.id === 'wd-at-t')!.withdrawnAt;
    expect(await at(BEFORE)).toBeNull();
    expect(await at(T)).toBe(T);
    expect(await at(T_PLUS14)).toBe(T);
  });

  it('firstDueAt and dueAt: the move recorded at T shows from T, not a millisecond before', async () => {
    const plan = async (asOf: string) => (await given(asOf)).find((d) => d.id === 'plan')!;
    expect(await plan(BEFORE)).toMatchObject({
      version: 1,
      actions: [{ dueAt: '2030-01-01T00:00:00.000Z', firstDueAt: '2030-01-01T00:00:00.000Z' }],
    });
    expect(await plan(T_PLUS14)).toMatchObject({
      version: 2,
      actions: [{ dueAt: '2031-01-01T00:00:00.000Z', firstDueAt: '2030-01-01T00:00:00.000Z' }],
    });
  });
});

describe('facilityRecord at the boundaries', () => {
  const claims = async (asOf: string) => {
    const record = ok<{ content: string } | null>(
      await t.api.query(
        'v',
        `query($asOf: DateTime) { facilityRecord(organizationId: "f", asOf: $asOf) { content } }`,
        { asOf },
      ),
      'facilityRecord',
    );
    return (
      (JSON.parse(record!.content) as { credentialSubject: { conformityClaim?: { id: string }[] } })
        .credentialSubject.conformityClaim ?? []
    )
      .map((c) => c.id)
      .sort();
  };
  it('a certificate published at T is a claim from T; one withdrawn at T until T', async () => {
    expect(await claims(BEFORE)).toEqual(['urn:tiersight:disclosure:wd-at-t']);
    const both = ['urn:tiersight:disclosure:pub-at-t', 'urn:tiersight:disclosure:wd-at-t'];
    expect(await claims(T)).toEqual(both);
    expect(await claims(T_PLUS14)).toEqual(both);
    expect(await claims(AFTER)).toEqual(['urn:tiersight:disclosure:pub-at-t']);
  });
});
