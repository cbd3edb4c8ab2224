// Every operation the dashboard sends, and every GraphiQL example, is valid against the schema and
// within the operation limits (src/api/limits.ts): the limits bound what hostile clients ask for, and
// must never refuse what the product itself asks. Each operation is checked with the most it ever asks
// for: every capability of the server, and every argument set (an `asOf` adds `risks(asOf: …)`).
import { getOperationAST, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIMITS, noSubscriptions, operationLimits } from '../../src/api/limits.ts';
import { variableWeight } from '../../src/api/variable-uses.ts';
import { buildSchema } from '../../src/app/schema.ts';
import {
  ALL_CAPABILITIES,
  ANSWER_ACCESS_REQUEST,
  CAPABILITIES,
  ME,
  REDACT_ACCESS_REQUEST,
  REQUEST_ACCESS,
  WITHDRAW_ACCESS_REQUEST,
  disclosuresOperation,
  evidenceOperation,
  exposureOperation,
  supplyChainOperation,
} from '../../web/src/api.ts';
import { chainExportOperation } from '../../web/src/chain-export.ts';
import { chainsReachingOperation } from '../../web/src/chains-reaching.ts';
import { HISTORY } from '../../web/src/disclosure-history.ts';
import { LOOKUP } from '../../web/src/forms.ts';
import {
  FINDINGS_RECORDED,
  RECORD_FINDING,
  REDACT_FINDING,
  WITHDRAW_FINDING,
} from '../../web/src/findings.ts';
import { exampleTabs } from '../../web/src/graphiql-examples.ts';
import type { Query } from '../../web/src/model.ts';
import {
  AMEND,
  DECLARE,
  DIRECTORY,
  END,
  REVOKE,
  SET_LISTING,
  SHARE_SOURCING,
  sourcingOperation,
} from '../../web/src/my-suppliers.ts';
import {
  PUBLISH,
  REVISE,
  SHARE,
  UPDATE_ACTION,
  WITHDRAW,
  myDisclosuresOperation,
} from '../../web/src/my-disclosures.ts';
import { riskOperation } from '../../web/src/risk.ts';
import { SHARE_EVENTS } from '../../web/src/share-history.ts';

const schema = buildSchema();

/**
 * What the server refuses a request for before running it: validation errors (the limits among them),
 * and variables over the body limit once counted per use.
 */
function refusals(query: string, variables: Record<string, unknown>): string[] {
  const document = parse(query, { maxTokens: LIMITS.maxTokens });
  const errors = validate(schema, document, [...specifiedRules, noSubscriptions, operationLimits]).map(
    (error) => error.message,
  );
  const weight = variableWeight(document, getOperationAST(document)!, variables);
  if (weight !== undefined && weight.bytes > LIMITS.maxBodyBytes)
    errors.push('variables over the body limit');
  return errors;
}

const everything: Query = { rootId: 'us-dell', maxDepth: 20, asOf: '2013-06-01', product: 'laptops' };
const now: Query = { rootId: null, maxDepth: 10, asOf: '', product: '' };

