// Organizations by id, without a visibility check: only for the viewer itself and ids that a visibility
// query has already returned to it (link ends, path members). Lookups by a client-supplied id go through
// VisibilityRepository.visibleOrganizations, a share's parties through ShareRepository.parties.
import type { Organization } from '../../domain/model.ts';
import { cypher } from '../cypher.ts';
import type { Executor, QueryContext } from '../executor.ts';
import { mapOrganization } from './mappers.ts';
import { ORGANIZATION_PROJECTION } from './visibility-cypher.ts';

const BY_IDS = cypher(
  'organization.byIds',
  'UNWIND $ids AS id MATCH (x:Organization {id: id}) RETURN x ' +
    ORGANIZATION_PROJECTION +
    ' AS organization',
);

export class OrganizationRepository {
  constructor(private readonly executor: Executor) {}

  async byIds(ids: readonly string[], context: QueryContext): Promise<Organization[]> {
    const records = await this.executor.read(BY_IDS, { ids }, context);
    return records.map((r) => mapOrganization(r.get('organization') as Record<string, unknown>));
  }
}
