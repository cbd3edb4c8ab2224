// A disclosure's content and a monitor's finding that name a person where nobody should be named, for
// the tests of redactDisclosureVersion and redactFinding: what a redaction must erase everywhere
// (NAMED, or "Li Wei" alone).
export const NAMED = 'Worker Li Wei (line 4) said overtime was forced';

/** An audit report's first version, naming the worker in its title, summary, finding and action. */
export const NAMING_CONTENT = {
  title: `Audit of line 4: ${NAMED}`,
  summary: `Interviews: ${NAMED}.`,
  issuedAt: '2024-03-01T00:00:00.000Z',
  actions: [
    {
      id: 'cap-1',
      finding: NAMED,
      severity: 'HIGH',
      action: 'Interview Li Wei again',
      dueAt: '2024-06-01T00:00:00.000Z',
    },
  ],
};

/**
 * NAMING_CONTENT revised to name nobody: its open action is kept, in other words (a revision may not
 * leave out an action not yet closed).
 */
export const UNNAMING_CONTENT = {
  ...NAMING_CONTENT,
  title: 'Audit of line 4',
  summary: 'Forced overtime reported.',
  actions: NAMING_CONTENT.actions.map((action) => ({
    ...action,
    finding: 'Overtime on line 4 was forced',
    action: 'Interview the workers of line 4 again',
  })),
};

/** A monitor's finding about `factory` (recordFinding's input), naming the worker in every text. */
export const NAMING_FINDING = {
  organizationId: 'factory',
  kind: 'AUDIT_FINDING',
  severity: 'HIGH',
  source: 'Audit by EW, 2026: worker Li Wei (line 4) said overtime was forced',
  description: 'Li Wei, line 4, night shift: 80 hours a week',
  evidenceUrl: 'https://electronicswatch.org/li-wei.pdf',
  observedAt: '2026-03-01',
};

/** An access request's event in a tiersight/v1 file, by organization `by` (its user `u@by`). */
export const requestEvent = (action: string, at: string, by: string, note?: string) => ({
  action,
  at,
  actorUserId: `u@${by}`,
  actorOrganizationId: by,
  ...(note === undefined ? {} : { note }),
});

/** A request buyer sent reseller on 1 May 2026 and reseller declined on 10 May, as a file holds it. */
export const DECLINED_REQUEST = {
  id: 'ar-1',
  requester: 'buyer',
  target: 'reseller',
  scope: 'SOURCING',
  products: [],
  sentAt: '2026-05-01T00:00:00.000Z',
  status: 'DECLINED',
  closedAt: '2026-05-10T00:00:00.000Z',
};
