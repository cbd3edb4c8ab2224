// The organizations a dated exposure, paths or riskAssessment answers answer their own risks and
// disclosures at the query's instant, as a dated supplyChain's do: "All of a request is evaluated at
// one instant" (specification, section 2).
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
      // Recorded half a year after T: nobody could have seen it at T.
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

describe("a dated answer's organizations answer their risks and disclosures at its instant", () => {
  it('exposure(asOf: T) findings[].organization shows no risk or disclosure recorded after T', async () => {
    const exposure = ok<{ findings: { organization: Org }[] }>(
      await t.api.query(
        'v',
        `query($asOf: DateTime) { exposure(asOf: $asOf) { findings { organization { ${FIELDS} } } } }`,
        { asOf: T },
      ),
      'exposure',
    );
    expect(exposure.findings).toHaveLength(1);
    expect(ids(exposure.findings[0]!.organization)).toEqual(AT_T);
  });

  it('paths(asOf: T) organizations and link ends show no risk or disclosure recorded after T', async () => {
    const paths = ok<{ organizations: Org[]; links: { supplier: Org }[] }[]>(
      await t.api.query(
        'v',
        `query($asOf: DateTime) { paths(toId: "f", asOf: $asOf) { organizations { ${FIELDS} } links { supplier { ${FIELDS} } } } }`,
        { asOf: T },
      ),
      'paths',
    );
    expect(paths).toHaveLength(1);
    expect(ids(paths[0]!.organizations[1]!)).toEqual(AT_T);
    expect(ids(paths[0]!.links[0]!.supplier)).toEqual(AT_T);
  });

  it('riskAssessment(asOf: T) organizations[].organization shows no risk or disclosure recorded after T', async () => {
    const assessment = ok<{ organizations: { organization: Org }[] }>(
      await t.api.query(
        'v',
        `query($asOf: DateTime) { riskAssessment(asOf: $asOf) { organizations { organization { ${FIELDS} } } } }`,
        { asOf: T },
      ),
      'riskAssessment',
    );
    expect(ids(assessment.organizations[0]!.organization)).toEqual(AT_T);
  });

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
