// An imported event's instant now sets the earliest instant of the record's next change
// (afterLastEvent, locked-instant.ts). An event stamped after the import (a typo: 2090 for 2026)
// would then carry every later change of its link or request decades ahead: an end valid until then,
// an answer closed then. A file's event, like its recordedAt, says what had happened by the import.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import { ok } from '../support/api.ts';
import { accessRequestClient, requestIn } from '../support/access-requests.ts';
import { exportFile, importFile } from '../support/backup.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { declaredLink } from '../support/sourcing.ts';
import { formatProblem } from '../../src/import/validate.ts';

const t = useApi();
const ADMIN: Role[] = ['supplier_admin'];
const FUTURE = '2090-01-01T00:00:00Z';

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph().org('buyer', 'PURCHASER').org('brand', 'BRAND').link('brand', 'buyer').build(),
  );
});

/** The import of the store as exported, `change` applied: its problems, none when it was written. */
async function reimported(change: (file: Awaited<ReturnType<typeof exportFile>>) => void) {
  const file = await exportFile(t.db);
  change(file);
  const outcome = await importFile(t.db, file);
  return outcome.ok ? [] : outcome.validation.problems.map(formatProblem);
}

describe('an imported event stamped after the import', () => {
  it("of a link is refused, and does not date the link's end decades ahead", async () => {
    const id = await declaredLink(t.api, 'buyer', 'brand');
    const problems = await reimported((file) => {
      const link = file.links?.find((l) => l.id === id);
      link!.events![0]!.at = FUTURE;
    });
    const ended = ok<{ validTo: string }>(
      await t.api.query('buyer', `mutation($id: ID!) { endSupplyLink(id: $id) { validTo } }`, { id }, ADMIN),
      'endSupplyLink',
    );
    expect(Date.parse(ended.validTo)).toBeLessThan(Date.now() + 60_000);
    expect(problems).toEqual([expect.stringContaining(`events[0].at must not be after the import`)]);
  });

  it('of an access request is refused, and does not close the request decades ahead', async () => {
    const client = accessRequestClient(t.api);
    const { id } = requestIn(await client.ask('buyer', 'brand', 'SOURCING'), 'requestAccess');
    const problems = await reimported((file) => {
      const request = file.accessRequests?.find((r) => r.id === id);
      request!.events![0]!.at = FUTURE;
    });
    const declined = requestIn(
      await client.answer('brand', id, 'DECLINE', { reason: 'no' }),
      'answerAccessRequest',
    );
    expect(Date.parse(declined.closedAt!)).toBeLessThan(Date.now() + 60_000);
    expect(problems).toEqual([expect.stringContaining(`events[0].at must not be after the import`)]);
  });
});
