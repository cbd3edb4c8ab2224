// Evidence in the shapes the API returns (contract v1.2): a plan with an overdue and a closed action, an
// expired certificate, and access requests, for the component tests of web/src/evidence.ts.
import type { AccessRequest, Disclosure } from '../../web/src/model.ts';

const BRAND = { id: 'brand', name: 'Brand Inc' };

export const PLAN: Disclosure = {
  id: 'd-plan',
  kind: 'CORRECTIVE_ACTION_PLAN',
  owner: BRAND,
  subject: BRAND,
  title: 'Plan after the 2013 findings',
  summary: 'Agreed with the buyer.',
  issuer: null,
  standard: 'RBA Code of Conduct',
  products: [],
  issuedAt: '2016-03-01T00:00:00.000Z',
  validUntil: null,
  expired: false,
  documentUrl: 'https://example.org/plan.pdf',
  documentSha256: 'a'.repeat(64),
  actions: [
    {
      id: 'cap-1',
      finding: 'Overtime',
      severity: 'HIGH',
      action: 'Cap hours',
      dueAt: '2016-12-31T00:00:00.000Z',
      status: 'CLOSED',
      overdue: false,
      verification: 'FOLLOW_UP_AUDIT',
      closedAt: '2016-11-15T00:00:00.000Z',
    },
    {
      id: 'cap-2',
      finding: 'Recruitment fees',
      severity: 'CRITICAL',
      action: 'Repay the fees',
      dueAt: '2026-06-30T00:00:00.000Z',
      status: 'IN_PROGRESS',
      overdue: true,
      verification: null,
      closedAt: null,
    },
  ],
  version: 1,
  publishedAt: '2016-03-01T00:00:00.000Z',
  updatedAt: '2016-03-01T00:00:00.000Z',
};

export const CERTIFICATE: Disclosure = {
  ...PLAN,
  id: 'd-cert',
  kind: 'CERTIFICATE',
  subject: { id: 'factory-a', name: 'A Factory' },
  title: 'ISO 45001 certificate',
  standard: 'ISO 45001:2018',
  issuer: 'A certification body',
  validUntil: '2025-06-30T00:00:00.000Z',
  expired: true,
  documentUrl: 'javascript:alert(1)',
  documentSha256: null,
  actions: [],
};

export const REQUEST: AccessRequest = {
  id: 'ar-1',
  requester: { id: 'root', name: 'Root Buyer' },
  target: { id: 'reseller', name: 'Reseller AB' },
  scope: 'SOURCING',
  products: ['laptops'],
  message: 'Please share.',
  sentAt: '2026-10-19T00:00:00.000Z',
  dueAt: '2026-11-09T00:00:00.000Z',
  extended: false,
  status: 'OPEN',
  overdue: true,
  closedAt: null,
  reason: null,
  shares: [],
};
