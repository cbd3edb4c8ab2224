import type { OrganizationsContext } from '../organizations/context.ts';
import type { SourcingService } from './sourcing-service.ts';

export interface SourcingContext extends OrganizationsContext {
  sourcing: SourcingService;
}
