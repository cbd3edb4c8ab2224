// The tier view: the root, then one column per tier ("Tier 1", "Tier 2", …) with its organizations as
// buttons coloured by type and badged with their highest risk, and the links between them drawn as SVG
// curves under the cards. Big tiers show their first organizations and a "+K more" button.
import { h, svg, SVG_NS } from './dom.ts';
import { disclosedBadge } from './evidence.ts';
import { scoreBand } from './risk.ts';
import {
  highestSeverity,
  plural,
  riskSource,
  TYPE_LABELS,
  type DisclosedIndicator,
  type Organization,
  type RiskIndicator,
  type SupplyChain,
  type TierColumn,
} from './model.ts';

interface TierViewHandlers {
  select(id: string): void;
  showMore(tier: number): void;
}

export interface TierViewInput {
  chain: SupplyChain;
  columns: TierColumn[];
  risks: ReadonlyMap<string, RiskIndicator[]>;
  selected: string | null;
  /** Links to emphasise (the selected organization's path to the root). */
  highlighted: ReadonlySet<string>;
  /** What visible disclosures say, per organization: badged apart from the public risk. */
  disclosed?: ReadonlyMap<string, DisclosedIndicator[]>;
  /** Risk scores (0..100) per organization: the card is coloured by its band (risk.ts). */
  scores?: ReadonlyMap<string, number>;
  /** The query's server-side filters in words (queryFilters): an empty chain may be their doing. */
  filters?: readonly string[];
  /**
   * The names of the viewer's other roots (organizations that shared with it): a monitor's own chain is
   * empty, and what it was given is behind the Root switcher.
   */
  otherRoots?: readonly string[];
}

/** Why a chain shows no tier, in words that say what to do next. */
function emptyChainText(input: TierViewInput): string {
  if (input.filters?.length)
    return `Nothing matches ${input.filters.join(', ')}: change or clear the filter to see the chain.`;
  const others = input.otherRoots ?? [];
  if (others.length > 0)
    return `No supplier is visible from this root. Shared with you: the chains of ${others.join(', ')}; choose one under Root.`;
  return 'No supplier is visible from this root: nobody has shared a link with you here yet.';
}

export function riskBadge(indicators: readonly RiskIndicator[] | undefined): HTMLElement | null {
  const severity = highestSeverity(indicators);
  if (severity === null || indicators === undefined) return null;
  const label = `${severity.toLowerCase()} risk, ${plural(indicators.length, 'indicator')}`;
  return h(
    'span',
    { class: `badge sev-${severity}`, title: [...new Set(indicators.map(riskSource))].join('\n') },
    h('span', { 'aria-hidden': 'true' }, `⚠ ${severity}`),
    h('span', { class: 'visually-hidden' }, ` ${label}`),
  );
}

function card(o: Organization, tier: number, input: TierViewInput, handlers: TierViewHandlers): HTMLElement {
  const indicators = input.risks.get(o.id);
  const selected = input.selected === o.id;
  const score = input.scores?.get(o.id);
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: `org type-${o.type}${selected ? ' selected' : ''}${indicators ? ' flagged' : ''}${score === undefined ? '' : ` risk-${scoreBand(score)}`}`,
        'data-org-id': o.id,
        'data-risk-score': score,
        'data-tier': tier,
        'aria-pressed': selected ? 'true' : 'false',
        onclick: () => handlers.select(o.id),
      },
      h('span', { class: 'org-name' }, o.name),
      h('span', { class: 'org-meta' }, `${TYPE_LABELS[o.type]} · ${o.country}`),
      riskBadge(indicators),
      disclosedBadge(input.disclosed?.get(o.id)),
      score !== undefined &&
        h(
          'span',
          { class: `risk-score band-${scoreBand(score)}`, title: 'risk score (Where to start)' },
          // A card's name is read as one run of its text: a bare "48.6" said nothing of what it is.
          h('span', { class: 'visually-hidden' }, 'risk score '),
          String(score),
          h('span', { class: 'visually-hidden' }, ` of 100, ${scoreBand(score)}`),
        ),
    ),
  );
}

function column(col: TierColumn, input: TierViewInput, handlers: TierViewHandlers): HTMLElement {
  const headingId = `tier-${col.tier}-heading`;
  const filtered = col.matching.length !== col.total;
  const count = filtered
    ? `${col.matching.length.toLocaleString('en')} of ${plural(col.total, 'organization')}`
    : plural(col.total, 'organization');
  return h(
    'section',
    { class: 'tier', 'aria-labelledby': headingId, 'data-tier': col.tier },
    h(
      'h2',
      { id: headingId, class: 'tier-heading' },
      h('span', { class: 'tier-title' }, `Tier ${col.tier}`),
      h('span', { class: 'tier-count', 'data-testid': `tier-${col.tier}-count` }, count),
    ),
    h(
      'ul',
      { class: 'orgs', 'aria-label': `Tier ${col.tier} organizations` },
      col.shown.map((o) => card(o, col.tier, input, handlers)),
    ),
    col.hidden > 0 &&
      h(
        'button',
        {
          type: 'button',
          class: 'more',
          'data-tier': col.tier,
          'aria-label': `Show more of tier ${col.tier} (${col.hidden} not shown)`,
          onclick: () => handlers.showMore(col.tier),
        },
        `+${col.hidden.toLocaleString('en')} more`,
      ),
    col.matching.length === 0 && h('p', { class: 'empty' }, 'No organization matches the filters.'),
  );
}

