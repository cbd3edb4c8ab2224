// Review (hostile client): an `operationName` that names no operation of the document.
//
// Found by the review, fixed since. Apollo resolves the operation from the document and the client's
// `operationName`; when nothing matches it hands the gateway executor (src/api/jit-executor.ts)
// `operation: undefined` and `operationName: null` (the *resolved* name). The executor's first, interpreted run then calls
// graphql-js's execute with no operation name, which runs the document's only operation, mutations
// included; Apollo afterwards notices that it had resolved no operation and answers 500
// INTERNAL_SERVER_ERROR, logging a server error. The second run of the same text takes the compiled
// path, where checkVariables reads `operation.variableDefinitions` of undefined: another 500.
//
// So a write happens while the client is told the server failed (it will retry: a second access
// request, a second new-supplier record…), a GET request can carry a mutation past Apollo's
// "GET requests only support query operations" guard (it checks the resolved operation, and there is
// none), and anyone can add error lines to the server log at will.
//
// Expected (specification section 4): a client mistake is a client error, 400
// OPERATION_RESOLUTION_FAILURE (as for a document of several operations and no name), nothing runs,
// nothing is written, nothing is logged as a server fault.
import { beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.ts';
import { captureLogger } from '../support/logs.ts';
import { TEST_SECRET } from '../support/api.ts';
import { graph } from '../support/graph-builder.ts';
import { useProductionApp } from '../support/production-app.ts';

let authorization: string;
const capture = captureLogger();
const errorLines = () => capture.lines.filter((line) => line['level'] === 'error').length;

const server = useProductionApp(graph().org('v', 'PURCHASER').org('s', 'RESELLER').link('s', 'v').build(), {
  logger: capture.logger,
});
beforeAll(async () => {
  authorization = `Bearer ${await signToken({ sub: 'u', org: 'v', roles: ['supplier_admin'] }, TEST_SECRET, 600)}`;
});

async function post(body: unknown) {
  const response = await fetch(`${server.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return { status: response.status, json, code: json.errors?.[0]?.extensions?.code };
}

async function listed(): Promise<boolean> {
  const { json } = await post({ query: '{ listing { listed } }' });
  return (json.data as { listing: { listed: boolean } }).listing.listed;
}

describe('an operationName that names no operation of the document', () => {
  it('is OPERATION_RESOLUTION_FAILURE (400), for a query, every time it is sent', async () => {
    const before = errorLines();
    // The same text twice: the first run is interpreted, the second compiled.
    const first = await post({ query: '{ me { roles } }', operationName: 'Nope' });
    const second = await post({ query: '{ me { roles } }', operationName: 'Nope' });
    expect([first.status, first.code]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    expect([second.status, second.code]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    expect(errorLines()).toBe(before);
  });

  it('does not run a mutation (POST): nothing is written', async () => {
    expect(await listed()).toBe(false);
    const response = await post({
      query: 'mutation { setListing(listed: true) { listed } }',
      operationName: 'Nope',
    });
    const written = await listed();
    if (written) await post({ query: 'mutation { setListing(listed: false) { listed } }' });
    // Today: 500 INTERNAL_SERVER_ERROR, and the organization is listed all the same.
    expect(written).toBe(false);
    expect([response.status, response.code]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
  });

  it('does not let a GET request carry a mutation', async () => {
    expect(await listed()).toBe(false);
    const url = new URL(`${server.app.url}/graphql`);
    // A fresh text (the interpreted path is the one that runs it).
    url.searchParams.set('query', 'mutation  { setListing(listed: true) { listed } }');
    url.searchParams.set('operationName', 'X');
    const response = await fetch(url, {
      headers: { authorization, 'apollo-require-preflight': '1' },
    });
    await response.text();
    const written = await listed();
    if (written) await post({ query: 'mutation { setListing(listed: false) { listed } }' });
    // Without the unknown operationName the same GET is refused: "GET requests only support query
    // operations". With it, the mutation runs.
    expect(written).toBe(false);
    expect(response.status).toBe(400);
  });
});
