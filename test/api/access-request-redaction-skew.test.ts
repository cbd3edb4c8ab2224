// Review of redactAccessRequest (arreview): an erasure is never recorded before the close it follows,
// even when the replica that closed the request ran a clock ahead of the one that erases (simulated by
// a closedAt a few seconds ahead): recorded before it, the request is one tiersight export refuses to
// write, and with it the whole export.
import { beforeEach, expect, it } from 'vitest';
import { accessRequestClient, requestIn } from '../support/access-requests.ts';
import { exportFile } from '../support/backup.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const client = () => accessRequestClient(t.api);

beforeEach(async () => {
  await loadGraph(
    t.db,
    graph().org('buyer', 'PURCHASER').org('reseller', 'RESELLER').link('reseller', 'buyer').build(),
  );
});

it('an erasure right after a close stamped by a clock ahead is recorded at the close, not before it', async () => {
  const sent = requestIn(
    await client().ask('buyer', 'reseller', 'SOURCING', { message: 'call Anna' }),
    'requestAccess',
  );
  requestIn(await client().answer('reseller', sent.id, 'DECLINE', { reason: 'no' }), 'answerAccessRequest');
  // The close as a replica whose clock runs 5 seconds ahead recorded it.
  await t.db.driver.executeQuery(
    `MATCH (r:AccessRequest {id: $id})<-[:OF]-(e:AccessRequestEvent {action: 'DECLINED'})
     SET r.closedAt = r.closedAt + duration({seconds: 5}), e.at = e.at + duration({seconds: 5})`,
    { id: sent.id },
  );
  const erased = requestIn(await client().redact('buyer', sent.id), 'redactAccessRequest');
  const redacted = erased.events.find((e) => e.action === 'REDACTED')!;
  expect(Date.parse(redacted.at)).toBeGreaterThanOrEqual(Date.parse(erased.closedAt!));
  // tiersight export writes it (a restore now would refuse the simulated close as after the import).
  const file = await exportFile(t.db);
  expect(file.accessRequests?.map((r) => r.id)).toEqual([sent.id]);
});
