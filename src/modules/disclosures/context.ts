import type { OrganizationsContext } from '../organizations/context.ts';
import type { DisclosureLoaders } from './disclosure-loaders.ts';
import type { DisclosureService } from './disclosure-service.ts';

export interface DisclosuresContext extends OrganizationsContext {
  disclosures: DisclosureService;
  disclosureLoaders: DisclosureLoaders;
}
