// Review 3: nested organizations of a dated exposure that still answer "now".
import { beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { factoryOfViewer } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const EARLY = '2024-01-01T00:00:00Z';
const T = '2025-01-01T00:00:00.000Z';
const LATER = '2025-06-01T00:00:00Z';

beforeAll(async () => {
  await loadGraph(
    t.db,
    factoryOfViewer(EARLY)
      .risk('f', { id: 'r-early', recordedAt: EARLY })
      .risk('f', { id: 'r-later', recordedAt: LATER })
      .disclosure('v', 'f', { id: 'd-early', publishedAt: EARLY, recordedAt: EARLY })
      .disclosure('v', 'f', { id: 'd-later', publishedAt: LATER, recordedAt: LATER })
      .build(),
  );
});

type Org = { id: string; risks: { id: string }[]; disclosures: { id: string }[] };
const FIELDS = `id risks { id } disclosures { id }`;
const ids = (o: Org) => ({
  risks: o.risks.map((r) => r.id).sort(),
  disclosures: o.disclosures.map((d) => d.id).sort(),
});
const AT_T = { risks: ['r-early'], disclosures: ['d-early'] };

describe('review 3: nested organizations of a dated exposure', () => {
  it('exposure(asOf: T) findings[].path[] (the flagged organization last) shows no risk or disclosure recorded after T', async () => {
    const exposure = ok<{ findings: { path: Org[] }[] }>(
      await t.api.query(
        'v',
        `query($asOf: DateTime) { exposure(asOf: $asOf) { findings { path { ${FIELDS} } } } }`,
        { asOf: T },
      ),
      'exposure',
    );
    expect(exposure.findings).toHaveLength(1);
    expect(ids(exposure.findings[0]!.path.at(-1)!)).toEqual(AT_T);
  });
});
