// What `tiersight import-facilities` needs to know before it writes: the organizations that already
// carry the file's os_ids, or the ids it would give new ones. The writes themselves go through the
// import's batched path (import-graph.ts).
import type { OrganizationRecord } from '../domain/format.ts';
import { cypher, statement } from '../graph/cypher.ts';
import { column, text } from '../graph/decode.ts';
import type { Executor } from '../graph/executor.ts';
import { checkOrganization } from './record-rules.ts';

// Ordered, so that a refusal naming several organizations names them the same way every time.
const organizationsByOsIdOrId = statement(
  'importFacilities.existing',
  cypher`UNWIND $keys AS key
   CALL (key) {
     MATCH (o:Organization {osId: key.osId}) RETURN o
     UNION
     MATCH (o:Organization {id: key.id}) RETURN o
   }
   RETURN key.osId AS osId, o {.id, .name, .type, .country, .city, .region, .latitude, .longitude, .osId,
     .aliases, .listed, .provenance, .sources, .address, .sectors, .productTypes, .facilityTypes,
     .processingTypes, .parentCompanies, .numberOfWorkers, .closed} AS organization
   ORDER BY osId, organization.id`,
);

const LOOKUP_BATCH = 5_000;

export class FacilityRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * For each os_id, the organizations that carry it or have the id a new facility would get, as
   * records of the bulk format (a stored organization the format cannot express is an error).
   */
  async existing(keys: { osId: string; id: string }[]): Promise<Map<string, OrganizationRecord[]>> {
    const found = new Map<string, OrganizationRecord[]>();
    for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
      const records = await this.executor.read(organizationsByOsIdOrId, {
        keys: keys.slice(i, i + LOOKUP_BATCH),
      });
      for (const r of records) {
        const osId = column(r, 'osId', text);
        const stored: unknown = r.get('organization');
        const checked = checkOrganization(stored);
        if (checked.record === null)
          throw new Error(
            `stored organization for os_id ${osId} is unreadable: ${checked.problems.join('; ')}`,
          );
        found.set(osId, [...(found.get(osId) ?? []), checked.record]);
      }
    }
    return found;
  }
}
