// A whole Organization for database-free tests: the fields a test names, the rest empty.
import { unreadOrganizationDetail } from '../../src/domain/chain-detail.ts';
import type { Organization } from '../../src/domain/model.ts';

export const anOrganization = (fields: Pick<Organization, 'id'> & Partial<Organization>): Organization => ({
  name: fields.id,
  type: 'FACTORY',
  country: 'CN',
  ...unreadOrganizationDetail(),
  ...fields,
});
