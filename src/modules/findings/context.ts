import type { OrganizationsContext } from '../organizations/context.ts';
import type { FindingService } from './finding-service.ts';

export interface FindingsContext extends OrganizationsContext {
  findings: FindingService;
}