const operations: [string, { query: string; variables: Record<string, unknown> }][] = [
  ['capabilities', { query: CAPABILITIES, variables: {} }],
  ['me', { query: ME, variables: {} }],
  ...[everything, now].flatMap((q): typeof operations => [
    [`chain ${q.asOf}`, supplyChainOperation(q, ALL_CAPABILITIES)],
    [`exposure ${q.asOf}`, exposureOperation(q, ALL_CAPABILITIES)],
    [`risk ${q.asOf}`, riskOperation(q, ALL_CAPABILITIES)],
    [`disclosures ${q.asOf}`, disclosuresOperation('us-dell', q.asOf, ALL_CAPABILITIES)],
    [`chains reaching ${q.asOf}`, chainsReachingOperation('cn-hipro-dongguan', q, ALL_CAPABILITIES)],
    [`evidence ${q.asOf}`, evidenceOperation(ALL_CAPABILITIES, q.asOf)!],
    [`chain export ${q.asOf}`, chainExportOperation('JSON', q, null)],
    [`chain export CSV ${q.asOf}`, chainExportOperation('CSV', q, { separator: ';', decimal: ',' })],
  ]),
  [
    'request access',
    {
      query: REQUEST_ACCESS,
      variables: { organizationId: 'x', scope: 'BOTH', products: ['laptops'], message: 'm' },
    },
  ],
  ['answer', { query: ANSWER_ACCESS_REQUEST, variables: { id: 'x', decision: 'GRANT', linkIds: ['l'] } }],
  ['withdraw', { query: WITHDRAW_ACCESS_REQUEST, variables: { id: 'x' } }],
  ['erase a request’s texts', { query: REDACT_ACCESS_REQUEST, variables: { id: 'x' } }],
  ['sourcing', { query: sourcingOperation(false), variables: {} }],
  ['sourcing with disclosures', { query: sourcingOperation(true), variables: {} }],
  ['directory', { query: DIRECTORY, variables: { search: 'dell' } }],
  ['declare', { query: DECLARE, variables: { supplierId: 'x', products: ['p'] } }],
  ['amend', { query: AMEND, variables: { id: 'l', products: ['p'] } }],
  ['end', { query: END, variables: { id: 'l' } }],
  ['revoke', { query: REVOKE, variables: { id: 's' } }],
  ['set listing', { query: SET_LISTING, variables: { listed: true } }],
  ['share history', { query: SHARE_EVENTS, variables: { after: null } }],
  [
    'share sourcing',
    { query: SHARE_SOURCING, variables: { recipientId: 'x', linkIds: ['l'], expiresAt: '2099-01-01' } },
  ],
  ['look up a recipient', { query: LOOKUP, variables: { id: 'x' } }],
  ['my disclosures', { query: myDisclosuresOperation(ALL_CAPABILITIES), variables: {} }],
  ['disclosure history', { query: HISTORY, variables: { id: 'd' } }],
  [
    'publish',
    {
      query: PUBLISH,
      variables: {
        input: { subjectId: 'x', kind: 'SELF_ASSESSMENT', content: { title: 't', issuedAt: '2025-01-01' } },
      },
    },
  ],
  ['revise', { query: REVISE, variables: { id: 'd', input: { title: 't', issuedAt: '2025-01-01' } } }],
  ['withdraw a disclosure', { query: WITHDRAW, variables: { id: 'd' } }],
  [
    'update an action',
    { query: UPDATE_ACTION, variables: { disclosureId: 'd', actionId: 'a', input: { status: 'CLOSED' } } },
  ],
  ['share disclosures', { query: SHARE, variables: { recipientId: 'x', disclosureIds: ['d'] } }],
  ['my findings', { query: FINDINGS_RECORDED, variables: {} }],
  [
    'record a finding',
    {
      query: RECORD_FINDING,
      variables: {
        input: {
          organizationId: 'x',
          kind: 'AUDIT_FINDING',
          severity: 'HIGH',
          source: 's',
          description: 'd',
          evidenceUrl: 'https://example.org/',
          observedAt: '2026-11-02',
        },
        idempotencyKey: 'k',
      },
    },
  ],
  ['withdraw a finding', { query: WITHDRAW_FINDING, variables: { id: 'f' } }],
  ['erase a finding’s texts', { query: REDACT_FINDING, variables: { id: 'f' } }],
  ...exampleTabs(null).map((tab): (typeof operations)[number] => [
    `GraphiQL ${/(?:query|mutation) (\w+)/.exec(tab.query)?.[1]}`,
    { query: tab.query, variables: JSON.parse(tab.variables ?? '{}') as Record<string, unknown> },
  ]),
];

describe('the dashboard’s operations and the GraphiQL examples', () => {
  it.each(operations)('%s is valid and within the limits', (_, { query, variables }) => {
    expect(refusals(query, variables)).toEqual([]);
  });
});
