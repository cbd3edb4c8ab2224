// The organizations an import batch refers to, held for the batch: an API write admitted before the
// import marked its run (a merge, say) can commit after the import checked the store the second time,
// since the settle wait bounds the API's view of the runs, not a write that waits for a lock. A record
// whose organization is gone by then would be skipped by its MATCH and yet counted as imported. So a
// batch first locks the organizations its records name (SET/REMOVE, as the API's writes lock what they
// change) and refuses itself, naming what is gone, when one is missing: a deletion that committed
// earlier is seen, and one that comes later waits for the batch to commit.
import { DomainError } from '../domain/errors.ts';
import { quote } from '../domain/quote.ts';
import { cypher, statement } from '../graph/cypher.ts';
import { column, positional, text } from '../graph/decode.ts';
import type { Transaction } from '../graph/executor.ts';

/** An organization a record names: what the record is ('share'), its id, the role ('owner'), the id. */
export type Reference = readonly [record: string, id: string, role: string, organization: string];

/**
 * A batch named an organization the store no longer holds. The batch rolled back whole; nothing it
 * held was written or reported written. A DomainError, so that the executor passes it on as it is.
 */
export class GoneReferenceError extends DomainError {
  constructor(references: readonly Reference[]) {
    const gone = references.map(
      ([record, id, role, organization]) => `the ${role} ${quote(organization)} of ${record} ${quote(id)}`,
    );
    super(
      'BAD_USER_INPUT',
      `the store no longer holds ${gone.join('; ')} (merged or deleted by a write that committed after ` +
        'the import checked the file against the store)',
    );
    this.name = 'GoneReferenceError';
  }
}

const GONE_REFERENCES = statement(
  'import.goneReferences',
  cypher`UNWIND $references AS ref
   OPTIONAL MATCH (o:Organization {id: ref[3]})
   CALL (o) {
     WITH o WHERE o IS NOT NULL
     SET o._lock = true REMOVE o._lock
   }
   WITH ref WHERE o IS NULL
   RETURN ref
   LIMIT 5`,
);

const referenceColumn = positional({ record: text, id: text, role: text, organization: text });

/** Locks the organizations `references` name, in `tx`; throws GoneReferenceError if one is gone. */
export async function holdReferences(tx: Transaction, references: readonly Reference[]): Promise<void> {
  if (references.length === 0) return;
  const gone = await tx.run(GONE_REFERENCES, { references });
  if (gone.length === 0) return;
  throw new GoneReferenceError(
    gone.map((r) => {
      const { record, id, role, organization } = column(r, 'ref', referenceColumn);
      return [record, id, role, organization] as const;
    }),
  );
}

/** The references of `records`, each naming its organizations by role (an absent one names none). */
export function referencesOf<R extends { id: string }>(
  record: string,
  records: readonly R[],
  roles: { [role: string]: (r: R) => string | null | undefined },
): Reference[] {
  return records.flatMap((r) =>
    Object.entries(roles).flatMap(([role, of]) => {
      const organization = of(r);
      return organization === null || organization === undefined
        ? []
        : [[record, r.id, role, organization] as const];
    }),
  );
}
