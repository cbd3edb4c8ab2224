// The owners and recipients of the viewer's shares, batched per request: whole when the viewer may
// look them up (rule 5), else an identity card; null for an id that is not a party of one of its shares.
import DataLoader from 'dataloader';
import type { Organization } from '../../domain/model.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { inKeyOrder } from '../organizations/organization-loaders.ts';
import type { ShareRepository } from './share-repository.ts';

export type SharePartyLoader = DataLoader<string, Organization | null>;

export const createSharePartyLoader = (shares: ShareRepository, scope: ViewerScope): SharePartyLoader =>
  new DataLoader(async (ids) => inKeyOrder(ids, await shares.parties(scope, ids)), { maxBatchSize: 1_000 });
