// The writes on the viewer organization's own records (revoke a share; update, withdraw or change an
// action of a disclosure; answer or withdraw an access request) by a token whose organization was merged
// away by another replica, while this one still vouched for it. Before the fix each answered NOT_FOUND
// naming the record ('Share "s-brand" not found'), which exists (it moved to the kept organization);
// the specification (section 10) answers such a write as the token's next request is: UNAUTHENTICATED,
// writing nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { correctiveAction, disclosureVersion, graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { mergedElsewhere } from '../support/merged-elsewhere.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

let received: string;
let sent: string;

// buyer <- brand <- mill; brand shares its sourcing with buyer and has a corrective action plan; buyer
// asked brand for access, and brand asked mill.
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('brand', 'BRAND')
      .org('brand-2', 'BRAND')
      .org('mill', 'MANUFACTURER')
      .link('brand', 'buyer')
      .link('mill', 'brand')
      .share('brand', 'buyer', { id: 's-brand' })
      .disclosure('brand', 'brand', {
        id: 'd-brand',
        kind: 'CORRECTIVE_ACTION_PLAN',
        ...disclosureVersion({ actions: [correctiveAction('2030-01-01T00:00:00Z')] }),
      })
      .build(),
  );
  const ask = (from: string, to: string) =>
    t.api.query(from, `mutation { requestAccess(organizationId: "${to}", scope: DISCLOSURES) { id } }`);
  received = ok<{ id: string }>(await ask('buyer', 'brand'), 'requestAccess').id;
  sent = ok<{ id: string }>(await ask('brand', 'mill'), 'requestAccess').id;
});

describe('a write on its own records by a token whose organization was merged away', () => {
  it('answers UNAUTHENTICATED, as the next request of the token, and writes nothing', async () => {
    await mergedElsewhere(t, 'brand-2', 'brand');
    const before = await dumpGraph(t.db.driver);
    const writes = [
      `mutation { revokeShare(id: "s-brand") { id } }`,
      `mutation { updateDisclosure(id: "d-brand", input: { title: "New", issuedAt: "2020-01-01" }) { id } }`,
      `mutation { updateCorrectiveAction(disclosureId: "d-brand", actionId: "cap-1", input: { status: IN_PROGRESS }) { id } }`,
      `mutation { withdrawDisclosure(id: "d-brand") { id } }`,
      `mutation { redactDisclosureVersion(id: "d-brand", version: 1) { id } }`,
      `mutation { answerAccessRequest(id: "${received}", decision: DECLINE, reason: "No") { id } }`,
      `mutation { withdrawAccessRequest(id: "${sent}") { id } }`,
      `mutation { redactAccessRequest(id: "${sent}") { id } }`,
    ];
    const answers = [];
    for (const write of writes) answers.push(codes(await t.api.query('brand', write, {}, [...ADMIN])));
    expect(answers).toEqual(writes.map(() => ['UNAUTHENTICATED']));
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('still answers NOT_FOUND for a record that is not its own, the viewer being there', async () => {
    const answer = await t.api.query('buyer', `mutation { revokeShare(id: "s-missing") { id } }`, {}, [
      ...ADMIN,
    ]);
    expect(answer.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['NOT_FOUND', 'Share "s-missing" not found'],
    ]);
  });
});