/** Renders the columns into `container` (replacing its content) and draws the links. */
export function renderTierView(
  container: HTMLElement,
  input: TierViewInput,
  handlers: TierViewHandlers,
): void {
  const root = input.chain.root;
  const rootColumn = h(
    'section',
    { class: 'tier tier-root', 'aria-labelledby': 'tier-0-heading', 'data-tier': 0 },
    h(
      'h2',
      { id: 'tier-0-heading', class: 'tier-heading' },
      h('span', { class: 'tier-title' }, 'Root'),
      h('span', { class: 'tier-count' }, 'tier 0'),
    ),
    h('ul', { class: 'orgs', 'aria-label': 'Root organization' }, card(root, 0, input, handlers)),
  );
  const links = document.createElementNS(SVG_NS, 'svg');
  links.setAttribute('class', 'links');
  links.setAttribute('aria-hidden', 'true');
  const tiers = h(
    'div',
    { class: 'tiers' },
    links,
    rootColumn,
    input.columns.map((c) => column(c, input, handlers)),
  );
  if (input.columns.length === 0) {
    tiers.append(h('p', { class: 'empty nothing-shared' }, emptyChainText(input)));
  }
  container.replaceChildren(tiers);
  tiers.addEventListener('keydown', (event) => moveFocus(tiers, event));
  drawLinks(tiers, input);
}

interface LinkGeometry {
  id: string;
  from: { x: number; y: number };
  to: { x: number; y: number };
  /** True when the supplier is not in a higher tier than the customer (same-tier or back links). */
  sideways: boolean;
  highlighted: boolean;
}

/** Where each drawn link starts (the supplier card's left edge) and ends (the customer's right edge). */
export function linkGeometry(tiers: HTMLElement, input: TierViewInput): LinkGeometry[] {
  const box = tiers.getBoundingClientRect();
  const cards = new Map<string, { rect: DOMRect; tier: number }>();
  for (const el of tiers.querySelectorAll<HTMLElement>('button.org')) {
    const id = el.dataset['orgId'];
    if (id !== undefined)
      cards.set(id, { rect: el.getBoundingClientRect(), tier: Number(el.dataset['tier']) });
  }
  const at = (r: DOMRect, side: 'left' | 'right') => ({
    x: (side === 'left' ? r.left : r.right) - box.left + tiers.scrollLeft,
    y: r.top + r.height / 2 - box.top + tiers.scrollTop,
  });
  const geometry: LinkGeometry[] = [];
  for (const link of input.chain.links) {
    const supplier = cards.get(link.supplier.id);
    const customer = cards.get(link.customer.id);
    if (supplier === undefined || customer === undefined) continue;
    geometry.push({
      id: link.id,
      from: at(supplier.rect, 'left'),
      to: at(customer.rect, 'right'),
      sideways: supplier.tier <= customer.tier,
      highlighted: input.highlighted.has(link.id),
    });
  }
  return geometry;
}

export function curve(g: LinkGeometry): string {
  const dx = Math.max(30, Math.abs(g.from.x - g.to.x) / 2);
  return `M ${g.to.x} ${g.to.y} C ${g.to.x + dx} ${g.to.y}, ${g.from.x - dx} ${g.from.y}, ${g.from.x} ${g.from.y}`;
}

export function drawLinks(tiers: HTMLElement, input: TierViewInput): void {
  const layer = tiers.querySelector<SVGSVGElement>('svg.links');
  if (layer === null) return;
  layer.setAttribute('width', String(tiers.scrollWidth));
  layer.setAttribute('height', String(tiers.scrollHeight));
  const paths = linkGeometry(tiers, input)
    .sort((a, b) => Number(a.highlighted) - Number(b.highlighted))
    .map((g) =>
      svg('path', {
        d: curve(g),
        class: `link${g.sideways ? ' sideways' : ''}${g.highlighted ? ' highlighted' : ''}`,
        'data-link-id': g.id,
      }),
    );
  layer.replaceChildren(...paths);
}

/** Arrow keys move between organizations: up/down in a tier, left/right to the neighbouring tier. */
function moveFocus(tiers: HTMLElement, event: KeyboardEvent): void {
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.classList.contains('org')) return;
  const columns = [...tiers.querySelectorAll<HTMLElement>('section.tier')].map((s) => [
    ...s.querySelectorAll<HTMLElement>('button.org'),
  ]);
  const col = columns.findIndex((c) => c.includes(target));
  const row = columns[col]?.indexOf(target) ?? -1;
  let next: HTMLElement | undefined;
  if (event.key === 'ArrowDown') next = columns[col]?.[row + 1];
  else if (event.key === 'ArrowUp') next = columns[col]?.[row - 1];
  else if (event.key === 'Home') next = columns[col]?.[0];
  else if (event.key === 'End') next = columns[col]?.at(-1);
  else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
    const step = event.key === 'ArrowRight' ? 1 : -1;
    for (let c = col + step; c >= 0 && c < columns.length && next === undefined; c += step) {
      const candidates = columns[c] ?? [];
      next = candidates[Math.min(row, candidates.length - 1)];
    }
  } else return;
  event.preventDefault();
  next?.focus();
}
