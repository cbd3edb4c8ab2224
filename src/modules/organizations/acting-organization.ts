import type { Organization } from '../../domain/model.ts';
import type { OrganizationLoaders } from './organization-loaders.ts';
import { required } from './required.ts';

/**
 * The organization an event of a trail names as its actor: the whole record while the viewer may look
 * it up, else its identity card (a trail is not the directory). An actor merged away since the event
 * stands for the organization it was merged into; an import may name any organization as an actor, not
 * only a party of the record the trail is about.
 */
export async function actingOrganization(loaders: OrganizationLoaders, id: string): Promise<Organization> {
  return required(await loaders.actors.load(await loaders.kept.load(id)));
}
