// An erasure whose request a merge moved away from its organization while the erasure awaited the
// request's lock (accessRequest.lockEither read the request before the merge committed): its write,
// accessRequest.redact, finds the organization no longer a party, and writes nothing, rather than a
// REDACTED event naming an organization gone from the request (the merge renamed the events' actors
// before it), which tiersight export refuses to write, and with it the whole export.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NOTES_WRITTEN_BY } from '../../src/domain/access-requests.ts';
import { registeredStatements } from '../../src/graph/cypher.ts';
import { toNeo4jDateTime } from '../../src/graph/mappers.ts';
import '../../src/modules/access-requests/access-request-repository.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { graph } from '../support/graph-builder.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  const sentAt = '2024-01-01T00:00:00Z';
  await loadGraph(db, {
    ...graph().org('buyer', 'PURCHASER').org('reseller', 'RESELLER').link('reseller', 'buyer').build(),
    accessRequests: [
      {
        id: 'ar-1',
        requester: 'buyer',
        target: 'reseller',
        scope: 'SOURCING',
        sentAt,
        message: 'Ask Anna',
        status: 'WITHDRAWN',
        closedAt: '2024-01-02T00:00:00Z',
      },
    ],
  });
});

afterAll(async () => {
  await db?.close();
});

it('writes nothing for an organization that is no longer a party of the request', async () => {
  const redact = registeredStatements().find((s) => s.name === 'accessRequest.redact')!;
  const before = await dumpGraph(db.driver);
  const { records } = await db.driver.executeQuery(redact.text, {
    viewer: 'buyer-merged-away',
    id: 'ar-1',
    t: toNeo4jDateTime(new Date()),
    actorUserId: 'u',
    actions: NOTES_WRITTEN_BY.requester,
  });
  expect(records).toEqual([]);
  expect(await dumpGraph(db.driver)).toEqual(before);
});
