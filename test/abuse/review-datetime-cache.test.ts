// Review (hostile client): the DateTime parse cache keeps whatever text a client sends.
//
// src/domain/instants.ts remembers the last 4,096 texts it parsed (`recent`, a module-level Map that
// lives as long as the process) whatever their length and whether or not they are instants. Every
// DateTime argument or variable goes through it (the scalar's parseValue/parseLiteral, and
// nestedInstant for arguments read from the query text). A client with any token (any role) that sends
// `asOf` variables of ~1 MB, each a different text, makes the process keep ~1 MB per request: 4,096
// requests (80 s at the default 50 requests/s of one token) hold ~4 GB, past V8's default heap limit,
// and the process dies for everyone. Each request is answered BAD_USER_INPUT, so nothing looks wrong
// until then. Measured on the review's probe server: 400 requests of 900 kB grew the heap by ~400 MB,
// which stayed.
//
// Expected: what a request sends is garbage once it is answered. (A text that is no instant is not worth
// remembering, and no instant is longer than ~35 characters.)
import v8 from 'node:v8';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi('production');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

beforeAll(async () => {
  await loadGraph(t.db, graph().org('v', 'PURCHASER').org('s', 'RESELLER').link('s', 'v').build());
});

describe('DateTime texts a client sends', () => {
  it('are not kept after the request is answered (150 requests of 900 kB retain < 40 MB)', async () => {
    const token = await t.api.token('v');
    const send = (i: number) =>
      t.api.query(
        { authorization: `Bearer ${token}` },
        'query($t: DateTime) { supplyChain(asOf: $t) { depth } }',
        {
          t: `${String(i).padStart(6, '0')}${'x'.repeat(900_000)}`,
        },
      );
    // Warm up the server's own caches and code first.
    for (let i = 0; i < 5; i++) await send(1_000_000 + i);
    const before = heapUsed();
    for (let i = 0; i < 150; i++) {
      const response = await send(i);
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    }
    const retained = heapUsed() - before;
    // Today: ~135 MB retained (150 × 900 kB), all of it in instants.ts's `recent`.
    expect(retained).toBeLessThan(40_000_000);
  });
});
