// Review of redactFinding (and withdrawFinding beside it): a write on the monitor's own findings by a
// token whose organization another replica merged away answers as the token's next request will,
// UNAUTHENTICATED (specification, section 10), as redactDisclosureVersion and the other writes on an
// organization's own records do (test/api/merged-viewer-writes.test.ts): not NOT_FOUND naming a finding
// that exists (it moved to the kept monitor).
import { beforeEach, describe, expect, it } from 'vitest';
import { codes, ok } from '../support/api.ts';
import { loadGraph } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { mergedElsewhere } from '../support/merged-elsewhere.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;
const RECORD = `mutation { recordFinding(input: { organizationId: "factory", kind: REPORT, severity: HIGH,
  source: "EW report naming Li Wei" }) { id } }`;

let standing = '';
let withdrawn = '';
beforeEach(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('brand', 'BRAND')
      .org('factory', 'FACTORY')
      .org('ew', 'MONITOR')
      .org('ew-2', 'MONITOR')
      .link('factory', 'brand')
      .share('brand', 'ew')
      .build(),
  );
  standing = ok<{ id: string }>(await t.api.query('ew', RECORD, {}, [...ADMIN]), 'recordFinding').id;
  withdrawn = ok<{ id: string }>(await t.api.query('ew', RECORD, {}, [...ADMIN]), 'recordFinding').id;
  ok(
    await t.api.query('ew', `mutation($id: ID!) { withdrawFinding(id: $id) { id } }`, { id: withdrawn }, [
      ...ADMIN,
    ]),
    'withdrawFinding',
  );
});

describe("a write on its findings by a monitor's token whose organization was merged away", () => {
  it('answers UNAUTHENTICATED and writes nothing', async () => {
    await mergedElsewhere(t, 'ew-2', 'ew');
    const before = await dumpGraph(t.db.driver);
    const answers = [
      await t.api.query('ew', `mutation($id: ID!) { withdrawFinding(id: $id) { id } }`, { id: standing }, [
        ...ADMIN,
      ]),
      await t.api.query('ew', `mutation($id: ID!) { redactFinding(id: $id) { id } }`, { id: withdrawn }, [
        ...ADMIN,
      ]),
    ];
    expect(answers.map(codes)).toEqual([['UNAUTHENTICATED'], ['UNAUTHENTICATED']]);
    expect(await dumpGraph(t.db.driver)).toEqual(before);
  });

  it('still answers NOT_FOUND for a finding that is not its own, the monitor being there', async () => {
    const answer = await t.api.query('ew-2', `mutation { redactFinding(id: "f-missing") { id } }`, {}, [
      ...ADMIN,
    ]);
    expect(answer.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['NOT_FOUND', 'Finding "f-missing" not found'],
    ]);
  });
});
