// Hidden and missing ids answer alike but for one thing: an error names the id the client asked for
// (`Organization "f-123" not found`). Tests of visibility rule 6 compare answers with that id written
// as <id>, so that everything else must match to the byte.
import { quote } from '../../src/domain/quote.ts';
import type { GraphQLResponse } from './api.ts';

/** `response` with `id`, as its error messages quote it, written as <id>. */
export function withAskedId(response: GraphQLResponse, id: string): GraphQLResponse {
  if (response.errors === undefined) return response;
  return {
    ...response,
    errors: response.errors.map((error) => ({
      ...error,
      message: error.message.replaceAll(quote(id), '<id>'),
    })),
  };
}
