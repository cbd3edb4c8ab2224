import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { parseInstant } from '../domain/instants.ts';

const parse = (value: unknown): string => {
  const instant = typeof value === 'string' ? parseInstant(value) : null;
  if (instant === null) {
    throw new GraphQLError(
      `DateTime must be an ISO 8601 date (2014-09-15) or date-time with a zone, got ${JSON.stringify(value)}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return instant.toISOString();
};

export const DateTime = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO 8601 instant.',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
