// Per-request DataLoaders of access requests: the parties (whole when the viewer may look them up, rule
// 5, else identity cards) and each request's events and shares, one statement per batch however many
// requests an answer lists.
import DataLoader from 'dataloader';
import type { AccessRequest } from '../../domain/access-requests.ts';
import type { Organization } from '../../domain/model.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { inKeyOrder } from '../organizations/organization-loaders.ts';
import type { AccessRequestDetails, AccessRequestRepository } from './access-request-repository.ts';

export interface AccessRequestLoaders {
  /** Requesters, targets and event actors of the viewer's requests; null for any other id. */
  parties: DataLoader<string, Organization | null>;
  /** Events and shares of requests the viewer already holds, by then when read as of an instant. */
  details: DataLoader<Pick<AccessRequest, 'id' | 'asOf'>, AccessRequestDetails, string>;
}

export function createAccessRequestLoaders(
  requests: AccessRequestRepository,
  scope: ViewerScope,
): AccessRequestLoaders {
  return {
    parties: new DataLoader(async (ids) => inKeyOrder(ids, await requests.parties(scope, ids)), {
      maxBatchSize: 1_000,
    }),
    details: new DataLoader((keys) => requests.details(keys, scope.context), {
      maxBatchSize: 1_000,
      cacheKeyFn: ({ id, asOf }) => `${id}@${asOf?.toISOString() ?? 'now'}`,
    }),
  };
}
