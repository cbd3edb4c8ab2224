import type { OrganizationsContext } from '../organizations/context.ts';
import type { DirectoryService } from './directory-service.ts';

export interface DirectoryContext extends OrganizationsContext {
  directory: DirectoryService;
}
