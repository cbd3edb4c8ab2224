// facilityRecord(asOf): the record of an organization as it stood at an instant, as chainExport(asOf)
// is a chain's: rule 5 as it held then decides whether there is one, and its claims are the
// disclosures visible then, each as recorded and valid then.
import { beforeAll, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();

const RECORD = `query($id: ID!, $asOf: DateTime) {
  facilityRecord(organizationId: $id, asOf: $asOf) { filename content } }`;

beforeAll(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('factory', 'FACTORY')
      // The buyer bought from the factory in 2020-2022, and the factory shared its evidence until 2023.
      .link('factory', 'buyer', { validFrom: '2020-01-01', validTo: '2023-01-01', recordedAt: '2019-12-01' })
      .share('factory', 'buyer', {
        scope: 'DISCLOSURES',
        createdAt: '2020-01-01',
        expiresAt: '2023-01-01',
      })
      .disclosure('factory', 'factory', {
        id: 'cert-2021',
        kind: 'CERTIFICATE',
        title: 'SA8000',
        publishedAt: '2021-06-01',
        validUntil: '2024-06-01',
      })
      .disclosure('factory', 'factory', {
        id: 'cert-2022',
        kind: 'CERTIFICATE',
        title: 'RBA',
        publishedAt: '2022-06-01',
        validUntil: '2025-06-01',
      })
      .build(),
  );
});

const recordAt = async (id: string, asOf: string | null) =>
  ok<{ filename: string; content: string } | null>(
    await t.api.query('buyer', RECORD, { id, asOf }),
    'facilityRecord',
  );

const claimsOf = (record: { content: string } | null) =>
  (
    JSON.parse(record!.content) as { credentialSubject: { conformityClaim?: { id: string }[] } }
  ).credentialSubject.conformityClaim?.map((c) => c.id) ?? [];

it('describes the factory as the buyer could see it then, with the claims visible then', async () => {
  const end2021 = await recordAt('factory', '2021-12-01');
  expect(end2021!.filename).toBe('tiersight-facility-factory-2021-12-01.jsonld');
  expect(JSON.parse(end2021!.content)).toMatchObject({
    name: 'Facility record of Org factory as of 2021-12-01T00:00:00.000Z',
  });
  expect(claimsOf(end2021)).toEqual(['urn:tiersight:disclosure:cert-2021']);
  expect(claimsOf(await recordAt('factory', '2022-12-01'))).toEqual([
    'urn:tiersight:disclosure:cert-2021',
    'urn:tiersight:disclosure:cert-2022',
  ]);
});

it('is null when the buyer could not look the factory up then, exactly as for a missing one', async () => {
  // Now: the link ended and the share expired.
  expect(await recordAt('factory', null)).toBeNull();
  // Before the link held.
  const before = await t.api.query('buyer', RECORD, { id: 'factory', asOf: '2019-06-01' });
  expect(before).toEqual(await t.api.query('buyer', RECORD, { id: 'no-such-org', asOf: '2019-06-01' }));
  expect(before.data).toEqual({ facilityRecord: null });
});

it('refuses an asOf that is not an instant, naming it', async () => {
  const response = await t.api.query('buyer', RECORD, { id: 'factory', asOf: 'last year' });
  expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  expect(response.errors![0]!.message).toContain('last year');
});
