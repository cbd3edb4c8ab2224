// The side panels: details of the selected organization (public risk, then the disclosures shared with
// the viewer), and the exposure of the root's chain (findings nearest first with paths and sources,
// public and disclosed apart; blind spots with what to do, and "Request access").
import { append, day, h } from './dom.ts';
import { isolate } from './bidi.ts';
import {
  blindSpotAdvice,
  byName,
  linksOf,
  organizationsById,
  pathsToRoot,
  PATHS_SHOWN,
  plural,
  riskErased,
  riskSource,
  severityRank,
  tierById,
  TYPE_LABELS,
  type BlindSpot,
  type Exposure,
  type ExposureFinding,
  type Organization,
  type RiskIndicator,
  type RiskTopic,
  TOPIC_LABELS,
  type SupplyChain,
  type SupplyLink,
} from './model.ts';
import {
  blindSpotRequest,
  disclosedBadge,
  disclosedIndicatorList,
  disclosuresSection,
  publicTag,
  type DisclosuresState,
  type RequestAccessHandler,
} from './evidence.ts';
import { riskBadge } from './tier-view.ts';

export const ILLUSTRATIVE_NOTE = 'illustrative, not a claim about the real company';

/** Findings and blind spots listed at most (nearest first); the rest are counted, not drawn. */
const LIST_LIMIT = 50;

const overflow = (total: number, word: string, drawn = LIST_LIMIT) =>
  total > drawn &&
  h(
    'p',
    { class: 'muted list-more' },
    `… and ${(total - drawn).toLocaleString('en')} more ${word} not listed.`,
  );

const illustrative = (provenance: string | null | undefined) =>
  provenance === 'ILLUSTRATIVE' && h('p', { class: 'illustrative' }, `Illustrative: ${ILLUSTRATIVE_NOTE}.`);

function evidence(url: string | null | undefined): HTMLElement | null {
  if (!url || !/^https?:\/\//.test(url)) return null;
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, 'evidence');
}

/** An indicator's source as cited; one erased by its monitor says when, which is no citation. */
const cited = (i: Pick<RiskIndicator, 'source' | 'redactedAt'>): HTMLElement =>
  riskErased(i) ? h('span', { class: 'risk-erased' }, riskSource(i)) : h('cite', {}, i.source);

/** What an indicator is about, in words ("About: forced labour, harsh treatment"); none when unclassified. */
export function topicList(topics: readonly RiskTopic[]): HTMLElement | null {
  if (topics.length === 0) return null;
  return h(
    'p',
    { class: 'risk-topics' },
    'About: ',
    topics.map((t) => TOPIC_LABELS[t].toLowerCase()).join(', '),
  );
}

function riskList(indicators: readonly RiskIndicator[]): HTMLElement {
  const sorted = [...indicators].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  return h(
    'ul',
    { class: 'risks' },
    sorted.map((i) =>
      h(
        'li',
        { class: 'risk' },
        h('span', { class: `badge sev-${i.severity}` }, i.severity),
        ' ',
        h('span', { class: 'risk-kind' }, i.kind.replaceAll('_', ' ').toLowerCase()),
        ' ',
        publicTag(),
        topicList(i.topics ?? []),
        i.description && h('p', { class: 'risk-description' }, i.description),
        h(
          'p',
          { class: 'risk-source' },
          'Source: ',
          cited(i),
          i.observedAt && ` (${day(i.observedAt)})`,
          i.recordedBy && ' · ',
          i.recordedBy &&
            h('span', { class: 'risk-recorded-by' }, `recorded by ${isolate(i.recordedBy.name)}`),
          i.evidenceUrl && ' · ',
          evidence(i.evidenceUrl),
        ),
      ),
    ),
  );
}

function pathList(path: readonly Organization[], select: (id: string) => void, label: string): HTMLElement {
  return h(
    'ol',
    { class: 'path', 'aria-label': label },
    path.map((o, index) =>
      h(
        'li',
        {},
        index > 0 && h('span', { class: 'arrow', 'aria-hidden': 'true' }, '← '),
        h('button', { type: 'button', class: 'link-button', onclick: () => select(o.id) }, o.name),
      ),
    ),
  );
}

