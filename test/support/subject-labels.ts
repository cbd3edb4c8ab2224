// The subject labels (docs/data-model.md): an organization carries DisclosureSubject exactly when some
// disclosure is ABOUT it, and RiskSubject exactly when it has a risk indicator, since the chain's reads
// look only at labelled organizations. The tests of each write that can change either check the rule
// through `subjectsOf`.
import type { TestDatabase } from './database.ts';

/** What makes an organization `x` a subject, by label. */
const HOLDS = {
  DisclosureSubject: '(x)<-[:ABOUT]-(:Disclosure)',
  RiskSubject: '(x)-[:HAS_RISK]->(:RiskIndicator)',
} as const;

export type SubjectLabel = keyof typeof HOLDS;

/** The organizations labelled `label`, and those its rule says must be, each sorted by id. */
export async function subjectsOf(
  db: TestDatabase,
  label: SubjectLabel,
): Promise<{ labelled: string[]; holding: string[] }> {
  const { records } = await db.driver.executeQuery(
    `CALL () { MATCH (x:${label}) RETURN collect(x.id) AS labelled }
     CALL () { MATCH (x:Organization) WHERE EXISTS { ${HOLDS[label]} } RETURN collect(x.id) AS holding }
     RETURN labelled, holding`,
  );
  const sorted = (key: string) => (records[0]!.get(key) as string[]).sort();
  return { labelled: sorted('labelled'), holding: sorted('holding') };
}
