import { GraphQLError, GraphQLScalarType, Kind, print } from 'graphql';
import { parseInstant } from '../domain/instants.ts';
import { cut, quote } from '../domain/quote.ts';

// parseInstant reads years before 0100 as 19xx and so refuses them (src/domain/instants.ts), and its
// patterns take four-digit years only: the message names that range, since 0001-01-01 is ISO 8601 too.
// The range is of instants in UTC: an offset may not take one out of it.
/** `shown`: the value as the client sent it, which the message names. */
const refusal = (shown: string) =>
  new GraphQLError(
    `DateTime must be a calendar day from 0100-01-01 to 9999-12-31 (in UTC), as an ISO 8601 date (2014-09-15) or date-time with a zone, got ${shown}`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );

const parse = (value: unknown): string => {
  const instant = typeof value === 'string' ? parseInstant(value) : null;
  if (instant === null) throw refusal(quote(value));
  return instant.toISOString();
};

export const DateTime = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO 8601 instant.',
  // Instants leave the domain as ISO text; anything else (the empty text of an unread one, see
  // src/domain/chain-detail.ts) is a bug to report, not a value to show.
  serialize: (value) => {
    if (typeof value !== 'string' || value === '')
      throw new TypeError(`DateTime cannot show ${quote(value)}: it is no instant`);
    return value;
  },
  parseValue: parse,
  // A literal of another kind (dueAt: 20270101, asOf: true) is named as written, cut as quote() cuts.
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parse(ast.value);
    throw refusal(cut(print(ast)));
  },
});