/**
 * Every way from the root to an organization, shortest first (due diligence asks about each route a
 * product may take), the first PATHS_SHOWN of them; `paths` holds one more when there are more.
 */
function pathsSection(
  paths: readonly Organization[][],
  select: (id: string) => void,
  rootName: string,
  name: string,
): HTMLElement {
  const [first] = paths;
  if (first === undefined)
    return h('p', { class: 'muted' }, 'Not connected to the root through visible links.');
  if (paths.length === 1)
    return pathList(first, select, `Path from ${isolate(rootName)} to ${isolate(name)}`);
  const shown = paths.slice(0, PATHS_SHOWN);
  return h(
    'div',
    { class: 'paths' },
    h(
      'p',
      { class: 'muted' },
      paths.length > PATHS_SHOWN
        ? `The ${PATHS_SHOWN} shortest of more than ${PATHS_SHOWN} ways, shortest first:`
        : `${shown.length} ways, shortest first:`,
    ),
    h(
      'ol',
      { class: 'path-list' },
      shown.map((path, index) =>
        h(
          'li',
          {},
          pathList(path, select, `Path ${index + 1} from ${isolate(rootName)} to ${isolate(name)}`),
        ),
      ),
    ),
  );
}

function linkItem(link: SupplyLink, other: Organization | undefined, verb: string): HTMLElement {
  const validity =
    link.validFrom || link.validTo
      ? ` from ${day(link.validFrom) || '…'} to ${day(link.validTo) || 'now'}`
      : '';
  return h(
    'li',
    {},
    `${verb} ${other ? isolate(other.name) : '(not visible)'}`,
    link.products.length > 0 && `: ${isolate(link.products.join(', '))}`,
    validity,
    link.provenance === 'ILLUSTRATIVE'
      ? h('span', { class: 'illustrative-inline' }, ` · ${ILLUSTRATIVE_NOTE}`)
      : link.provenance && h('span', { class: 'provenance' }, ` · ${link.provenance.toLowerCase()}`),
  );
}

