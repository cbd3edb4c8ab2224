import type { OrganizationsContext } from '../organizations/context.ts';
import type { RiskService } from './risk-service.ts';

export interface RiskContext extends OrganizationsContext {
  risk: RiskService;
}
