// A direct, slow transcription of specification, section 2 over an in-memory tiersight/v1 document. It
// is the oracle the property tests compare the Cypher traversal with, so it favours being obviously
// right over being fast: plain loops, no indexes beyond what keeps tests quick.
import { parseInstant } from '../../src/domain/instants.ts';
import type { DisclosureRecord, LinkRecord, ShareRecord, TiersightFile } from '../../src/domain/format.ts';

export interface ReferenceView {
  /** The instant of the query. */
  t: Date;
  /**
   * False for "now": a share counts while not revoked, whatever the times say, and everything recorded
   * counts (see src/graph/visibility-cypher.ts). True for asOf: only what was recorded by t counts.
   */
  historical: boolean;
}

const at = (text: string | null | undefined): Date | null => (text ? parseInstant(text) : null);

export class ReferenceModel {
  /**
   * `loadedAt`: when the file was imported, which is the recording time of every link and indicator
   * without recordedAt and of every share without createdAt.
   */
  constructor(
    private readonly file: TiersightFile,
    private readonly loadedAt: Date = new Date(),
  ) {}

  /** Transaction time: for asOf t, a record exists only once it was recorded. */
  recorded(record: { recordedAt?: string | null | undefined }, { t, historical }: ReferenceView): boolean {
    return !historical || (at(record.recordedAt) ?? this.loadedAt) <= t;
  }

  /** A link holds at t when valid then (validFrom <= t < validTo) and, for asOf, recorded by then. */
  holds(link: LinkRecord, view: ReferenceView): boolean {
    const from = at(link.validFrom);
    const to = at(link.validTo);
    return this.recorded(link, view) && (from === null || from <= view.t) && (to === null || view.t < to);
  }

  shareActive(share: ShareRecord, { t, historical }: ReferenceView): boolean {
    const revoked = at(share.revokedAt);
    const expires = at(share.expiresAt);
    const created = at(share.createdAt) ?? this.loadedAt;
    if (revoked !== null && !(historical && t < revoked)) return false;
    if (historical && t < created) return false;
    return expires === null || t < expires;
  }

  /** Rule 1: only shares of scope SOURCING disclose links (rule 7 of section 8). */
  disclosed(link: LinkRecord, viewer: string, view: ReferenceView): boolean {
    if (!this.holds(link, view)) return false;
    if (link.supplier === viewer || link.customer === viewer) return true;
    return this.file.shares.some(
      (s) =>
        (s.scope ?? 'SOURCING') === 'SOURCING' &&
        s.owner === link.customer &&
        s.recipient === viewer &&
        this.shareActive(s, view) &&
        (s.linkIds === null || s.linkIds.includes(link.id)),
    );
  }

  /** Rule 2: the viewer first, then the owners of active shares of either scope (as a set). */
  roots(viewer: string, view: ReferenceView): string[] {
    const owners = this.file.shares
      .filter((s) => s.recipient === viewer && this.shareActive(s, view))
      .map((s) => s.owner);
    return [...new Set([viewer, ...owners])];
  }

  /** Every link disclosed to the viewer (rule 1), remembered per viewer and view for large graphs. */
  private readonly disclosedLinks = new Map<string, LinkRecord[]>();
  private allDisclosed(viewer: string, view: ReferenceView): LinkRecord[] {
    const key = `${viewer} ${view.t.toISOString()} ${view.historical}`;
    let links = this.disclosedLinks.get(key);
    if (links === undefined) {
      links = this.file.links.filter((l) => this.disclosed(l, viewer, view));
      this.disclosedLinks.set(key, links);
    }
    return links;
  }

  /** Rule 3: smallest tier of every organization reachable from `root`, up to `maxDepth` (root at 0). */
  tiers(viewer: string, root: string, view: ReferenceView, maxDepth = Infinity): Map<string, number> {
    const disclosed = this.allDisclosed(viewer, view);
    const tier = new Map([[root, 0]]);
    let frontier = [root];
    for (let k = 1; frontier.length > 0 && k <= maxDepth; k++) {
      const next: string[] = [];
      for (const customer of frontier) {
        for (const link of disclosed) {
          if (link.customer === customer && !tier.has(link.supplier)) {
            tier.set(link.supplier, k);
            next.push(link.supplier);
          }
        }
      }
      frontier = next;
    }
    return tier;
  }

  /** Rule 4: organizations at tier 1..depth and the links whose customer is at tier <= depth-1. */
  supplyChain(viewer: string, root: string, depth: number, view: ReferenceView) {
    const tier = this.tiers(viewer, root, view, depth);
    const organizations = [...tier]
      .filter(([id, k]) => k >= 1 && id !== root)
      .map(([id, k]) => ({ id, tier: k }));
    const links = this.allDisclosed(viewer, view)
      .filter((l) => (tier.get(l.customer) ?? Infinity) <= depth - 1)
      .map((l) => l.id);
    return { organizations, links };
  }

  /** Rule 5: what the viewer may look up. */
  visible(viewer: string, id: string, view: ReferenceView): boolean {
    if (!this.file.organizations.some((o) => o.id === id)) return false;
    if (this.rootAllowed(viewer, id, view)) return true;
    return this.file.links.some((l) => l.supplier === viewer && l.customer === id && this.holds(l, view));
  }

