import type { BaseContext } from '../../api/context.ts';
import type { Organization } from '../../domain/model.ts';
import type { OrganizationLoaders } from './organization-loaders.ts';

export interface OrganizationsContext extends BaseContext {
  loaders: OrganizationLoaders;
  /** The viewer's roots (rule 2). */
  roots: () => Promise<Organization[]>;
  /** The viewer's direct customers through links that hold now. */
  customers: () => Promise<Organization[]>;
}
