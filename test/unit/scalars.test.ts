// The DateTime scalar: what it accepts, and a refusal that names what is really refused (a year
// outside 0100..9999 or a day that does not exist), not "must be ISO 8601" for an ISO 8601 date.
import {
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  Kind,
  parse,
  validate,
  type GraphQLError,
  type ValueNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTime } from '../../src/api/scalars.ts';

const refusal = (value: unknown): GraphQLError => {
  try {
    DateTime.parseValue(value);
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error(`${JSON.stringify(value)} was accepted`);
};

describe('DateTime', () => {
  it('reads a date as midnight UTC and a zoned date-time as its instant', () => {
    expect(DateTime.parseValue('2014-09-15')).toBe('2014-09-15T00:00:00.000Z');
    expect(DateTime.parseValue('0100-01-01')).toBe('0100-01-01T00:00:00.000Z');
    expect(DateTime.parseValue('9999-12-31')).toBe('9999-12-31T00:00:00.000Z');
    expect(DateTime.parseLiteral({ kind: Kind.STRING, value: '2016-02-01T12:00:00+01:00' }, {})).toBe(
      '2016-02-01T11:00:00.000Z',
    );
  });

  it.each([
    '0001-01-01',
    '0099-12-31',
    '275760-01-01',
    '2021-02-30',
    'soon',
    // In range as written, out of it in UTC: refused naming the text sent, not the instant it meant.
    '0100-01-01T00:00:00+01:00',
    '9999-12-31T23:00:00-02:00',
  ])('refuses %s as BAD_USER_INPUT naming the supported range', (value) => {
    const error = refusal(value);
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      `DateTime must be a calendar day from 0100-01-01 to 9999-12-31 (in UTC), as an ISO 8601 date (2014-09-15) or date-time with a zone, got "${value}"`,
    );
  });
});

const literalRefusal = (ast: ValueNode): GraphQLError => {
  try {
    DateTime.parseLiteral(ast, {});
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('accepted');
};

describe('a DateTime literal that is not a string (dueAt: 20270101, asOf: true)', () => {
  it.each<[string, ValueNode]>([
    ['20270101', { kind: Kind.INT, value: '20270101' }],
    ['2027.5', { kind: Kind.FLOAT, value: '2027.5' }],
    ['true', { kind: Kind.BOOLEAN, value: true }],
    ['TOMORROW', { kind: Kind.ENUM, value: 'TOMORROW' }],
  ])('is refused naming what was sent (%s)', (sent, ast) => {
    const error = literalRefusal(ast);
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error.message).not.toMatch(/got nothing$/);
    expect(error.message).toContain(sent);
  });
});

/** A schema with one DateTime argument, to validate literals against. */
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