export function renderDetails(
  panel: HTMLElement,
  chain: SupplyChain,
  id: string,
  risks: ReadonlyMap<string, RiskIndicator[]>,
  handlers: { select(id: string): void; close(): void },
  disclosures: DisclosuresState = { kind: 'unavailable' },
  inYourChains: readonly (HTMLElement | false)[] = [],
  /** "Record a finding…" about it, for a monitor that records findings (web/src/findings.ts). */
  recordFinding: HTMLElement | null = null,
): void {
  const byId = organizationsById(chain);
  const o = byId.get(id);
  if (o === undefined) {
    panel.replaceChildren();
    panel.hidden = true;
    return;
  }
  const tier = tierById(chain).get(id);
  const indicators = risks.get(id) ?? [];
  const paths = pathsToRoot(chain, id, PATHS_SHOWN + 1);
  const { customers, suppliers } = linksOf(chain, id);
  panel.hidden = false;
  panel.replaceChildren();
  append(
    panel,
    h(
      'div',
      { class: 'panel-heading' },
      h('h2', { id: 'details-heading', tabindex: '-1' }, o.name),
      h(
        'button',
        { type: 'button', class: 'close', 'aria-label': 'Close details', onclick: handlers.close },
        '×',
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Type'),
      h('dd', {}, h('span', { class: `swatch type-${o.type}`, 'aria-hidden': 'true' }), TYPE_LABELS[o.type]),
      // "Country: Round Rock, US" read as a wrong country (buyer review).
      h('dt', {}, o.city ? 'Location' : 'Country'),
      h('dd', {}, o.city ? `${o.city}, ${o.country}` : o.country),
      h('dt', {}, 'Tier'),
      h('dd', {}, tier === undefined ? '–' : tier === 0 ? '0 (root)' : String(tier)),
      h('dt', {}, 'Id'),
      h('dd', {}, h('code', {}, o.id)),
      o.provenance && h('dt', {}, 'Provenance'),
      o.provenance && h('dd', {}, o.provenance.toLowerCase()),
    ),
    illustrative(o.provenance),
    h('h3', {}, 'Public risk indicators'),
    indicators.length > 0 ? riskList(indicators) : h('p', { class: 'muted' }, 'No risk indicator on record.'),
    recordFinding,
    disclosuresSection(disclosures, o.name),
    h('h3', {}, paths.length > 1 ? 'Paths to the root' : 'Path to the root'),
    pathsSection(paths, handlers.select, chain.root.name, o.name),
    ...inYourChains,
    customers.length + suppliers.length > 0 && h('h3', {}, 'Links'),
    customers.length + suppliers.length > 0 &&
      h(
        'ul',
        { class: 'link-list' },
        customers.map((l) => linkItem(l, byId.get(l.customer.id), 'Supplies')),
        suppliers.map((l) => linkItem(l, byId.get(l.supplier.id), 'Supplied by')),
      ),
    (o.sources ?? []).length > 0 && h('h3', {}, 'Sources'),
    (o.sources ?? []).length > 0 &&
      h(
        'ul',
        { class: 'sources' },
        (o.sources ?? []).map((s) => h('li', {}, s)),
      ),
  );
}

export type ExposureState =
  | { kind: 'loading' }
  /** `failed`: its own load failed, which is announced (a server without it, or no chain, is only said). */
  | { kind: 'unavailable'; message: string; failed?: boolean }
  | { kind: 'loaded'; exposure: Exposure };

/** The blind spots with their tier and open request: the server's details where it has them. */
function blindSpotsOf(exposure: Exposure, tiers: ReadonlyMap<string, number>): BlindSpot[] {
  const spots =
    exposure.blindSpotDetails ??
    exposure.blindSpots.map((o) => ({
      organization: o,
      tier: tiers.get(o.id) ?? Number.POSITIVE_INFINITY,
    }));
  return [...spots].sort((a, b) => a.tier - b.tier || byName(a.organization, b.organization));
}

function findingItem(f: ExposureFinding, select: (id: string) => void): HTMLElement {
  const disclosed = f.disclosedIndicators ?? [];
  return h(
    'li',
    { class: 'finding', 'data-org-id': f.organization.id, 'data-tier': f.tier },
    h(
      'div',
      { class: 'finding-head' },
      h(
        'button',
        { type: 'button', class: 'link-button', onclick: () => select(f.organization.id) },
        f.organization.name,
      ),
      ` · tier ${f.tier} `,
      riskBadge(f.indicators),
      disclosedBadge(disclosed),
    ),
    pathList(f.path, select, `Path to ${isolate(f.organization.name)}`),
    f.indicators.length > 0 &&
      h(
        'p',
        { class: 'finding-sources' },
        'Sources: ',
        [...new Map(f.indicators.map((i) => [riskSource(i), i])).values()].flatMap((i, index) => [
          index > 0 ? '; ' : '',
          cited(i),
        ]),
      ),
    f.indicators.length > 0 &&
      h(
        'details',
        {},
        h('summary', {}, `What was found (${plural(f.indicators.length, 'indicator')})`),
        riskList(f.indicators),
      ),
    disclosed.length > 0 &&
      h(
        'details',
        { class: 'finding-disclosed', open: true },
        h('summary', {}, `What disclosures say (${plural(disclosed.length, 'indicator')})`),
        disclosedIndicatorList(disclosed),
      ),
  );
}

/**
 * Why there is no blind spot: everyone in reach shares, or nobody is in reach at all, which must not
 * read as the reassurance of the first: because the product or As of day asked (`filters`) matches
 * nothing, or because nothing is shared with the viewer from this root.
 */
function noBlindSpot(chain: SupplyChain | null, filters: readonly string[]): string {
  if (chain === null || chain.tiers.some((t) => t.organizations.length > 0))
    return 'None: every organization in reach shares its sourcing with you.';
  return filters.length > 0
    ? `None, because nothing in reach matches ${filters.join(', ')}.`
    : 'None, because nothing is in reach: no organization shares its sourcing with you from this root.';
}

export function renderExposure(
  panel: HTMLElement,
  state: ExposureState,
  chain: SupplyChain | null,
  select: (id: string) => void,
  /** How to ask a blind spot for access; 'dated' in an As of view, which offers none (a request is sent today). */
  requests: RequestAccessHandler | 'dated' | null = null,
  /** A blind spot drawn even beyond the list's limit: the one a top action asked to request access from. */
  pinned: string | null = null,
  /** The product and As of day the chain was asked with, in words (queryFilters). */
  filters: readonly string[] = [],
  /** The topic the exposure was asked about (Query.topic), or none for every indicator. */
  topic: RiskTopic | null = null,
): void {
  const heading = h('h2', { id: 'exposure-heading' }, 'Exposure');
  if (state.kind === 'loading') return panel.replaceChildren(heading, h('p', { class: 'muted' }, 'Loading…'));
  if (state.kind === 'unavailable') {
    return panel.replaceChildren(
      heading,
      h(
        'p',
        { class: 'muted exposure-unavailable', role: state.failed === true ? 'alert' : null },
        state.message,
      ),
    );
  }
  const { exposure } = state;
  // Equal tier and severity by name in the user's language, as the tier view and the blind spots.
  const findings = [...exposure.findings].sort(
    (a, b) =>
      a.tier - b.tier ||
      severityRank(b.severity) - severityRank(a.severity) ||
      byName(a.organization, b.organization),
  );
  const tiers = chain ? tierById(chain) : new Map<string, number>();
  const blindSpots = blindSpotsOf(exposure, tiers);
  const listed = blindSpots.slice(0, LIST_LIMIT);
  const beyond = blindSpots.slice(LIST_LIMIT).find((spot) => spot.organization.id === pinned);
  if (beyond !== undefined) listed.push(beyond);
  panel.replaceChildren();
  append(
    panel,
    heading,
    h(
      'p',
      { class: 'exposure-summary' },
      exposure.closestTier === null
        ? topic === null
          ? 'No flagged organization is reachable in the chain you can see. '
          : `No organization with an indicator about ${TOPIC_LABELS[topic].toLowerCase()} is reachable in the chain you can see. `
        : `Closest flagged tier: ${exposure.closestTier}. ${plural(findings.length, 'finding')}, `,
      `${plural(blindSpots.length, 'blind spot')}.`,
    ),
    // Disclosed indicators have no topic: the server leaves them out of a filtered exposure.
    topic !== null &&
      h(
        'p',
        { class: 'exposure-topic muted' },
        `Only public indicators about ${TOPIC_LABELS[topic].toLowerCase()} count; unclassified ones and what disclosures say are left out. Choose "All topics" to see them.`,
      ),
    h('h3', {}, 'Findings, nearest first'),
    findings.length > 0 &&
      h(
        'p',
        { class: 'legend muted' },
        h('span', { class: 'badge sev-HIGH' }, '⚠'),
        ' public sources · ',
        h('span', { class: 'badge badge-disclosed' }, '◆'),
        ' disclosed to you by an organization in your chain',
      ),
    findings.length === 0
      ? h('p', { class: 'muted' }, 'None.')
      : h(
          'ol',
          { class: 'findings' },
          findings.slice(0, LIST_LIMIT).map((f) => findingItem(f, select)),
        ),
    overflow(findings.length, 'findings'),
    h('h3', {}, 'Blind spots'),
    blindSpots.length > 0 &&
      h(
        'p',
        { class: 'muted' },
        requests === 'dated'
          ? 'These organizations shared none of their sourcing with you on that day. A request for access is sent today: clear As of to ask them.'
          : 'These organizations share none of their sourcing with you (disclosures do not count): the chain may go on behind them unseen.',
      ),
    blindSpots.length === 0
      ? h('p', { class: 'muted' }, noBlindSpot(chain, filters))
      : h(
          'ul',
          { class: 'blind-spots' },
          listed.map((spot) =>
            h(
              'li',
              { class: 'blind-spot', 'data-org-id': spot.organization.id },
              h(
                'button',
                { type: 'button', class: 'link-button', onclick: () => select(spot.organization.id) },
                spot.organization.name,
              ),
              Number.isFinite(spot.tier) && ` · tier ${spot.tier}`,
              h('p', { class: 'advice' }, blindSpotAdvice(spot)),
              blindSpotRequest(spot, requests === 'dated' ? null : requests),
            ),
          ),
        ),
    overflow(blindSpots.length, 'blind spots', listed.length),
  );
}
