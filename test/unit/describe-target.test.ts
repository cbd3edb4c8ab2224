import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../src/runtime/database.ts';

describe('commands say which store they write to before writing', () => {
  it('names a new bundled store as new, and an existing one by its path', () => {
    const config = { dataDir: '/srv/tiersight/.data', neo4j: { uri: null } };
    expect(describeTarget(config, () => false)).toBe(
      'NEO4J_URI is unset: creating a NEW, empty bundled store in /srv/tiersight/.data/neo4j.',
    );
    expect(describeTarget(config, () => true)).toBe(
      'NEO4J_URI is unset: using the bundled store in /srv/tiersight/.data/neo4j.',
    );
  });

  it('names NEO4J_URI without the credentials a URI may carry', () => {
    const config = { dataDir: '.data', neo4j: { uri: 'neo4j+s://neo4j:secret@example.databases.neo4j.io' } };
    expect(describeTarget(config)).toBe('Using Neo4j at neo4j+s://example.databases.neo4j.io (NEO4J_URI).');
  });
});
