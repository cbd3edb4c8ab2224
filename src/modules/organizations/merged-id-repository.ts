// Ids of merged organizations (mergeOrganizations, docs/specification.md "Merging duplicates"): a
// client-supplied id is first resolved through the MergedOrganization record left by a merge, then
// looked up as usual, under the kept organization's visibility. The record is sought by its unique
// index for every id asked, merged or not, so a hidden id and a missing one still take the same path.
import { cypher, statement } from '../../graph/cypher.ts';
import { column, text } from '../../graph/decode.ts';
import type { Executor } from '../../graph/executor.ts';
import type { QueryContext } from '../../domain/viewer-scope.ts';

/** `into` names the organization that survives, also after chains of merges (rewritten at each merge). */
const RESOLVE = statement(
  'organization.resolveMerged',
  cypher`UNWIND $ids AS id
OPTIONAL MATCH (m:MergedOrganization {id: id})
RETURN id, coalesce(m.into, id) AS kept`,
);

export class MergedIdRepository {
  constructor(private readonly executor: Executor) {}

  /** The id each of `ids` stands for now, in key order: the kept organization's for a merged one. */
  async resolve(ids: readonly string[], context: QueryContext): Promise<string[]> {
    const records = await this.executor.read(RESOLVE, { ids }, context);
    const kept = new Map(records.map((r) => [column(r, 'id', text), column(r, 'kept', text)]));
    return ids.map((id) => kept.get(id) ?? id);
  }
}
