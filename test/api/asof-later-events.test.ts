// An answer `asOf: T` carries nothing that happened after T (a withdrawal, a delisting), and an asOf
// the scalar reads is answered or refused under the text sent; found by a review of time (December 2026).
import { beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { factoryOfViewer } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const EARLY = '2024-01-01T00:00:00Z';
/** Before the withdrawal and the delisting below. */
const BEFORE = '2025-01-01T00:00:00.000Z';
const WITHDRAWN = '2025-06-01T00:00:00.000Z';
const DELISTED = '2025-06-01T00:00:00.000Z';

beforeAll(async () => {
  await loadGraph(
    t.db,
    factoryOfViewer(EARLY)
      .disclosure('v', 'f', { id: 'd-w', publishedAt: EARLY, recordedAt: EARLY, withdrawnAt: WITHDRAWN })
      .risk('f', {
        id: 'wl-f',
        kind: 'WATCHLIST',
        source: 'Entity List',
        recordedAt: EARLY,
        listEntryId: 'el-f',
        delistedAt: DELISTED,
      })
      .build(),
  );
});

describe('what happened after T does not show in an answer asOf T', () => {
  it('a disclosure withdrawn after T shows no withdrawnAt asOf T ("null while it is not")', async () => {
    const response = await t.api.query(
      'v',
      `query($asOf: DateTime) { disclosure(id: "d-w", asOf: $asOf) { id withdrawnAt } }`,
      { asOf: BEFORE },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!['disclosure']).toEqual({ id: 'd-w', withdrawnAt: null });
  });

  it('an indicator delisted after T shows no delistedAt asOf T (exposure and risks(asOf))', async () => {
    const response = await t.api.query(
      'v',
      `query($asOf: DateTime) {
        exposure(asOf: $asOf) { findings { organization { id } indicators { id delistedAt } } }
        organization(id: "f") { risks(asOf: $asOf) { id delistedAt } } }`,
      { asOf: BEFORE },
    );
    expect(response.errors).toBeUndefined();
    const data = response.data as {
      exposure: {
        findings: { organization: { id: string }; indicators: { id: string; delistedAt: string | null }[] }[];
      };
      organization: { risks: { id: string; delistedAt: string | null }[] };
    };
    const f = data.exposure.findings.find((x) => x.organization.id === 'f')!;
    // On 2025-01-01 the entry was on its list: nothing then said it would leave it on 2025-06-01.
    expect(f.indicators).toEqual([{ id: 'wl-f', delistedAt: null }]);
    expect(data.organization.risks).toEqual([{ id: 'wl-f', delistedAt: null }]);
  });
});

describe('asOf input', () => {
  it('an instant whose offset takes it out of the range in UTC is refused, naming the value sent', async () => {
    // 0100-01-01T00:00:00+01:00 is a calendar day of the scalar's range (0100-01-01 to 9999-12-31) in its
    // own zone; in UTC it is 0099-12-31T23:00Z, which would be written back as another text.
    const sent = '0100-01-01T00:00:00+01:00';
    const response = await t.api.query('v', `query($asOf: DateTime) { supplyChain(asOf: $asOf) { depth } }`, {
      asOf: sent,
    });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toContain(sent);
  });
});
