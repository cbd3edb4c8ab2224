// What the server logs about people (docs/privacy.md, "What is logged"): the request line names the
// viewer's organization, never its user, token or address, and neither what the client sent (free
// texts, variables, a refused value). Asked at `debug`, the most the log says, with a user id that is
// an e-mail address and texts that name a person.
import { describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { TEST_SECRET } from '../support/api.ts';
import { graph } from '../support/graph-builder.ts';
import { captureLogger } from '../support/logs.ts';
import { useProductionApp } from '../support/production-app.ts';

const capture = captureLogger('debug');
const server = useProductionApp(
  graph().org('buyer', 'PURCHASER').org('reseller', 'RESELLER').link('reseller', 'buyer').build(),
  { logger: capture.logger },
);

const SUB = 'anna.berg@buyer.example';
const PERSON = 'jane.doe@worker.example';
const ADDRESS = '203.0.113.7';

async function post(authorization: string, body: Record<string, unknown>): Promise<string | null> {
  const response = await fetch(`${server.app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization,
      'x-forwarded-for': ADDRESS,
      'user-agent': `Browser of ${SUB}`,
    },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.headers.get('x-request-id');
}

describe('the log lines of requests', () => {
  it('name the organization, not the user, token, address or what was sent', async () => {
    const token = await signToken({ sub: SUB, org: 'buyer', roles: ['analyst'] }, TEST_SECRET, 600);
    const bearer = `Bearer ${token}`;
    const asked = await post(bearer, {
      query: `mutation($message: String) { requestAccess(organizationId: "reseller", scope: SOURCING, message: $message) { id } }`,
      variables: { message: `Please ask ${PERSON} about line 4` },
    });
    // Refused values: a bad input, an id that does not exist, a made-up token.
    await post(bearer, {
      query: `mutation($to: ID!) { requestAccess(organizationId: $to, scope: SOURCING, dueAt: "${PERSON}") { id } }`,
      variables: { to: 'reseller' },
    });
    await post(bearer, {
      query: `query($id: ID!) { organization(id: $id) { id } }`,
      variables: { id: PERSON },
    });
    await post(`Bearer ${PERSON}.${token.split('.')[1]}.x`, { query: '{ me { userId } }' });
    const fetched = await fetch(
      `${server.app.url}/graphql?query=${encodeURIComponent(`{ me { userId } } # ${PERSON}`)}`,
      {
        headers: { authorization: bearer, accept: 'application/json' },
      },
    );
    await fetched.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 200));

    const lines = capture.lines.filter((line) => line['msg'] === 'request');
    console.log(JSON.stringify(capture.lines));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.find((line) => line['reqId'] === asked)).toMatchObject({ org: 'buyer', outcome: 'OK' });
    const text = JSON.stringify(capture.lines);
    for (const kept of [SUB, PERSON, 'jane.doe', token, ADDRESS, 'Browser of'])
      expect(text, `a log line holds ${kept}`).not.toContain(kept);
    const keys = new Set(capture.lines.flatMap((line) => Object.keys(line)));
    for (const key of [
      'sub',
      'userId',
      'user',
      'ip',
      'address',
      'remoteAddress',
      'userAgent',
      'headers',
      'query',
      'variables',
    ])
      expect(keys.has(key), key).toBe(false);
  });
});
