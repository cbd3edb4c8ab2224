import { DomainError, unknownTokenOrganization } from '../../domain/errors.ts';
import type { OrganizationsContext } from './context.ts';

type ViewerContext = Pick<OrganizationsContext, 'loaders' | 'viewer'>;

/**
 * Whether the viewer's organization is gone, read afresh: merged away after this process vouched for
 * the token (by another replica, or between two statements of the request).
 */
export async function viewerGone({ loaders, viewer }: ViewerContext): Promise<boolean> {
  const id = viewer.organizationId;
  return (await loaders.byId.clear(id).load(id)) === null;
}

/**
 * Runs a write on the viewer organization's own records (a share, a disclosure, an access request),
 * which finds them from the viewer's node. Refused NOT_FOUND because that node is gone, the write
 * answers as the token's next request will (UNAUTHENTICATED; specification, section 10), not as if the
 * record, which moved to the kept organization, did not exist. Any NOT_FOUND pays the one read that
 * tells, a hidden id as a missing one.
 */
export async function ownRecordsWrite<T>(context: ViewerContext, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND' && (await viewerGone(context)))
      throw unknownTokenOrganization();
    throw error;
  }
}
