// Control and invisible characters in what users write through the API (specification, section 4,
// "Characters"): a disclosure, a finding and an access request with one are refused BAD_USER_INPUT,
// naming the field and showing the character, with every other problem of the input, and nothing
// written; line breaks and tabs are kept where a text may run over several lines. What an older version stored (imported from a
// backup) is kept, restored again and does not block an action's update.
import { beforeEach, describe, expect, it } from 'vitest';
import { accessRequestClient, requestIn, requestsIn } from '../support/access-requests.ts';
import { codes, ok } from '../support/api.ts';
import { backupAndRestore } from '../support/backup.ts';
import { loadGraph } from '../support/database.ts';
import { correctiveAction, monitoredChain } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const FIELDS = `id title summary products history { version }
  actions { id finding action status closedAt }`;
const PUBLISH = `mutation($input: DisclosureInput!, $key: String) {
  publishDisclosure(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: DisclosureContentInput!) {
  updateDisclosure(id: $id, input: $input) { ${FIELDS} } }`;
const UPDATE_ACTION = `mutation($d: ID!, $a: ID!, $input: CorrectiveActionUpdateInput!) {
  updateCorrectiveAction(disclosureId: $d, actionId: $a, input: $input) { ${FIELDS} } }`;
const GIVEN = `{ disclosuresGiven { ${FIELDS} } }`;
const RECORD = `mutation($input: FindingInput!) { recordFinding(input: $input) { id source description } }`;
const RECORDED = `{ findingsRecorded { id } }`;

interface Shown {
  id: string;
  title: string;
  summary: string | null;
  products: string[];
  history: { version: number }[];
  actions: { id: string; finding: string; action: string; status: string; closedAt: string | null }[];
}

const PLAN = {
  title: 'Corrective action plan 2026',
  summary: 'Audit of March 2026',
  issuer: 'Audit firm',
  products: ['laptops'],
  issuedAt: '2026-01-15',
  actions: [{ id: 'cap-1', finding: 'Overtime', severity: 'HIGH', action: 'Cap hours', dueAt: '2099-01-01' }],
};

const publish = (content: object, key?: string) =>
  t.api.query(
    'brand',
    PUBLISH,
    {
      input: { subjectId: 'factory', kind: 'CORRECTIVE_ACTION_PLAN', content: { ...PLAN, ...content } },
      key,
    },
    [...ADMIN],
  );
const given = async () => ok<Shown[]>(await t.api.query('brand', GIVEN, {}, [...ADMIN]), 'disclosuresGiven');
const client = () => accessRequestClient(t.api);

beforeEach(async () => {
  // The brand buys from the factory; the monitor ew may look the factory up through the brand's share.
  // d-old is a plan an older Tiersight stored with control characters in its texts.
  await loadGraph(
    t.db,
    monitoredChain()
      .share('brand', 'ew')
      .disclosure('brand', 'factory', {
        id: 'd-old',
        kind: 'CORRECTIVE_ACTION_PLAN',
        title: 'Old\u0000title',
        summary: 'Bell\u0007 and escape\u001b[0m',
        products: ['lap\ttops'],
        issuedAt: '2020-01-01',
        actions: [correctiveAction('2099-01-01', { finding: 'Next\u0085line', action: 'Del\u007f' })],
      })
      .build(),
  );
});

describe('publishDisclosure and updateDisclosure', () => {
  it('refuse control characters with every other problem of the content, writing nothing', async () => {
    const before = await given();
    const refused = await publish(
      {
        title: 'Plan\u001b[31m',
        summary: 'Findings:\n\t1. overtime\u0000',
        issuer: 'x'.repeat(201),
        products: ['laptops', 'pho\u0007nes'],
        actions: [{ ...PLAN.actions[0], action: 'Cap\u007f hours' }],
      },
      'key-1',
    );
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toBe(
      'Invalid disclosure: ' +
        'title must be one line without control characters, got "Plan\\u001b[31m" (U+001B at character 5); ' +
        'summary must be text without control characters other than line breaks and tabs, got "Findings:\\n\\t1. overtime\\u0000" (U+0000 at character 23); ' +
        'issuer must be at most 200 characters, got 201; ' +
        'products[1] must be one line without control characters, got "pho\\u0007nes" (U+0007 at character 4); ' +
        'actions[0].action must be text without control characters other than line breaks and tabs, got "Cap\\u007f hours" (U+007F at character 4)',
    );
    expect(await given()).toEqual(before);
    // The key was not kept with the refusal: fixed, the same key publishes.
    ok<Shown>(await publish({}, 'key-1'), 'publishDisclosure');
  });

  it('keep line breaks and tabs in a summary and in an action, as sent', async () => {
    const summary = 'Findings:\r\n\t1. overtime\n\t2. fire exits';
    const shown = ok<Shown>(
      await publish({
        summary,
        actions: [
          { ...PLAN.actions[0], finding: 'Overtime:\n\t72 hours a week', action: 'Cap hours\tat 60' },
        ],
      }),
      'publishDisclosure',
    );
    expect(shown.summary).toBe(summary);
    expect(shown.actions[0]).toMatchObject({
      finding: 'Overtime:\n\t72 hours a week',
      action: 'Cap hours\tat 60',
    });
  });

  it('refuse an invisible character in a title and a text-turning one in a summary, keeping what scripts need', async () => {
    const before = await given();
    const refused = await publish({ title: 'Plan\u200b 2026', summary: 'Result: \u202edeliaf' });
    expect(refused.errors?.[0]?.message).toBe(
      'Invalid disclosure: ' +
        'title must be text without invisible formatting characters (bidirectional marks and controls, zero-width spaces, soft hyphens, tags), got "Plan\\u200b 2026" (U+200B at character 5); ' +
        'summary must be text without bidirectional embeddings, overrides or isolates, or tag characters, got "Result: \\u202edeliaf" (U+202E at character 9)',
    );
    expect(await given()).toEqual(before);
    // A Persian title with its non-joiner; a Thai summary with zero-width spaces between words.
    const title = 'برنامه\u200cی اصلاحی';
    const summary = 'ตรวจสอบ\u200bโรงงาน\u200bแล้ว';
    expect(ok<Shown>(await publish({ title, summary }), 'publishDisclosure')).toMatchObject({
      title,
      summary,
    });
  });

  it('refuse a C1 control in an update, adding no version', async () => {
    const { id } = ok<Shown>(await publish({}), 'publishDisclosure');
    const refused = await t.api.query(
      'brand',
      UPDATE,
      { id, input: { ...PLAN, summary: 'Next\u0085line' } },
      [...ADMIN],
    );
    expect(refused.errors?.[0]?.message).toBe(
      'Invalid disclosure: summary must be text without control characters other than line breaks and tabs, got "Next\\u0085line" (U+0085 at character 5)',
    );
    expect((await given()).find((d) => d.id === id)?.history).toEqual([{ version: 1 }]);
  });

  it('an unpaired surrogate is refused before any resolver runs, as every String is', async () => {
    const refused = await publish({ summary: 'Broken \ud800 text' });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toBe(
      'publishDisclosure(input.content.summary) must be well-formed Unicode text (it has an unpaired surrogate), got "Broken \\ud800 text"',
    );
  });
});

