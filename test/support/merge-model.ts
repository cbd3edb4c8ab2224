// The reference of mergeOrganizations over an in-memory tiersight/v1 document, written from
// docs/specification.md ("Merging duplicates") rather than from the Cypher: what is refused, which
// shares freeze, and where every record ends up. The property test compares the API with
// ReferenceModel over the document this returns.
import type { TiersightFile } from '../../src/domain/format.ts';

export type MergeResult = { refused: string } | { file: TiersightFile; frozen: string[] };

/** Merges `mergeId` into `keepId` in `file`, or says why the merge is refused (the id it names). */
export function mergeFile(file: TiersightFile, keepId: string, mergeId: string): MergeResult {
  const exists = (id: string) => file.organizations.some((o) => o.id === id);
  if (keepId === mergeId) return { refused: keepId };
  if (!exists(keepId)) return { refused: keepId };
  if (!exists(mergeId)) return { refused: mergeId };
  const between = (a: string, b: string) =>
    (a === keepId && b === mergeId) || (a === mergeId && b === keepId);
  const link = file.links.find((l) => between(l.supplier, l.customer));
  if (link) return { refused: link.id };
  const share = file.shares.find((s) => between(s.owner, s.recipient));
  if (share) return { refused: share.id };
  const monitor = file.organizations.some((o) => o.id === keepId && o.type === 'MONITOR');
  if (monitor && file.links.some((l) => l.supplier === mergeId || l.customer === mergeId))
    return { refused: keepId };

  const other = (id: string) => (id === keepId ? mergeId : keepId);
  const buys = (id: string) => file.links.some((l) => l.customer === id);
  const publishes = (id: string) => (file.disclosures ?? []).some((d) => d.owner === id);
  const frozen: string[] = [];
  const shares = file.shares.map((s) => {
    if (s.owner !== keepId && s.owner !== mergeId) return s;
    if ((s.scope ?? 'SOURCING') === 'SOURCING' && s.linkIds === null && buys(other(s.owner))) {
      frozen.push(s.id);
      // Every link into the owner: the API leaves out those the share could never show (ended before
      // it was granted, called off), which shows the same answers (test/api/frozen-share-ids).
      const own = file.links.filter((l) => l.customer === s.owner).map((l) => l.id);
      return { ...s, linkIds: own.sort() };
    }
    if (s.scope === 'DISCLOSURES' && (s.disclosureIds ?? null) === null && publishes(other(s.owner))) {
      frozen.push(s.id);
      const own = (file.disclosures ?? []).filter((d) => d.owner === s.owner).map((d) => d.id);
      return { ...s, disclosureIds: own.sort() };
    }
    return s;
  });
  const kept = (id: string) => (id === mergeId ? keepId : id);
  return {
    frozen: frozen.sort(),
    file: {
      ...file,
      organizations: file.organizations.filter((o) => o.id !== mergeId),
      links: file.links.map((l) => ({ ...l, supplier: kept(l.supplier), customer: kept(l.customer) })),
      shares: shares.map((s) => ({ ...s, owner: kept(s.owner), recipient: kept(s.recipient) })),
      risks: (file.risks ?? []).map((r) => ({ ...r, organization: kept(r.organization) })),
      disclosures: (file.disclosures ?? []).map((d) => ({
        ...d,
        owner: kept(d.owner),
        subject: kept(d.subject),
      })),
    },
  };
}
