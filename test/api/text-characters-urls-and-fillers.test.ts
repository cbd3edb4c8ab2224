// The character rule's edges through real requests (specification, section 4, "Characters"): a Welsh
// flag in a message and a Mongolian name are what people write and are kept; a name of Hangul fillers
// shows as a blank and a URL with a bidirectional override shows its neighbours backwards, and both are
// refused, writing nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { accessRequestClient, requestIn } from '../support/access-requests.ts';
import { codes, ok, type GraphQLResponse } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { monitoredChain } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const WALES = '\u{1f3f4}\u{e0067}\u{e0062}\u{e0077}\u{e006c}\u{e0073}\u{e007f}';
const INVISIBLE = 'must be text without invisible formatting characters';

const DECLARE = `mutation($newSupplier: NewSupplierInput) {
  declareSupplyLink(newSupplier: $newSupplier) { supplier { name } } }`;
const PUBLISH = `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id documentUrl } }`;
const RECORD = `mutation($input: FindingInput!) { recordFinding(input: $input) { id } }`;

beforeEach(async () => {
  await loadGraph(t.db, monitoredChain().share('brand', 'ew').build());
});

/** A refusal: one BAD_USER_INPUT whose message holds `text`, and the graph as it was. */
async function refused(send: () => Promise<GraphQLResponse>, text: string) {
  const before = await dumpGraph(t.db.driver);
  const answer = await send();
  expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
  expect(answer.errors?.[0]?.message).toContain(text);
  expect(await dumpGraph(t.db.driver)).toEqual(before);
}

describe('what people write is kept', () => {
  it('a message signed with the flag of Wales', async () => {
    const message = `Diolch! ${WALES}`;
    const sent = requestIn(
      await accessRequestClient(t.api).ask('buyer', 'brand', 'SOURCING', { message }),
      'requestAccess',
    );
    expect(sent.message).toBe(message);
  });

  it("a Mongolian supplier's name with its vowel separator", async () => {
    const name = 'ᠬᠠᠷ\u180eᠠ ᠲᠡᠮᠦᠷ';
    const declared = ok<{ supplier: { name: string } }>(
      await t.api.query('buyer', DECLARE, { newSupplier: { name, type: 'FACTORY', country: 'CN' } }, [
        ...ADMIN,
      ]),
      'declareSupplyLink',
    );
    expect(declared.supplier.name).toBe(name);
  });
});

describe('what shows as nothing or turns its neighbours around is refused', () => {
  it("a new supplier's name of Hangul fillers", async () => {
    await refused(
      () =>
        t.api.query(
          'buyer',
          DECLARE,
          { newSupplier: { name: '\u3164\u3164', type: 'FACTORY', country: 'KR' } },
          [...ADMIN],
        ),
      `newSupplier.name ${INVISIBLE}`,
    );
  });

  it("a disclosure's documentUrl and a finding's evidenceUrl", async () => {
    await refused(
      () =>
        t.api.query(
          'brand',
          PUBLISH,
          {
            input: {
              subjectId: 'brand',
              kind: 'SELF_ASSESSMENT',
              content: {
                title: 'SAQ 2026',
                issuedAt: '2026-01-15',
                documentUrl: 'https://example.org/saq\u202e',
                documentSha256: 'ab'.repeat(32),
              },
            },
          },
          [...ADMIN],
        ),
      `documentUrl ${INVISIBLE}`,
    );
    await refused(
      () =>
        t.api.query(
          'ew',
          RECORD,
          {
            input: {
              organizationId: 'factory',
              kind: 'REPORT',
              severity: 'HIGH',
              source: 'EW report',
              evidenceUrl: 'https://electronicswatch.org/\u2066report',
            },
          },
          [...ADMIN],
        ),
      `input.evidenceUrl ${INVISIBLE}`,
    );
  });
});
