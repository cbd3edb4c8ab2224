import { unknownTokenOrganization } from '../../domain/errors.ts';
import type { Organization } from '../../domain/model.ts';
import type { OrganizationsContext } from './context.ts';
import { required } from './required.ts';
import { viewerGone } from './viewer-gone.ts';

/**
 * An organization an answer already holds by id (a path's organization, a share's or an access
 * request's party), read by `load` after the statement that found it. One merged away in between is
 * the organization it was merged into, which now holds what the answer found (a merge moves every link,
 * share and request), as the next request would answer; a viewer merged away meanwhile answers
 * UNAUTHENTICATED, as its next request would (specification, section 10).
 */
export async function heldOrganization(
  { loaders, viewer }: Pick<OrganizationsContext, 'loaders' | 'viewer'>,
  load: (id: string) => Promise<Organization | null>,
  id: string,
): Promise<Organization> {
  const found = await load(id);
  if (found !== null) return found;
  const kept = await loaders.kept.load(id);
  const again = kept === id ? null : await load(kept);
  if (again !== null) return again;
  if (await viewerGone({ loaders, viewer })) throw unknownTokenOrganization();
  return required(null);
}
