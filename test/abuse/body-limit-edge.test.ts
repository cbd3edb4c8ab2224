// The body limit (LIMITS.maxBodyBytes, src/api/http/body.ts) at its edge: a body of exactly the limit is
// read, one byte more is 413 (the limit tests' 1.1 MB body would not notice a limit read 9 % loosely).
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/api/limits.ts';
import { useApi } from '../support/harness.ts';

const t = useApi('production');

/** A POST body of exactly `bytes` bytes: a valid operation padded by a variable. */
function bodyOf(bytes: number): string {
  const shell = JSON.stringify({ query: '{ me { roles } }', variables: { pad: '' } });
  const body = JSON.stringify({
    query: '{ me { roles } }',
    variables: { pad: 'x'.repeat(bytes - shell.length) },
  });
  expect(Buffer.byteLength(body)).toBe(bytes);
  return body;
}

async function post(body: string) {
  const response = await fetch(`${t.api.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.api.token('v')}` },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

describe('the body limit at its edge', () => {
  it(`reads a body of ${LIMITS.maxBodyBytes} bytes and refuses one of a byte more (413)`, async () => {
    expect(await post(bodyOf(LIMITS.maxBodyBytes))).not.toBe(413);
    expect(await post(bodyOf(LIMITS.maxBodyBytes + 1))).toBe(413);
    expect(await post(bodyOf(LIMITS.maxBodyBytes + 50_000))).toBe(413);
  });
});