describe('texts an older version stored', () => {
  it('stay as they were, are restored from a backup, and do not block an action update', async () => {
    const old = (await given()).find((d) => d.id === 'd-old')!;
    expect(old).toMatchObject({ title: 'Old\u0000title', summary: 'Bell\u0007 and escape\u001b[0m' });
    const closed = ok<Shown>(
      await t.api.query(
        'brand',
        UPDATE_ACTION,
        { d: 'd-old', a: 'cap-1', input: { status: 'CLOSED', closedAt: '2026-01-01' } },
        [...ADMIN],
      ),
      'updateCorrectiveAction',
    );
    expect(closed).toMatchObject({ title: 'Old\u0000title', products: ['lap\ttops'] });
    expect(closed.actions[0]).toMatchObject({
      finding: 'Next\u0085line',
      action: 'Del\u007f',
      status: 'CLOSED',
    });
    expect(await backupAndRestore(t.db)).toEqual([]);
    expect((await given()).find((d) => d.id === 'd-old')).toEqual(closed);
  });
});

describe('recordFinding', () => {
  const FINDING = { organizationId: 'factory', kind: 'REPORT', severity: 'HIGH', source: 'EW report' };
  const record = (input: object) =>
    t.api.query('ew', RECORD, { input: { ...FINDING, ...input } }, [...ADMIN]);

  it('refuses a control character in the description with the finding’s other problems, recording nothing', async () => {
    const refused = await record({ description: 'Night shifts\u001b', evidenceUrl: 'ftp://example.org' });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toBe(
      'Invalid finding: input.description must be text without control characters other than line breaks and tabs, got "Night shifts\\u001b" (U+001B at character 13); ' +
        'input.evidenceUrl must be an http(s) URL of at most 2000 characters, got "ftp://example.org"',
    );
    expect(ok(await t.api.query('ew', RECORDED, {}, [...ADMIN]), 'findingsRecorded')).toEqual([]);
  });

  it('keeps line breaks and tabs in the description', async () => {
    const description = 'Interns on night shifts:\n\t- 40 students\r\n\t- no contracts';
    expect(ok<{ description: string }>(await record({ description }), 'recordFinding').description).toBe(
      description,
    );
  });
});

describe('requestAccess and answerAccessRequest', () => {
  it('refuse a control character in the message or the reason, writing nothing', async () => {
    const refused = await client().ask('buyer', 'brand', 'SOURCING', { message: 'Hello\u0000' });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toBe(
      'message must be text without control characters other than line breaks and tabs, got "Hello\\u0000" (U+0000 at character 6)',
    );
    expect(requestsIn(await client().sent('buyer'), 'accessRequestsSent')).toEqual([]);

    const message = 'Dear supplier,\n\tplease share your sourcing.\r\nThanks';
    const sent = requestIn(await client().ask('buyer', 'brand', 'SOURCING', { message }), 'requestAccess');
    expect(sent.message).toBe(message);
    const declined = await client().answer('brand', sent.id, 'DECLINE', { reason: 'No\u0007' });
    expect(declined.errors?.[0]?.message).toBe(
      'reason must be text without control characters other than line breaks and tabs, got "No\\u0007" (U+0007 at character 3)',
    );
    expect(requestIn(await client().one('buyer', sent.id), 'accessRequest').status).toBe('OPEN');
  });
});
