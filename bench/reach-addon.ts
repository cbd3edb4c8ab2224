// Viewers with big chains, added to the generated graph: a buyer whose suppliers, and everybody
// upstream of them, shared all their sourcing with it (a transparency programme that worked). Its
// suppliers are picked among the generated brands, resellers and manufacturers until the buyer reaches
// about the target number of organizations at the bench's depth; the chains themselves are the
// generated graph's, with its heavy-tailed degrees, cycles and expired links. Ids start with
// `x-bench-`, so a rerun finds them and the rest of the bench can tell them apart. The disclosures
// group's buyers (`x-bench-rd…`) are also given every disclosure of every organization in their chain
// (a DISCLOSURES share from each), so that what they see is what the chain discloses.
import type { Driver } from 'neo4j-driver';
import { toNeo4jDateTime } from '../src/graph/mappers.ts';
import type { Executor } from '../src/graph/executor.ts';
import { ImportRepository } from '../src/import/import-repository.ts';
import { importGraph } from '../src/import/import-graph.ts';
import { documentSource } from '../src/import/read-records.ts';

export const ADDON_PREFIX = 'x-bench-';

const buyerId = (target: number, k: number, disclosures: boolean) =>
  `${ADDON_PREFIX}r${disclosures ? 'd' : ''}${target}-${k + 1}`;

/** Suppliers of each organization through links that hold now, fetched once per organization. */
class Suppliers {
  private readonly known = new Map<string, readonly string[]>();
  private readonly t = toNeo4jDateTime(new Date());
  constructor(private readonly driver: Driver) {}

  async load(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.known.has(id));
    if (missing.length === 0) return;
    const { records } = await this.driver.executeQuery(
      `UNWIND $ids AS id
       MATCH (c:Organization {id: id})
       OPTIONAL MATCH (c)<-[l:SUPPLIES]-(s)
         WHERE (l.validFrom IS NULL OR l.validFrom <= $t) AND (l.validTo IS NULL OR $t < l.validTo)
       RETURN id, collect(DISTINCT s.id) AS suppliers`,
      { ids: missing, t: this.t },
    );
    for (const r of records) this.known.set(r.get('id') as string, r.get('suppliers') as string[]);
  }

  of(id: string): readonly string[] {
    return this.known.get(id) ?? [];
  }
}

/** Each organization within `depth` tiers of a buyer supplied by `direct`, with its smallest tier. */
async function closure(suppliers: Suppliers, direct: readonly string[], depth: number) {
  const tiers = new Map<string, number>(direct.map((id) => [id, 1]));
  let frontier = [...new Set(direct)];
  for (let tier = 2; tier <= depth && frontier.length > 0; tier++) {
    await suppliers.load(frontier);
    const next: string[] = [];
    for (const c of frontier)
      for (const s of suppliers.of(c))
        if (!tiers.has(s)) {
          tiers.set(s, tier);
          next.push(s);
        }
    frontier = next;
  }
  return tiers;
}

/** A fixed pseudo-random order (a small LCG), different for each buyer. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Buyer {
  id: string;
  direct: string[];
  tiers: Map<string, number>;
}

/** Adds suppliers one at a time, skipping any that would overshoot, until about `target` are reached. */
async function pickBuyer(
  suppliers: Suppliers,
  candidates: readonly string[],
  target: number,
  k: number,
  depth: number,
  disclosures: boolean,
): Promise<Buyer> {
  const direct: string[] = [];
  let tiers = new Map<string, number>();
  let tries = 0;
  for (const candidate of shuffled(candidates, target * 31 + k)) {
    if (tiers.size >= 0.8 * target || tries++ > 400) break;
    if (tiers.has(candidate)) continue;
    const trial = await closure(suppliers, [...direct, candidate], depth);
    if (trial.size > 1.25 * target) continue;
    direct.push(candidate);
    tiers = trial;
  }
  return { id: buyerId(target, k, disclosures), direct, tiers };
}

function addonDocument(
  buyers: readonly Buyer[],
  target: (b: Buyer) => number,
  depth: number,
  disclosures: boolean,
) {
  return {
    format: 'tiersight/v1',
    organizations: buyers.map((b) => ({
      id: b.id,
      name: `Bench buyer reaching about ${target(b).toLocaleString('en')}`,
      type: 'PURCHASER',
      country: 'SE',
      provenance: 'SYNTHETIC',
    })),
    links: buyers.flatMap((b) =>
      b.direct.map((supplier, i) => ({
        id: `${b.id}-l${i + 1}`,
        supplier,
        customer: b.id,
        products: ['laptops'],
        provenance: 'SYNTHETIC',
      })),
    ),
    // Only organizations whose own suppliers the walk needs (tier < depth) have to share.
    shares: buyers.flatMap((b) =>
      [...b.tiers]
        .filter(([, tier]) => tier < depth)
        .map(([owner], i) => ({ id: `${b.id}-s${i + 1}`, owner, recipient: b.id, linkIds: null }))
        .concat(
          disclosures
            ? [...b.tiers.keys()].map((owner, i) => ({
                id: `${b.id}-d${i + 1}`,
                owner,
                recipient: b.id,
                scope: 'DISCLOSURES',
                linkIds: null,
              }))
            : [],
        ),
    ),
  };
}

/**
 * Makes sure `perTarget` add-on buyers exist for each target reach; returns their ids. Built and
 * imported once per store (a store imported again with BENCH_REIMPORT=1 gets them again).
 * `disclosures`: buyers of their own that also receive every disclosure of their chain.
 */
export async function reachBuyers(
  executor: Executor,
  targets: readonly number[],
  perTarget: number,
  depth: number,
  log: (line: string) => void,
  disclosures = false,
): Promise<string[]> {
  const ids = targets.flatMap((target) =>
    Array.from({ length: perTarget }, (_, k) => buyerId(target, k, disclosures)),
  );
  const driver = executor.driver;
  const present = await driver.executeQuery(
    'MATCH (o:Organization) WHERE o.id IN $ids RETURN count(o) AS n',
    {
      ids,
    },
  );
  if (Number(present.records[0]?.get('n')) === ids.length) return ids;
  const candidates = (
    await driver.executeQuery(
      "MATCH (o:Organization) WHERE o.type IN ['BRAND', 'RESELLER', 'MANUFACTURER'] AND NOT o.id STARTS WITH $prefix RETURN o.id AS id ORDER BY id",
      { prefix: ADDON_PREFIX },
    )
  ).records.map((r) => r.get('id') as string);
  const suppliers = new Suppliers(driver);
  const buyers: Buyer[] = [];
  const targetOf = new Map<string, number>();
  for (const target of targets)
    for (let k = 0; k < perTarget; k++) {
      const buyer = await pickBuyer(suppliers, candidates, target, k, depth, disclosures);
      log(`add-on buyer ${buyer.id}: ${buyer.direct.length} suppliers, reaches ${buyer.tiers.size}`);
      buyers.push(buyer);
      targetOf.set(buyer.id, target);
    }
  const document = addonDocument(buyers, (b) => targetOf.get(b.id)!, depth, disclosures);
  const outcome = await importGraph(documentSource(document), new ImportRepository(executor), {
    origin: { source: 'bench reach add-on', command: 'npm run bench' },
    reset: false,
  });
  if (!outcome.ok)
    throw new Error(`the reach add-on failed validation (${outcome.validation.problemCount} problems)`);
  log(`imported the reach add-on: ${document.links.length} links, ${document.shares.length} shares`);
  return ids;
}
