import type { OrganizationsContext } from '../organizations/context.ts';
import type { SharePartyLoader } from './share-party-loader.ts';
import type { ShareService } from './share-service.ts';

export interface SharingContext extends OrganizationsContext {
  shares: ShareService;
  shareParties: SharePartyLoader;
}