  /** Contract section 10: a listed organization is in the public directory. */
  listed(id: string): boolean {
    return this.file.organizations.some((o) => o.id === id && o.listed === true);
  }

  /**
   * What `organization(id)` answers: the whole record under rule 5, else the directory card of a listed
   * organization (the addition to rule 5 of section 10), else nothing.
   */
  lookup(viewer: string, id: string, view: ReferenceView): 'whole' | 'card' | null {
    if (this.visible(viewer, id, view)) return 'whole';
    return this.listed(id) ? 'card' : null;
  }

  /** Whom V may name as a supplier or a share recipient: what it may look up, or a listed one. */
  nameable(viewer: string, id: string, view: ReferenceView): boolean {
    return this.lookup(viewer, id, view) !== null;
  }

  /** Rule 5: V, its roots, or anything reachable from them. */
  rootAllowed(viewer: string, id: string, view: ReferenceView): boolean {
    if (!this.file.organizations.some((o) => o.id === id)) return false;
    return this.roots(viewer, view).some((root) => this.tiers(viewer, root, view).has(id));
  }

  /** The ids of an organization's risk indicators (for asOf: those recorded by then). */
  risks(organization: string, view: ReferenceView): string[] {
    return this.file.risks
      .filter((r) => r.organization === organization && this.recorded(r, view))
      .map((r) => r.id);
  }

  /**
   * Contract section 7: flagged organizations with their tiers and indicators, and the blind spots:
   * reached organizations above the last tier that share none of their sourcing with the viewer (no
   * active SOURCING share, of all links or some; a DISCLOSURES share does not count).
   */
  exposure(viewer: string, root: string, depth: number, view: ReferenceView) {
    const tier = this.tiers(viewer, root, view, depth);
    const sourcers = new Set(
      this.file.shares
        .filter(
          (s) =>
            s.recipient === viewer && (s.scope ?? 'SOURCING') === 'SOURCING' && this.shareActive(s, view),
        )
        .map((s) => s.owner),
    );
    const reached = [...tier].filter(([id, k]) => k >= 1 && id !== root);
    return {
      findings: reached
        .map(([id, k]) => ({ id, tier: k, indicators: this.risks(id, view) }))
        .filter((f) => f.indicators.length > 0),
      blindSpots: reached
        .filter(([id, k]) => k < depth && id !== viewer && !sourcers.has(id))
        .map(([id]) => id),
    };
  }

  /**
   * Every simple path of 1..depth visible links from root to target, as its link ids (the root's own
   * supplier link first); parallel links make different paths through the same organizations.
   */
  simplePaths(viewer: string, root: string, target: string, depth: number, view: ReferenceView): string[][] {
    const disclosed = this.file.links.filter((l) => this.disclosed(l, viewer, view));
    const found: string[][] = [];
    const walk = (organizations: string[], links: string[]) => {
      const last = organizations[organizations.length - 1]!;
      if (last === target && links.length > 0) {
        found.push(links);
        return;
      }
      if (links.length >= depth) return;
      for (const link of disclosed) {
        if (link.customer === last && !organizations.includes(link.supplier)) {
          walk([...organizations, link.supplier], [...links, link.id]);
        }
      }
    };
    if (root !== target) walk([root], []);
    return found;
  }

  /**
   * When each version of a disclosure was recorded, oldest first, as the import writes them: `history`
   * then the current content (recorded at its recordedAt, else at the import); without history, one
   * version recorded at its recordedAt, else publishedAt, else the import.
   */
  versionTimes(d: DisclosureRecord): Date[] {
    if (d.history) return [...d.history.map((v) => at(v.recordedAt)!), at(d.recordedAt) ?? this.loadedAt];
    return [at(d.recordedAt) ?? at(d.publishedAt) ?? this.loadedAt];
  }

  /**
   * Rule 8: the number of the version of `d` that the viewer sees (for asOf: the last recorded by t),
   * or null when the disclosure is not visible: published by t and not withdrawn before t, its subject one
   * the viewer may look up (rule 5), and the viewer its owner or the recipient of an active DISCLOSURES
   * share of the owner that covers it.
   */
  disclosureVersion(viewer: string, d: DisclosureRecord, view: ReferenceView): number | null {
    const { t, historical } = view;
    const withdrawn = at(d.withdrawnAt);
    if (withdrawn !== null && !(historical && t <= withdrawn)) return null;
    if (historical && (at(d.publishedAt) ?? this.loadedAt) > t) return null;
    const times = this.versionTimes(d);
    const shown = historical ? times.filter((time) => time <= t).length : times.length;
    if (shown === 0) return null;
    const granted =
      d.owner === viewer ||
      this.file.shares.some(
        (s) =>
          s.scope === 'DISCLOSURES' &&
          s.owner === d.owner &&
          s.recipient === viewer &&
          this.shareActive(s, view) &&
          (s.disclosureIds === null || s.disclosureIds === undefined || s.disclosureIds.includes(d.id)),
      );
    return granted && this.visible(viewer, d.subject, view) ? shown : null;
  }
}
