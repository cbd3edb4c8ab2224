// Topics as files state them: an import record's `topics` (checkRisk, checkScreeningCandidate) and a
// watch list's (Tiersight's CSV `topics` column; the UFLPA Entity List is a forced-labour list).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storedTopics } from '../../src/domain/format.ts';
import { checkRisk } from '../../src/import/record-rules.ts';
import { parseWatchList } from '../../src/modules/screening/readers/tiersight-csv.ts';
import { readUflpaHtml } from '../../src/modules/screening/readers/uflpa-html.ts';

const RISK = { id: 'r', organization: 'o', kind: 'REPORT', source: 'S', severity: 'HIGH' };

describe('storedTopics', () => {
  it('keeps each topic once, in alphabetical order', () => {
    expect(storedTopics(['WAGES_AND_HOURS', 'CHILD_LABOUR', 'WAGES_AND_HOURS'])).toEqual([
      'CHILD_LABOUR',
      'WAGES_AND_HOURS',
    ]);
    expect(storedTopics([])).toEqual([]);
  });
});

describe('a risk record', () => {
  it('stores its topics once each, in order, and leaves none out of the record', () => {
    expect(
      checkRisk({ ...RISK, topics: ['HEALTH_AND_SAFETY', 'FORCED_LABOUR', 'FORCED_LABOUR'] }).record,
    ).toMatchObject({
      topics: ['FORCED_LABOUR', 'HEALTH_AND_SAFETY'],
    });
    expect(checkRisk({ ...RISK, topics: [] }).record).not.toHaveProperty('topics');
    expect(checkRisk({ ...RISK, topics: null }).record).not.toHaveProperty('topics');
    expect(checkRisk(RISK).record).not.toHaveProperty('topics');
  });

  it.each([
    [
      ['SLAVERY'],
      'topics[0] must be one of CHILD_LABOUR, DISCRIMINATION, ENVIRONMENT, FORCED_LABOUR, FREEDOM_OF_ASSOCIATION, HARSH_TREATMENT, HEALTH_AND_SAFETY, WAGES_AND_HOURS, got "SLAVERY"',
    ],
    [['FORCED_LABOUR', ''], 'topics[1] must be a non-empty string, got ""'],
    [{ FORCED_LABOUR: true }, 'topics must be an array of at most 10000 words, got {"FORCED_LABOUR":true}'],
  ])('refuses topics %j, naming the value', (topics, problem) => {
    expect(checkRisk({ ...RISK, topics }).problems).toEqual([problem]);
  });
});

describe('a watch list', () => {
  const header = 'name,aliases,effective_date,source,topics\n';

  it("carries Tiersight's CSV topics column to its entries, and none where it is empty", () => {
    const { entries, problems } = parseWatchList(
      `${header}Foo Co,,2024-01-01,Test list,FORCED_LABOUR; CHILD_LABOUR\nBar Co,,2024-01-01,Test list,\n`,
    );
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.name, e.topics])).toEqual([
      ['Foo Co', ['CHILD_LABOUR', 'FORCED_LABOUR']],
      ['Bar Co', undefined],
    ]);
  });

  it('refuses a row with a topic that is no RiskTopic, naming its line and value', () => {
    const { entries, problems } = parseWatchList(
      `${header}Foo Co,,2024-01-01,Test list,FORCED_LABOUR;forced labour\n`,
    );
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      `line 2: topics must be CHILD_LABOUR, DISCRIMINATION, ENVIRONMENT, FORCED_LABOUR, FREEDOM_OF_ASSOCIATION, HARSH_TREATMENT, HEALTH_AND_SAFETY, WAGES_AND_HOURS separated by ';', got "forced labour"`,
    ]);
  });

  it('reads every entry of the UFLPA Entity List as about forced labour', () => {
    const html = readFileSync(
      new URL('../../seed/watchlists/uflpa-entity-list-sample.html', import.meta.url),
      'utf8',
    );
    const { entries } = readUflpaHtml(html);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.topics).toEqual(['FORCED_LABOUR']);
  });
});
