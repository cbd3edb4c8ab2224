import { DomainError } from '../../domain/errors.ts';
import type { Organization } from '../../domain/model.ts';

/**
 * An organization that a visibility query already returned, loaded again by id: its absence means it
 * was deleted mid-request, which the client sees as an internal error rather than a null in a
 * non-null field.
 */
export function required(organization: Organization | null): Organization {
  if (organization === null)
    throw new DomainError('INTERNAL_SERVER_ERROR', 'An organization disappeared mid-request.');
  return organization;
}
