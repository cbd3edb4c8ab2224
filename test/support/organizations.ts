// A whole Organization for database-free tests: the fields a test names, the rest empty.
import type { Organization } from '../../src/domain/model.ts';

export const anOrganization = (fields: Pick<Organization, 'id'> & Partial<Organization>): Organization => ({
  name: fields.id,
  type: 'FACTORY',
  country: 'CN',
  city: null,
  region: null,
  latitude: null,
  longitude: null,
  osId: null,
  provenance: null,
  sources: [],
  ...fields,
});
