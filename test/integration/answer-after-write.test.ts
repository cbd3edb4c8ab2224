// A mutation that has committed its write must get its answer, even when the read that builds the
// answer (declareSupplyLink's link and supplier, a share's fields) is a unit still cold after an
// outage. Refused with SERVICE_UNAVAILABLE (HTTP 503, Retry-After), which says "nothing happened,
// try again", a client without an idempotency key retried and made a second link and supplier.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cypher, statement } from '../../src/graph/cypher.ts';
import { afterAnOutage, ended } from '../support/cold-units.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

const CREATE = statement('test.answerAfterWrite.create', cypher`CREATE (:AnswerAfterWrite {id: $id})`);
const COUNT = statement(
  'test.answerAfterWrite.count',
  cypher`MATCH (p:AnswerAfterWrite) RETURN count(p) AS n`,
);
const OTHER = statement(
  'test.answerAfterWrite.other',
  cypher`MATCH (p:AnswerAfterWrite) RETURN collect(p.id) AS ids`,
);

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  await db.driver.executeQuery('MATCH (p:AnswerAfterWrite) DELETE p');
});
afterAll(async () => {
  await db.driver.executeQuery('MATCH (p:AnswerAfterWrite) DELETE p');
  await db.close();
});

it('answers a request that has written, running a cold unit itself rather than refusing it', async () => {
  const executor = await afterAnOutage(db.driver);
  // The write unit is planned by its first (refused) request, as after any outage.
  const planned = ended(executor, CREATE.name);
  await expect(executor.write(CREATE, { id: 'refused' })).rejects.toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
  });
  expect(await planned).toBe('OK');

  const request = { viewer: 'org-a' };
  await executor.write(CREATE, { id: 'written' }, request);
  // The read that builds the mutation's answer is still cold: it runs now, for this request.
  const records = await executor.read(COUNT, {}, request);
  expect(records[0]!.get('n')).toBe(1);

  // Another request, which wrote nothing, is still refused at once while a unit is cold.
  await expect(executor.read(OTHER, {}, { viewer: 'org-b' })).rejects.toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
  });
});
