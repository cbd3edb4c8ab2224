// A merge made by another replica: the API under test vouched for the merged organization's token a
// moment before, and keeps vouching for it for a few seconds (known-organizations.ts), so that the
// token's next requests reach the services with their organization gone.
import { expect } from 'vitest';
import { MergeRepository } from '../../src/modules/merging/merge-repository.ts';
import { MergeService } from '../../src/modules/merging/merge-service.ts';
import type { Harness } from './harness.ts';

/** Merges `mergeId` into `keepId` after a request of `mergeId`'s token, as another replica would. */
export async function mergedElsewhere(t: Harness, keepId: string, mergeId: string): Promise<void> {
  const vouched = await t.api.query(mergeId, `{ me { organization { id } } }`);
  expect(vouched.errors).toBeUndefined();
  await new MergeService(new MergeRepository(t.db.executor), {
    actorUserId: 'operator',
    at: new Date(),
  }).merge(keepId, mergeId);
}
