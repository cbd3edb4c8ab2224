import type { OrganizationsContext } from '../organizations/context.ts';
import type { ExposureService } from './exposure-service.ts';

export interface ExposureContext extends OrganizationsContext {
  analysis: ExposureService;
}
