// Bad topic values: in an import file, a topic that is no RiskTopic (or no list of them) is refused
// with its record and value named and nothing written; in GraphQL variables, the enum refuses it
// before anything runs, for exposure's filter and for recordFinding alike.
import { beforeAll, describe, expect, it } from 'vitest';
import { codes } from '../support/api.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { fileImporter } from '../support/import-files.ts';
import { formatProblem } from '../../src/import/validate.ts';

const t = useApi();
const importRecords = fileImporter('topics', () => t.db);
const ADMIN = ['supplier_admin'] as const;
const EXPOSURE = `query($topics: [RiskTopic!]) { exposure(topics: $topics) { findings { organization { id } } } }`;
const RECORD = `mutation($input: FindingInput!) { recordFinding(input: $input) { id } }`;

const indicators = async () =>
  (await rowsOf(t.db, 'MATCH (r:RiskIndicator) RETURN r.id AS id, r.topics AS topics ORDER BY id')).map(
    (row) => [row['id'], row['topics']],
  );

beforeAll(async () => {
  await loadGraph(
    t.db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('factory', 'FACTORY')
      .org('ew', 'MONITOR')
      .link('factory', 'buyer')
      .risk('factory', { id: 'kept', topics: ['FORCED_LABOUR'] })
      .build(),
  );
});

describe('an import file', () => {
  it.each([
    [['SLAVERY'], 'topics[0] must be one of', '"SLAVERY"'],
    [['FORCED_LABOUR', 'forced_labour'], 'topics[1] must be one of', '"forced_labour"'],
    [['FORCED_LABOUR', 7], 'topics[1] must be a non-empty string', '7'],
    ['FORCED_LABOUR', 'topics must be an array', '"FORCED_LABOUR"'],
  ])(
    'refuses topics %j, naming the record and the value, and writes nothing',
    async (topics, rule, value) => {
      const before = await indicators();
      const outcome = await importRecords({
        risks: [
          {
            id: 'fine',
            organization: 'factory',
            kind: 'REPORT',
            source: 'S',
            severity: 'LOW',
            topics: ['CHILD_LABOUR'],
          },
          { id: 'bad', organization: 'factory', kind: 'REPORT', source: 'S', severity: 'LOW', topics },
        ] as never,
      });
      expect(outcome.ok).toBe(false);
      const problems = outcome.validation.problems.map(formatProblem);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('risks[1] (id "bad")');
      expect(problems[0]).toContain(rule);
      expect(problems[0]).toContain(`got ${value}`);
      expect(await indicators()).toEqual(before);
    },
  );
});

describe('GraphQL variables', () => {
  it.each([[['SLAVERY']], [['forced_labour']], ['FORCED_LABOUR '], [[null]], [[1]]])(
    'exposure refuses topics %j as bad input',
    async (topics) => {
      const response = await t.api.query('buyer', EXPOSURE, { topics });
      expect(response.data).toBeUndefined();
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    },
  );

  it('recordFinding refuses an unknown topic and writes nothing', async () => {
    const before = await indicators();
    const response = await t.api.query(
      'ew',
      RECORD,
      {
        input: {
          organizationId: 'factory',
          kind: 'REPORT',
          severity: 'HIGH',
          source: 'EW',
          topics: ['FORCED_LABOUR', 'MODERN_SLAVERY'],
        },
      },
      [...ADMIN],
    );
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toContain('MODERN_SLAVERY');
    expect(await indicators()).toEqual(before);
  });
});
