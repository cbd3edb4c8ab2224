// A disclosure's content that names a person where nobody should be named, for the tests of
// redactDisclosureVersion: what a redaction must erase everywhere (NAMED, or "Li Wei" alone).
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
