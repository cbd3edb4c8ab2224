// What a chain reads follows the field names its query mentions (src/domain/chain-detail.ts): any
// mention of a detail field, anywhere in the operation or its fragments, reads it; a DateTime left
// unread cannot be shown by mistake.
import { parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { namedFields } from '../../src/api/named-fields.ts';
import { DateTime } from '../../src/api/scalars.ts';
import { chainDetailFor } from '../../src/domain/chain-detail.ts';

/** What a resolver's info gives namedFields for `query`. */
function infoOf(query: string) {
  const definitions = parse(query).definitions;
  const operation = definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const fragments = definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition');
  return { operation: operation!, fragments: Object.fromEntries(fragments.map((f) => [f.name.value, f])) };
}

const detailOf = (query: string, asksLinks = false) => chainDetailFor(namedFields(infoOf(query)), asksLinks);

describe('chainDetailFor over namedFields', () => {
  it('reads cards when only card fields are named', () => {
    expect(detailOf('{ supplyChain { tiers { organizations { id name type country } } } }')).toEqual({
      organizations: 'card',
      links: 'none',
    });
    expect(
      detailOf('{ supplyChain { links { id products supplier { id } customer { name } } } }', true),
    ).toEqual({
      organizations: 'card',
      links: 'card',
    });
  });

  it.each([
    ['city', '{ supplyChain { root { city } } }'],
    ['sources in a fragment', '{ supplyChain { root { ...F } } } fragment F on Organization { sources }'],
    ['an aliased latitude', '{ supplyChain { root { lat: latitude } } }'],
    ['osId in an inline fragment', '{ supplyChain { root { ... on Organization { osId } } } }'],
    ['region under @skip', '{ supplyChain { root { region @skip(if: true) } } }'],
    ['provenance on another type', '{ supplyChain { root { risks { provenance } } } }'],
    [
      'longitude of another root field',
      '{ supplyChain { root { id } } organization(id: "x") { longitude } }',
    ],
    [
      'city in a fragment no field spreads',
      '{ supplyChain { root { id } } } fragment Unused on Organization { city }',
    ],
  ])('reads organizations in full for %s', (_name, query) => {
    expect(detailOf(query).organizations).toBe('full');
  });

  it.each(['validFrom', 'validTo', 'recordedAt', 'provenance', 'sources'])(
    'reads links in full for %s',
    (field) => {
      expect(detailOf(`{ supplyChain { links { id ${field} } } }`, true).links).toBe('full');
      expect(detailOf(`{ supplyChain { links { id } } }`, true).links).toBe('card');
    },
  );

  it('keeps one answer per operation', () => {
    const info = infoOf('{ supplyChain { root { id } } }');
    expect(namedFields(info)).toBe(namedFields(info));
  });
});

describe('DateTime', () => {
  it('shows an instant, and refuses what is none rather than showing it', () => {
    expect(DateTime.serialize('2024-05-01T10:00:00.000Z')).toBe('2024-05-01T10:00:00.000Z');
    expect(() => DateTime.serialize('')).toThrow('DateTime cannot show "": it is no instant');
    expect(() => DateTime.serialize(new Date(0))).toThrow('it is no instant');
  });
});
