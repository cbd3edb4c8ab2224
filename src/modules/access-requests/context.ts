import type { OrganizationsContext } from '../organizations/context.ts';
import type { AccessRequestLoaders } from './access-request-loaders.ts';
import type { AccessRequestService } from './access-request-service.ts';

export interface AccessRequestsContext extends OrganizationsContext {
  accessRequests: AccessRequestService;
  accessRequestLoaders: AccessRequestLoaders;
}
