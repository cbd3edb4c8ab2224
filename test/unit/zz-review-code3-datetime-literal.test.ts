// Review (code3): a DateTime literal that is not a string is named as written (print(ast)), but not cut
// to 80 characters as every other named value is (src/domain/quote.ts; specification, "Ids": "the value
// (cut to 80 characters)"). A list or object literal in a DateTime position comes back whole.
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTime } from '../../src/api/scalars.ts';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { at: { type: GraphQLInt, args: { asOf: { type: DateTime } } } },
  }),
});

describe('a DateTime literal that is not a string, however long', () => {
  it('is named cut to 80 characters, as quote() cuts every value a message names', () => {
    // Three tokens (the operation's token limit lets them through), 20,000 characters.
    const sent = `["${'2027-01-01 '.repeat(1_820)}"]`;
    const errors = validate(schema, parse(`{ at(asOf: ${sent}) }`));
    expect(errors).toHaveLength(1);
    const message = errors[0]!.message;
    expect(message).toContain('DateTime must be a calendar day');
    expect(message).toContain('got ["2027-01-01 2027-01-01');
    // The refusal's text is ~150 characters; the value at most 80 more.
    expect(message.length).toBeLessThan(260);
  });
});
