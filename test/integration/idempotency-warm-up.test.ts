// The warm-up after an outage (src/graph/availability.ts) of a keyed creating mutation: a cold write
// unit is planned under EXPLAIN in the background, where every statement answers no rows; the key's
// claim then gives way to the statements a new key's call runs, so the record's creation is planned
// too, and the first real keyed call does not compile it cold in a client's request.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { claimOf } from '../../src/domain/idempotency.ts';
import { Executor } from '../../src/graph/executor.ts';
import { ShareRepository } from '../../src/modules/sharing/share-repository.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

/** `driver`, with every statement text its write transactions run kept in `texts`. */
function recording(driver: Driver, texts: string[]): Driver {
  return new Proxy(driver, {
    get(target, property, receiver) {
      if (property !== 'session') return Reflect.get(target, property, receiver) as unknown;
      return (...args: Parameters<Driver['session']>) => {
        const session = target.session(...args);
        const executeWrite = session.executeWrite.bind(session);
        session.executeWrite = ((
          work: (tx: { run: (text: string, params?: unknown) => unknown }) => unknown,
          config?: unknown,
        ) =>
          executeWrite(
            (tx) =>
              work({
                run: (text: string, params?: unknown) => {
                  texts.push(text);
                  return tx.run(text, params as Record<string, unknown>);
                },
              }),
            config as never,
          )) as never;
        return session;
      };
    },
  });
}

it("plans a keyed shareSourcing's creation during its warm-up, not only the key's claim", async () => {
  const texts: string[] = [];
  const executor = new Executor(recording(db.driver, texts), { transactionTimeoutMs: 60_000 });
  for (let i = 0; i < 3; i++) executor.availability.settled('gone', 'ordinary', 'unavailable');
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const planned = new Promise<string>((resolve) => {
    const stop = executor.observe((unit, _seconds, outcome) => {
      if (unit !== 'share.grant') return;
      stop();
      resolve(outcome);
    });
  });
  const now = new Date();
  const share = {
    id: 's-warm',
    ownerId: 'reseller',
    recipientId: 'buyer',
    recipientMerged: false,
    scope: 'SOURCING' as const,
    linkIds: null,
    disclosureIds: null,
    expiresAt: null,
    now,
    actorUserId: 'user@reseller',
  };
  const claim = claimOf('k-warm', 'shareSourcing', 'reseller', { recipientId: 'buyer' }, now);
  await expect(new ShareRepository(executor).grant(share, {}, claim)).rejects.toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
  });
  await planned;
  const explained = texts.filter((text) => text.startsWith('EXPLAIN'));
  expect(explained.some((text) => text.includes('MERGE (k:IdempotencyKey'))).toBe(true);
  // The share's own statement (it creates the Share node) was planned too.
  expect(explained.some((text) => text.includes('CREATE') && text.includes(':Share'))).toBe(true);
});
