// @vitest-environment happy-dom
/// <reference lib="dom" />
// The dashboard's GraphQL client: a request that never reached the server says so in a user's words,
// not the browser's ("Failed to fetch").
import { afterEach, expect, it, vi } from 'vitest';
import { ApiError, graphql, UNREACHABLE } from '../../web/src/api.ts';

afterEach(() => vi.unstubAllGlobals());

it('turns a request that never reached the server into an ApiError saying so', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }),
  );
  const failure = await graphql('{ __typename }', {}, 'token').catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ApiError);
  expect(failure).toMatchObject({ message: UNREACHABLE, code: 'NETWORK', status: 0 });
});
