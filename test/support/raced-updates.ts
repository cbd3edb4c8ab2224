// A disclosure its owner publishes and then updates three times at once, as a double-click or two
// replicas do: the race the concurrency tests and the backup after it both start from.
import { expect } from 'vitest';
import type { TestApi } from './api.ts';

const PUBLISH = `mutation($input: DisclosureInput!) { publishDisclosure(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $content: DisclosureContentInput!) { updateDisclosure(id: $id, input: $content) { id } }`;
const ISSUED = '2024-01-01T00:00:00Z';

/**
 * Publishes a self-assessment of `owner` (a supplier_admin), then updates it to a, b and c at once,
 * while `alongside` sends its own requests about it: its id.
 */
export async function publishThenRaceUpdates(
  api: TestApi,
  owner: string,
  alongside: (id: string) => Promise<unknown>[] = () => [],
): Promise<string> {
  const published = await api.query(
    owner,
    PUBLISH,
    { input: { kind: 'SELF_ASSESSMENT', subjectId: owner, content: { title: 'v1', issuedAt: ISSUED } } },
    ['supplier_admin'],
  );
  expect(published.errors).toBeUndefined();
  const { id } = published.data!['publishDisclosure'] as { id: string };
  await Promise.all([
    ...['a', 'b', 'c'].map((title) =>
      api.query(owner, UPDATE, { id, content: { title, issuedAt: ISSUED } }, ['supplier_admin']),
    ),
    ...alongside(id),
  ]);
  return id;
}
