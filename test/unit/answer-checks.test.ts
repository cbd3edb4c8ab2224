// A check that replaces an answer (the import gate) must be seen by the outcome: the status and
// Retry-After follow the replaced answer's codes. Apollo runs different plugins' willSendResponse
// side by side, so when the gate was a plugin of its own, a refusal it made after an await went out
// as 503 without Retry-After (seen in the outage drill, where the gate's recheck meets a dead Neo4j).
import { HeaderMap } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { createApollo, type AnswerCheck } from '../../src/api/apollo.ts';
import type { BaseContext } from '../../src/api/context.ts';
import { silentLogger } from '../support/logs.ts';

const schema = makeExecutableSchema({
  typeDefs: 'type Query { ok: Boolean }',
  resolvers: { Query: { ok: () => true } },
});
const context: BaseContext = {
  viewer: { organizationId: 'o', userId: 'u', roles: ['analyst'] },
  instant: new Date(),
};

async function answer(check: AnswerCheck<BaseContext>) {
  const apollo = await createApollo<BaseContext>({
    schema,
    introspection: false,
    logger: silentLogger,
    answerChecks: [check],
  });
  try {
    return await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query: '{ ok }' },
      },
      context: async () => context,
    });
  } finally {
    await apollo.stop();
  }
}

const refuse =
  (headers: [string, string][] = []): AnswerCheck<BaseContext> =>
  async ({ response }) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (response.body.kind !== 'single') return;
    response.body.singleResult = {
      errors: [{ message: 'The database is unavailable.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    };
    for (const [name, value] of headers) response.http.headers.set(name, value);
  };

describe('answer checks', () => {
  it('run before the outcome: a refusal made after an await gets 503 and Retry-After', async () => {
    const result = await answer(refuse());
    expect(result.status).toBe(503);
    expect(result.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('keep a Retry-After of their own', async () => {
    const result = await answer(refuse([['retry-after', '7']]));
    expect(result.status).toBe(503);
    expect(result.headers.get('retry-after')).toBe('7');
  });

  it('leave an answer they do not refuse as it was', async () => {
    const result = await answer(async () => {});
    expect(result.status ?? 200).toBe(200);
    expect(result.headers.get('retry-after')).toBeUndefined();
  });
});
