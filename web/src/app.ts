// The dashboard: sign-in (token form, and in local demo mode a picker of the demo organizations), then
// the root switcher, filters, tier view, details and exposure panels, and the exports.
import {
  answerAccessRequest,
  ApiError,
  capabilities,
  clearToken,
  demoMode,
  demoOrganizations,
  demoToken,
  disclosuresAbout,
  evidence,
  requestsDated,
  exposure,
  me,
  onSessionExpired,
  readToken,
  redactAccessRequest,
  remindAccessRequest,
  requestAccess,
  storeToken,
  supplyChain,
  withdrawAccessRequest,
  type Answer,
  type Capabilities,
  type DemoOrganization,
  type Me,
} from './api.ts';
import { day, errorMessage, h, moment } from './dom.ts';
import { isolate } from './bidi.ts';
import { renderEvidence, requestCardTo, type DisclosuresState, type EvidenceState } from './evidence.ts';
import { returnOnEscape } from './forms.ts';
import { MyFindings, recordFindingDated, recordFindingForm, recordsFindings } from './findings.ts';
import type { MyDisclosures } from './my-disclosures.ts';
import { MySuppliers } from './my-suppliers.ts';
import { chainExportControls } from './chain-export.ts';
import { chainsReaching, chainsReachingSection, type ChainsReachingState } from './chains-reaching.ts';
import { csvFile, download, exportName, pngLegend, tierViewPng } from './export.ts';
import {
  AS_OF_MAX,
  AS_OF_MIN,
  asOfProblem,
  buildColumns,
  byName,
  chainToCsv,
  CSV_DIALECTS,
  csvDialectOf,
  csvFormatFor,
  csvFormatOfDialect,
  countriesOf,
  DEFAULT_TIER_LIMIT,
  disclosedById,
  FIRST_QUERY,
  RISK_TOPICS,
  TOPIC_LABELS,
  NO_FILTERS,
  ORGANIZATION_TYPES,
  organizationsById,
  pathToRoot,
  plural,
  PRODUCT_MAX,
  productProblem,
  productsOf,
  queryFilters,
  asOfAhead,
  risksById,
  TYPE_LABELS,
  unhide,
  type AccessRequest,
  type AccessScope,
  type CsvFormat,
  type DisclosedIndicator,
  type Exposure,
  type Filters,
  type OrganizationType,
  type Party,
  type Query,
  type RequestParty,
  type RiskIndicator,
  type SupplyChain,
  type TierColumn,
} from './model.ts';
import { renderDetails, renderExposure, type ExposureState } from './panels.ts';
import { SessionWarning } from './session-expiry.ts';
import { renderRisk, riskAssessment, riskToCsv, scoresById, type RiskState } from './risk.ts';
import { drawLinks, renderTierView, type TierViewInput } from './tier-view.ts';
import { MAX_DEPTH } from '../../src/domain/viewer-scope.ts';

const MORE_STEP = 200;
/** When the side panels stand beside the chain (styles.css); on a narrower screen they go under it. */
const PANELS_BESIDE = '(min-width: 1200px)';

export const SESSION_EXPIRED = 'Your session expired; sign in again.';
const NOTHING_TO_EXPORT = 'Nothing to export: the supply chain did not load.';

/** Starts the app in `root`: the dashboard when a valid token is stored, else the sign-in screen. */
export async function start(root: HTMLElement): Promise<void> {
  const token = readToken();
  if (token === null) return showSignIn(root);
  let viewer: Me;
  let can: Capabilities;
  try {
    viewer = await me(token);
    can = await capabilities(token);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      clearToken();
      return showSignIn(root, 'Your token was refused (expired, or not for this server). Sign in again.');
    }
    root.replaceChildren(
      h('p', { role: 'alert', class: 'error' }, `Could not reach the API: ${errorMessage(error)}`),
    );
    return;
  }
  new Dashboard(root, token, viewer, can).mount();
}

function showSignIn(root: HTMLElement, error?: string): void {
  const alert = h('p', { role: 'alert', class: 'error', id: 'signin-error' }, error ?? '');
  const signedIn = (token: string) => {
    storeToken(token);
    void start(root);
  };
  const demo = h('section', { class: 'demo-picker', 'aria-labelledby': 'demo-heading', hidden: true });
  const tokenInput = h('textarea', {
    id: 'token-input',
    name: 'token',
    rows: 4,
    required: true,
    spellcheck: 'false',
    autocomplete: 'off',
  });
  const form = h(
    'form',
    {
      class: 'token-form',
      'aria-labelledby': 'token-heading',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const value = tokenInput.value.trim().replace(/^Bearer\s+/i, '');
        if (value !== '') signedIn(value);
      },
    },
    h('h2', { id: 'token-heading' }, 'Sign in with an access token'),
    h(
      'label',
      { for: 'token-input' },
      'Access token (JWT, from your administrator or `npx tiersight token`)',
    ),
    tokenInput,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
  );
  root.replaceChildren(
    h(
      'main',
      { class: 'signin', id: 'main' },
      h('h1', {}, 'Tiersight'),
      h('p', { class: 'lead' }, 'Your supply chain tier by tier, wherever each hop was shared with you.'),
      alert,
      demo,
      form,
    ),
  );
  if (demoMode()) void loadDemoPicker(demo, signedIn, alert);
}

/**
 * The demo picker of a server in local demo mode: "Loading…" while the list is on its way (a second
 * or more, during which the page showed nothing to pick), then the organizations, or why there are
 * none, with Try again.
 */
async function loadDemoPicker(
  demo: HTMLElement,
  signedIn: (token: string) => void,
  alert: HTMLElement,
): Promise<void> {
  // Focusable: Try again goes with the redraw, and the focus comes here rather than to the top of the
  // page. It stays in place below, where only what follows it is drawn anew, so that it keeps the focus.
  const heading = h('h2', { id: 'demo-heading', tabindex: '-1' }, 'Local demo: sign in as');
  const body = h('div', { class: 'demo-body' });
  const retried = document.activeElement?.classList.contains('demo-retry') === true;
  demo.hidden = false;
  body.replaceChildren(
    h('p', { class: 'muted demo-loading', role: 'status' }, 'Loading the demo organizations…'),
  );
  demo.replaceChildren(heading, body);
  if (retried) heading.focus();
  let organizations: DemoOrganization[] | null;
  try {
    organizations = await demoOrganizations();
  } catch (error) {
    body.replaceChildren(
      h(
        'p',
        { role: 'alert', class: 'error demo-error' },
        `Could not load the demo organizations: ${errorMessage(error)}. You can also sign in with a token below.`,
      ),
      h(
        'button',
        { type: 'button', class: 'demo-retry', onclick: () => void loadDemoPicker(demo, signedIn, alert) },
        'Try again',
      ),
    );
    return;
  }
  if (organizations === null || organizations.length === 0) {
    demo.hidden = true;
    demo.replaceChildren();
    return;
  }
  body.replaceChildren(
    h(
      'p',
      { class: 'muted' },
      'This server runs in local demo mode. The shares and several links of the demo are illustrative.',
    ),
    h(
      'ul',
      { class: 'demo-list' },
      organizations.map((o) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: `demo-org type-${o.type}`,
              'data-org-id': o.id,
              onclick: async () => {
                try {
                  signedIn(await demoToken(o.id));
                } catch (e) {
                  alert.textContent = `Demo sign-in failed: ${errorMessage(e)}`;
                }
              },
            },
            h('span', { class: 'org-name' }, o.name),
            h(
              'span',
              { class: 'org-meta' },
              `${TYPE_LABELS[o.type as OrganizationType] ?? o.type} · ${o.country}`,
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * Checks `control`'s value on each change before `send` gets it: a problem is shown once, in the
 * returned line beside the control, and nothing is fetched (the server would only echo it, raw).
 */
function checked(
  control: HTMLInputElement,
  problem: (value: string) => string | null,
  send: (value: string) => void,
): HTMLElement {
  const error = h('p', { class: 'error field-error', id: `${control.id}-error`, role: 'alert' });
  control.setAttribute('aria-describedby', error.id);
  control.addEventListener('change', () => {
    const text = problem(control.value);
    error.textContent = text ?? '';
    control.setAttribute('aria-invalid', String(text !== null));
    if (text === null) send(control.value);
  });
  return error;
}

class Dashboard {
  private query: Query;
  private filters: Filters = NO_FILTERS;
  private limits = new Map<number, number>();
  private chain: SupplyChain | null = null;
  /** The load (`generation`) whose answer `chain` is: until a reload's chain arrives, the previous one. */
  private chainGeneration = 0;
  private exposureState: ExposureState = { kind: 'loading' };
  private risks: Map<string, RiskIndicator[]> = new Map();
  private disclosed: Map<string, DisclosedIndicator[]> = new Map();
  /** The selected organization's disclosures, fetched when it is selected (per chain load). */
  private disclosures = new Map<string, DisclosuresState>();
  private reaching = new Map<string, ChainsReachingState>();
  private evidenceState: EvidenceState = { kind: 'loading' };
  private columns: TierColumn[] = [];
  private selected: string | null = null;
  private generation = 0;
  /**
   * What the user's last change did ("Granted the request of …"), written before the chain's summary
   * until the next load: the ranking and the exposure redraw the summary whenever they arrive.
   */
  private news = '';

  /** Focusable: it takes the focus to say what a change did, or why nothing was shown (`tell`). */
  private readonly status = h('p', {
    id: 'status',
    class: 'status',
    role: 'status',
    'aria-live': 'polite',
    tabindex: '-1',
  });
  private readonly view = h('div', { class: 'chain-view', id: 'chain-view', tabindex: '-1' });
  private readonly details = h('section', {
    class: 'panel details',
    id: 'details',
    'aria-labelledby': 'details-heading',
    hidden: true,
  });
  private readonly exposurePanel = h('section', {
    class: 'panel exposure',
    id: 'exposure',
    'aria-labelledby': 'exposure-heading',
    // A skip link's target: focusable, so that the next Tab goes on from here.
    tabindex: '-1',
  });
  private riskState: RiskState = { kind: 'loading' };
  private readonly riskPanel = h('section', {
    class: 'panel risk',
    id: 'risk',
    'aria-labelledby': 'risk-heading',
    tabindex: '-1',
  });
  private readonly evidencePanel = h('section', {
    class: 'panel evidence',
    id: 'evidence',
    'aria-labelledby': 'evidence-heading',
  });
  private readonly suppliersPanel = h('section', {
    class: 'panel my-suppliers',
    id: 'my-suppliers',
    'aria-labelledby': 'my-suppliers-heading',
    hidden: true,
  });
  private readonly disclosuresPanel = h('section', {
    class: 'panel my-disclosures',
    id: 'my-disclosures',
    'aria-labelledby': 'my-disclosures-heading',
    hidden: true,
  });
  private readonly findingsPanel = h('section', {
    class: 'panel my-findings',
    id: 'my-findings',
    'aria-labelledby': 'my-findings-heading',
    hidden: true,
  });
  /**
   * The blind spot whose request form a top action asked for while Exposure was still loading, and the
   * top action's button, where Escape in the form returns.
   */
  private formAwaited: { party: Party; returnTo: HTMLElement | null } | null = null;
  /** The organization whose request's card a top action asked to show while the outbox was still loading. */
  private requestAwaited: Party | null = null;
  /** The blind spot a top action asked to request access from, drawn in Exposure beyond its limit. */
  private pinnedBlindSpot: string | null = null;
  /** "My suppliers", for a supplier_admin: reloaded after every change, as a grant adds a share. */
  private suppliers: MySuppliers | null = null;
  /** "My disclosures", for a supplier_admin of a server that has disclosures: reloaded after every change. */
  private ownDisclosures: MyDisclosures | null = null;
  /** "My findings", for a monitor's supplier_admin on a server that has findings. */
  private ownFindings: MyFindings | null = null;
  /**
   * The selected organization's "Record a finding…", kept while it stays selected: the details are
   * drawn again whenever the disclosures or the ranking arrive, which must not empty a form being
   * filled in, nor give it a new idempotency key. Dropped once a finding is recorded.
   */
  private findingForm: { id: string; box: HTMLElement } | null = null;
  private readonly countrySelect = h('select', { id: 'filter-country', name: 'country' });
  /** The dialect of every CSV the page saves: the browser language's guess until the user says. */
  private readonly csvDialect = csvDialectPicker(navigator.language);
  private readonly searchInput = h('input', {
    id: 'filter-search',
    name: 'search',
    type: 'search',
    placeholder: 'name or id',
  });
  private readonly typeBoxes = new Map(
    ORGANIZATION_TYPES.filter((t) => t !== 'MONITOR').map((t) => [
      t,
      h('input', { type: 'checkbox', name: 'type', value: t }),
    ]),
  );
  private readonly productList = h('datalist', { id: 'product-suggestions' });
  /** The Root choice, set in `mount`; "Show this chain" in the details sets it too. */
  private rootSelect: HTMLSelectElement | null = null;
  /** The warning before the token expires, with a way to extend the session (set in `mount`). */
  private sessionWarning: SessionWarning | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly token: string,
    private readonly viewer: Me,
    private readonly can: Capabilities,
  ) {
    this.query = { ...FIRST_QUERY };
  }

  mount(): void {
    const org = this.viewer.organization;
    // The viewer first, then the others by name in the user's language (the API's order is by code unit).
    const roots =
      this.viewer.roots.length > 0
        ? [...this.viewer.roots].sort(
            (a, b) => Number(b.id === org.id) - Number(a.id === org.id) || byName(a, b),
          )
        : [org];
    const rootSelect = (this.rootSelect = h(
      'select',
      {
        id: 'root-select',
        name: 'root',
        onchange: (event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          this.query = { ...this.query, rootId: value === org.id ? null : value };
          this.limits.clear();
          this.selected = null;
          void this.load();
        },
      },
      roots.map((r) =>
        h(
          'option',
          { value: r.id, selected: r.id === org.id },
          r.id === org.id ? `${isolate(r.name)} (you)` : isolate(r.name),
        ),
      ),
    ));
    const header = h(
      'header',
      { class: 'topbar' },
      h('a', { class: 'skip', href: '#chain-view' }, 'Skip to the supply chain'),
      // A keyboard's way past the tier view's cards (hundreds in a big chain) to the analysis beside it.
      h('a', { class: 'skip', href: '#risk' }, 'Skip to Where to start'),
      h('a', { class: 'skip', href: '#exposure' }, 'Skip to Exposure'),
      h('h1', {}, 'Tiersight'),
      h(
        'p',
        { class: 'viewer' },
        'Signed in as ',
        h('strong', { id: 'viewer-name' }, org.name),
        ` (${this.viewer.roles.map((r) => r.toLowerCase()).join(', ')})`,
      ),
      h('div', { class: 'root-switch' }, h('label', { for: 'root-select' }, 'Root'), rootSelect),
      h('a', { href: '/graphql', class: 'nav-link' }, 'GraphiQL'),
      h(
        'button',
        {
          type: 'button',
          id: 'sign-out',
          onclick: () => {
            onSessionExpired(this.token, null);
            this.sessionWarning?.stop();
            clearToken();
            showSignIn(this.root);
          },
        },
        'Sign out',
      ),
    );
    const warning = (this.sessionWarning = new SessionWarning({
      token: this.token,
      viewer: this.viewer,
      demo: demoMode(),
      extended: (message) => this.tell(message),
    }));
    this.root.replaceChildren(
      header,
      // Under the header, before the filters: the first thing Tab reaches after the page's own controls.
      warning.element,
      this.filterBar(),
      this.status,
      h(
        'main',
        { class: 'layout', id: 'main' },
        this.view,
        h(
          'aside',
          {
            class: 'side',
            'aria-label':
              'Details, where to start, exposure, evidence, my suppliers, my disclosures and my findings',
          },
          // The analysis beside the tier view first, the organization's own records after it: a buyer's
          // demo token is a supplier_admin's too, and its My suppliers and My disclosures (thousands of
          // pixels of forms) pushed Where to start and Exposure out of sight.
          this.details,
          this.riskPanel,
          this.exposurePanel,
          this.evidencePanel,
          this.suppliersPanel,
          this.disclosuresPanel,
          this.findingsPanel,
        ),
      ),
    );
    const redraw = () =>
      this.chain && drawLinks(this.view.querySelector('.tiers') ?? this.view, this.viewInput());
    window.addEventListener('resize', redraw);
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(redraw).observe(this.view);
    onSessionExpired(this.token, () => {
      warning.stop();
      clearToken();
      showSignIn(this.root, SESSION_EXPIRED);
    });
    warning.start();
    void this.load();
    void this.loadEvidence();
    if (this.viewer.roles.includes('SUPPLIER_ADMIN')) {
      this.suppliers = new MySuppliers(
        this.suppliersPanel,
        this.token,
        (news) => this.changed(news),
        this.can.disclosures,
      );
      void this.suppliers.load();
      if (this.can.disclosures) void this.mountOwnDisclosures(org);
    }
    if (recordsFindings(this.viewer, this.can)) {
      this.ownFindings = new MyFindings(
        this.findingsPanel,
        this.token,
        {
          show: (organization) => this.show(organization),
          changed: (news) => this.findingsChanged(news),
        },
        this.can,
      );
      void this.ownFindings.load();
    }
  }

  /** "My disclosures" comes in a chunk of its own: only a supplier_admin's page loads its forms. */
  private async mountOwnDisclosures(org: Me['organization']): Promise<void> {
    const loaded = await import('./my-disclosures.ts').catch((error: unknown) => {
      this.disclosuresPanel.hidden = false;
      this.disclosuresPanel.replaceChildren(
        h('h2', { id: 'my-disclosures-heading' }, 'My disclosures'),
        h('p', { role: 'alert', class: 'error' }, `Could not load this panel: ${errorMessage(error)}`),
      );
      return null;
    });
    if (loaded === null) return;
    this.ownDisclosures = new loaded.MyDisclosures(this.disclosuresPanel, this.token, org, this.can, (news) =>
      this.changed(news),
    );
    this.ownDisclosures.dated(this.query.asOf);
    await this.ownDisclosures.load();
  }

  private filterBar(): HTMLElement {
    const refetch = (patch: Partial<Query>) => {
      this.query = { ...this.query, ...patch };
      this.limits.clear();
      void this.load();
      // What was shared with the viewer is as of the As of day too; My suppliers stays today's.
      if (patch.asOf !== undefined) {
        void this.loadEvidence();
        this.suppliers?.dated(patch.asOf);
        this.ownDisclosures?.dated(patch.asOf);
        this.ownFindings?.dated(patch.asOf);
      }
    };
    const refilter = (patch: Partial<Filters>) => {
      this.filters = { ...this.filters, ...patch };
      this.limits.clear();
      // "Cleared the filters that hid …" no longer holds once the user sets them again.
      this.news = '';
      this.renderChain();
    };
    const depth = h(
      'select',
      {
        id: 'filter-depth',
        name: 'depth',
        onchange: (e: Event) => refetch({ maxDepth: Number((e.target as HTMLSelectElement).value) }),
      },
      Array.from({ length: MAX_DEPTH }, (_, i) =>
        h('option', { value: i + 1, selected: i + 1 === 10 }, String(i + 1)),
      ),
    );
    const product = h('input', {
      id: 'filter-product',
      name: 'product',
      type: 'text',
      list: 'product-suggestions',
      // The API matches a product exactly, as a link names it: the suggestions are those names.
      placeholder: 'any (exact name)',
      maxlength: PRODUCT_MAX,
      disabled: !this.can.product,
    });
    const productError = checked(product, productProblem, (value) => refetch({ product: value }));
    const asOf = h('input', {
      id: 'filter-as-of',
      name: 'asOf',
      type: 'date',
      min: AS_OF_MIN,
      max: AS_OF_MAX,
      disabled: !this.can.asOf,
    });
    const asOfError = checked(asOf, asOfProblem, (value) => refetch({ asOf: value }));
    // Asked of exposure alone (the chain and the ranking are the same whatever the topic): where in
    // the chain a researcher finds forced-labour evidence. Reloaded with the rest, so that no answer
    // to an earlier choice lands after this one's.
    const topic = h(
      'select',
      {
        id: 'filter-topic',
        name: 'topic',
        disabled: !this.can.topics || !this.can.exposure,
        onchange: (e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          refetch({ topic: RISK_TOPICS.find((t) => t === value) ?? '' });
        },
      },
      h('option', { value: '' }, 'All topics'),
      RISK_TOPICS.map((t) => h('option', { value: t }, TOPIC_LABELS[t])),
    );
    const typeBoxes = [...this.typeBoxes].map(([t, box]) => {
      box.addEventListener('change', () => {
        const types = new Set(this.filters.types);
        if (box.checked) types.add(t);
        else types.delete(t);
        refilter({ types });
      });
      return h(
        'label',
        { class: 'type-choice' },
        box,
        h('span', { class: `swatch type-${t}`, 'aria-hidden': 'true' }),
        TYPE_LABELS[t],
      );
    });
    this.countrySelect.addEventListener('change', () => refilter({ country: this.countrySelect.value }));
    this.searchInput.addEventListener('input', () => refilter({ search: this.searchInput.value }));
    const field = (id: string, label: string, control: HTMLElement, error?: HTMLElement) =>
      h('div', { class: 'field' }, h('label', { for: id }, label), control, error);
    return h(
      'form',
      { class: 'filters', 'aria-label': 'Filters and exports', onsubmit: (e: Event) => e.preventDefault() },
      field('filter-depth', 'Depth', depth),
      field('filter-product', 'Product', product, productError),
      this.productList,
      field('filter-as-of', 'As of', asOf, asOfError),
      field('filter-topic', 'Exposure topic', topic),
      field('filter-country', 'Country', this.countrySelect),
      field('filter-search', 'Search', this.searchInput),
      h('fieldset', { class: 'types' }, h('legend', {}, 'Types (none checked: all)'), typeBoxes),
      h(
        'div',
        { class: 'exports' },
        h(
          'span',
          { class: 'csv-dialect' },
          h('label', { for: this.csvDialect.id }, 'CSV for'),
          this.csvDialect,
        ),
        h('button', { type: 'button', id: 'export-csv', onclick: () => this.exportCsv() }, 'Export CSV'),
        h('button', { type: 'button', id: 'export-png', onclick: () => void this.exportPng() }, 'Export PNG'),
        chainExportControls(
          () => this.query,
          this.token,
          (message) => (this.status.textContent = message),
          () => (this.can.csvDialect ? this.csvFormat() : null),
        ),
      ),
    );
  }

  private async load(news = ''): Promise<void> {
    const generation = ++this.generation;
    this.news = news;
    this.status.textContent = this.withNews('Loading…');
    this.disclosures.clear();
    this.reaching.clear();
    this.pinnedBlindSpot = null;
    this.exposureState = this.can.exposure
      ? { kind: 'loading' }
      : { kind: 'unavailable', message: 'This server does not offer the exposure analysis yet.' };
    this.renderExposurePanel();
    const exposureRequest: Promise<Exposure | Error> | null = this.can.exposure
      ? exposure(this.query, this.can, this.token).catch((e: unknown) =>
          e instanceof Error ? e : new Error(String(e)),
        )
      : null;
    void this.loadRisk(generation);
    try {
      const chain = await supplyChain(this.query, this.can, this.token);
      if (generation !== this.generation) return;
      this.chain = chain;
      this.chainGeneration = generation;
    } catch (error) {
      if (generation !== this.generation) return;
      // Nothing of the previous query may stay on screen as if it were this one's.
      this.chain = null;
      this.view.replaceChildren(
        h('p', { role: 'alert', class: 'error' }, `Could not load the supply chain: ${errorMessage(error)}`),
      );
      this.details.hidden = true;
      this.details.replaceChildren();
      this.exposureState = { kind: 'unavailable', message: 'No exposure: the supply chain did not load.' };
      this.renderExposurePanel();
      this.status.textContent = this.withNews('The supply chain did not load: nothing to show or export.');
      return;
    }
    if (this.selected !== null && !this.allIds().has(this.selected)) this.selected = null;
    this.updateChoices();
    this.renderChain();
    this.renderExposurePanel();
    if (exposureRequest !== null) {
      const result = await exposureRequest;
      if (generation !== this.generation) return;
      this.exposureState =
        result instanceof Error
          ? { kind: 'unavailable', message: `The exposure analysis failed: ${result.message}`, failed: true }
          : { kind: 'loaded', exposure: result };
      this.disclosed = disclosedById(result instanceof Error ? null : result);
      this.renderChain();
      this.renderExposurePanel();
      const awaited = this.formAwaited;
      this.formAwaited = null;
      if (awaited !== null) this.openRequestForm(awaited.party, awaited.returnTo);
    }
  }

  /** The ranking beside the tier view; the cards take their colour from it once it arrives. */
  private async loadRisk(generation: number): Promise<void> {
    this.riskState = this.can.riskAssessment
      ? { kind: 'loading' }
      : { kind: 'unavailable', message: 'This server does not offer the risk assessment yet.' };
    this.renderRiskPanel();
    if (!this.can.riskAssessment) return;
    let state: RiskState;
    try {
      state = { kind: 'loaded', assessment: await riskAssessment(this.query, this.can, this.token) };
    } catch (error) {
      state = {
        kind: 'unavailable',
        message: `The risk assessment failed: ${errorMessage(error)}`,
        failed: true,
      };
    }
    if (generation !== this.generation) return;
    this.riskState = state;
    this.renderRiskPanel();
    this.renderChain();
  }

  private renderRiskPanel(): void {
    renderRisk(this.riskPanel, this.riskState, {
      select: (id) => this.select(id),
      requestAccess:
        this.query.asOf === '' ? (organization, opener) => this.openRequestForm(organization, opener) : null,
      showRequest: (organization) => this.showRequestTo(organization),
      exportCsv: () => this.exportRiskCsv(),
    });
  }

  /** The CSV format the user's spreadsheet reads: "CSV for", first guessed by the browser's language. */
  private csvFormat(): CsvFormat {
    return csvFormatOfDialect(this.csvDialect.value);
  }

  private exportRiskCsv(): void {
    if (this.riskState.kind !== 'loaded') return;
    const { assessment } = this.riskState;
    const { maxDepth, product } = this.query;
    const csv = riskToCsv(assessment, this.csvFormat(), {
      maxDepth,
      product: product.trim(),
    });
    download(
      exportName([assessment.root.id, 'risk'], product, 'csv', assessment.at.slice(0, 10)),
      csvFile(csv),
    );
    this.status.textContent = `Exported the ranking of ${plural(assessment.organizations.length, 'organization')} as CSV.`;
  }

  private allIds(): Set<string> {
    const ids = new Set<string>();
    if (this.chain === null) return ids;
    ids.add(this.chain.root.id);
    for (const t of this.chain.tiers) for (const o of t.organizations) ids.add(o.id);
    return ids;
  }

  private updateChoices(): void {
    if (this.chain === null) return;
    const current = this.countrySelect.value;
    const countries = countriesOf(this.chain);
    this.countrySelect.replaceChildren(
      h('option', { value: '' }, 'All countries'),
      ...countries.map((c) => h('option', { value: c, selected: c === current }, c)),
    );
    if (!countries.includes(current) && this.filters.country !== '')
      this.filters = { ...this.filters, country: '' };
    this.productList.replaceChildren(...productsOf(this.chain).map((p) => h('option', { value: p })));
  }

  private viewInput(): TierViewInput {
    const chain = this.chain!;
    const highlighted = new Set<string>();
    if (this.selected !== null) {
      const path = pathToRoot(chain, this.selected);
      for (let i = 1; i < (path?.length ?? 0); i++) {
        const customer = path![i - 1]!.id;
        const supplier = path![i]!.id;
        const link = chain.links.find((l) => l.customer.id === customer && l.supplier.id === supplier);
        if (link) highlighted.add(link.id);
      }
    }
    return {
      chain,
      columns: this.columns,
      risks: this.risks,
      selected: this.selected,
      highlighted,
      disclosed: this.disclosed,
      scores: scoresById(this.riskState),
      filters: queryFilters(this.query),
      otherRoots: this.viewer.roots
        .filter((r) => r.id !== chain.root.id && r.id !== this.viewer.organization.id)
        .map((r) => r.name),
    };
  }

  private renderChain(): void {
    const chain = this.chain;
    // While a reload's chain is on its way, the chain held is the previous query's: drawn under the new
    // query's filters it would say what they did not do (a ranking that answered first, or a type box
    // ticked meanwhile, redrew a chain a product had emptied as "no supplier of it is visible"). The
    // reload draws it once it arrives, with whatever changed meanwhile.
    if (chain === null || this.chainGeneration !== this.generation) return;
    const exposureData = this.exposureState.kind === 'loaded' ? this.exposureState.exposure : null;
    this.risks = risksById(chain, exposureData);
    this.columns = this.buildColumns(chain);
    const focused =
      document.activeElement instanceof HTMLElement ? document.activeElement.dataset['orgId'] : undefined;
    renderTierView(this.view, this.viewInput(), {
      select: (id) => this.select(id),
      showMore: (tier) => {
        const before = this.limits.get(tier) ?? DEFAULT_TIER_LIMIT;
        this.limits.set(tier, before + MORE_STEP);
        this.renderChain();
        // The pressed button went with the redraw, and the focus to the top of the page: it goes to
        // the first card the button brought, where reading on continues (WCAG 2.4.3).
        this.view
          .querySelectorAll<HTMLElement>(`section.tier[data-tier="${tier}"] button.org`)
          [before]?.focus();
      },
    });
    if (focused !== undefined)
      this.view.querySelector<HTMLElement>(`button.org[data-org-id="${CSS.escape(focused)}"]`)?.focus();
    const total = chain.tiers.reduce((n, t) => n + t.organizations.length, 0);
    const shown = this.columns.reduce((n, c) => n + c.matching.length, 0);
    const flagged = [...this.risks.keys()].filter((id) => id !== chain.root.id).length;
    const asked = queryFilters(this.query);
    const ahead = asOfAhead(this.query.asOf);
    this.status.textContent = this.withNews(
      // An empty chain under a product or an As of day says what emptied it, not that nobody shares.
      (total === 0
        ? asked.length > 0
          ? `${isolate(chain.root.name)}: nothing matches ${asked.join(', ')}`
          : `${isolate(chain.root.name)}: no supplier of it is visible to you`
        : `${isolate(chain.root.name)}: ${plural(total, 'organization')} in ${plural(chain.depth, 'tier')}`) +
        (shown !== total ? `, ${shown.toLocaleString('en')} match the filters` : '') +
        // Public indicators only: Exposure also counts what visible disclosures say, so "flagged" here
        // would not match its count of findings.
        (flagged > 0 ? `, ${plural(flagged, 'organization')} with public risk indicators` : '') +
        (total === 0 ? '' : asked.map((f) => `, ${f}`).join('')) +
        '.' +
        (ahead === null ? '' : ` ${ahead}`),
    );
    if (this.selected !== null) {
      // Redrawing the panel (when the disclosures arrive) would drop a keyboard user's focus to <body>.
      const focused = document.activeElement;
      const focusedInside = this.details.contains(focused);
      const shown = organizationsById(chain).get(this.selected);
      renderDetails(
        this.details,
        chain,
        this.selected,
        this.risks,
        { select: (id) => this.select(id), close: () => this.closeDetails() },
        this.disclosuresOf(this.selected),
        chainsReachingSection(
          this.chainsReachingOf(this.selected),
          shown?.name ?? this.selected,
          chain.root.id,
          (root) => void this.showChainOf(root, this.selected),
        ),
        shown === undefined ? null : this.recordFinding(shown),
      );
      // A field of the finding form, kept across redraws, keeps the focus; the close button, drawn anew,
      // its successor (a keyboard user about to press it was sent back to the heading when the
      // disclosures arrived); anything else gives it to the heading.
      if (focusedInside)
        (focused instanceof HTMLElement && focused.isConnected
          ? focused
          : this.details.querySelector<HTMLElement>(
              focused instanceof HTMLElement && focused.classList.contains('close')
                ? 'button.close'
                : '#details-heading',
            )
        )?.focus();
    } else {
      this.details.hidden = true;
      this.details.replaceChildren();
    }
  }

  private buildColumns(chain: SupplyChain): TierColumn[] {
    return buildColumns(
      chain,
      this.filters,
      this.risks,
      (tier) => this.limits.get(tier) ?? DEFAULT_TIER_LIMIT,
    );
  }

  private renderExposurePanel(): void {
    // A dated view shows who was a blind spot then; a request is sent today, so it offers none.
    const requests = !this.can.accessRequests
      ? null
      : this.query.asOf !== ''
        ? ('dated' as const)
        : { requestAccess: this.requestAccess.bind(this) };
    renderExposure(
      this.exposurePanel,
      this.exposureState,
      this.chain,
      (id) => this.select(id),
      requests,
      this.pinnedBlindSpot,
      queryFilters(this.query),
      this.query.topic || null,
    );
  }

  /**
   * "Record a finding…" about `organization`, for a viewer that records findings, when it is another
   * than the viewer's own; at an As of day only a line saying why there is none (recorded today).
   */
  private recordFinding(organization: Party): HTMLElement | null {
    const monitor = this.viewer.organization;
    const { id } = organization;
    if (!recordsFindings(this.viewer, this.can) || id === monitor.id) return null;
    if (this.query.asOf !== '') return recordFindingDated();
    if (this.findingForm?.id !== id)
      this.findingForm = {
        id,
        box: recordFindingForm(
          organization,
          monitor,
          this.token,
          (news) => {
            // Drawn anew, with a new key: the next finding is another one.
            this.findingForm = null;
            return this.findingsChanged(news);
          },
          this.can.topics,
        ),
      };
    return this.findingForm.box;
  }

  /** After a finding was recorded, withdrawn or erased: the chain, the exposure and the ranking show it, and My findings. */
  private async findingsChanged(news: string): Promise<void> {
    await Promise.all([this.load(news), this.ownFindings?.load()]);
    this.focusStatusIfLost();
  }

  /** The disclosures of `id` as far as fetched; starts fetching them the first time. */
  private disclosuresOf(id: string): DisclosuresState {
    if (!this.can.disclosures) return { kind: 'unavailable' };
    const known = this.disclosures.get(id);
    if (known !== undefined) return known;
    this.disclosures.set(id, { kind: 'loading' });
    const generation = this.generation;
    const { asOf } = this.query;
    disclosuresAbout(id, asOf, this.can, this.token).then(
      (disclosures) => this.disclosuresArrived(generation, id, { kind: 'loaded', disclosures, asOf }),
      (error: unknown) =>
        this.disclosuresArrived(generation, id, { kind: 'failed', message: errorMessage(error) }),
    );
    return { kind: 'loading' };
  }

  /**
   * Which of the viewer's roots hold `id`, as far as fetched (the first time, fetching starts). For a
   * viewer with roots besides itself; for one without any today, only at an As of day (others may have
   * shared their chains then), and only once the answer names another root: its own chain is the one
   * shown, so its row alone, or a "Loading…" on every selection, would say nothing.
   */
  private chainsReachingOf(id: string): ChainsReachingState {
    const othersToday = this.viewer.roots.length >= 2;
    if (!this.can.chainsReaching || (!othersToday && this.query.asOf === '')) return { kind: 'unavailable' };
    const state = this.reaching.get(id) ?? this.fetchChainsReaching(id);
    if (othersToday || state.kind === 'failed') return state;
    const own = this.viewer.organization.id;
    return state.kind === 'loaded' && state.reaching.some((reach) => reach.root.id !== own)
      ? state
      : { kind: 'unavailable' };
  }

  private fetchChainsReaching(id: string): ChainsReachingState {
    const loading: ChainsReachingState = { kind: 'loading' };
    this.reaching.set(id, loading);
    const generation = this.generation;
    const arrived = (state: ChainsReachingState) => {
      if (generation !== this.generation) return;
      this.reaching.set(id, state);
      if (this.selected === id) this.renderChain();
    };
    chainsReaching(id, this.query, this.can, this.token).then(
      (reaching) => arrived({ kind: 'loaded', reaching }),
      (error: unknown) => arrived({ kind: 'failed', message: errorMessage(error) }),
    );
    return loading;
  }

  /** Shows the chain of `root` (as the Root choice does), with `id` selected in it. */
  private async showChainOf(root: Party, id: string | null): Promise<void> {
    const select = this.rootSelect;
    // A root at an As of day may no longer be one (its share revoked or expired since me.roots was read),
    // or not yet be one the choice lists: without its option, the choice would go blank.
    if (select !== null && ![...select.options].some((option) => option.value === root.id))
      select.append(h('option', { value: root.id }, isolate(root.name)));
    if (select !== null) select.value = root.id;
    this.query = { ...this.query, rootId: root.id === this.viewer.organization.id ? null : root.id };
    this.limits.clear();
    this.selected = id;
    await this.load();
    if (id !== null && this.selected === id) this.select(id);
  }

  private disclosuresArrived(generation: number, id: string, state: DisclosuresState): void {
    if (generation !== this.generation) return;
    this.disclosures.set(id, state);
    if (this.selected === id) this.renderChain();
  }

  private async loadEvidence(): Promise<void> {
    if (!this.can.disclosures && !this.can.accessRequests) {
      this.evidenceState = {
        kind: 'unavailable',
        message: 'This server does not offer disclosures or access requests yet.',
      };
    } else {
      const { asOf } = this.query;
      let state: EvidenceState;
      try {
        state = {
          kind: 'loaded',
          evidence: await evidence(this.can, this.token, asOf),
          asOf,
          requestsAsOf: requestsDated(this.can, asOf),
        };
      } catch (error) {
        state = { kind: 'failed', message: `Could not load the evidence: ${errorMessage(error)}` };
      }
      // Another As of day was chosen meanwhile: its own load draws the panel.
      if (asOf !== this.query.asOf) return;
      this.evidenceState = state;
    }
    renderEvidence(
      this.evidencePanel,
      this.evidenceState,
      this.viewer.roles.includes('SUPPLIER_ADMIN'),
      {
        show: (organization) => this.show(organization),
        answer: (request, answer, key) => this.answer(request, answer, key),
        withdraw: (request) => this.withdraw(request),
        erase: (request, party) => this.erase(request, party),
        remind: (request, message, key) => this.remind(request, message, key),
      },
      this.can,
    );
    const awaited = this.requestAwaited;
    this.requestAwaited = null;
    if (awaited !== null) this.showRequestTo(awaited);
  }

  /**
   * After a change: the evidence, the chain and exposure (a grant may show more), My suppliers and My
   * disclosures (a grant or a share adds a share to both). `requestId`: the request the change was
   * made on, whose card, drawn again, takes the focus the redraw dropped (rather than the status line).
   */
  private async changed(news: string, requestId: string | null = null): Promise<void> {
    await Promise.all([
      this.loadEvidence(),
      this.load(news),
      this.suppliers?.load(),
      this.ownDisclosures?.load(),
    ]);
    if (requestId === null || !this.focusRequestIfLost(requestId)) this.focusStatusIfLost();
  }

  /**
   * The focus to request `id`'s card, which now says what changed, unless the user has since moved it
   * elsewhere: it fell to <body> with the button pressed (Chromium drops the focus of a disabled
   * button), or a status line took it meanwhile (another change's reload ending while this one ran).
   * False when the card is not drawn (the panel failed to load) or the focus is the user's.
   */
  private focusRequestIfLost(id: string): boolean {
    const focused = document.activeElement;
    const lost = focused === null || focused === document.body || focused.getAttribute('role') === 'status';
    const card = this.evidencePanel.querySelector<HTMLElement>(
      `li.access-request[data-request-id="${CSS.escape(id)}"]`,
    );
    if (!lost || card === null) return false;
    card.tabIndex = -1;
    card.focus();
    return true;
  }

  /**
   * The redrawn panels took the control that made a change with them, and the focus fell to <body>:
   * the status line, which begins with what was done, takes it instead.
   */
  private focusStatusIfLost(): void {
    if (document.activeElement === null || document.activeElement === document.body) this.status.focus();
  }

  private withNews(text: string): string {
    return `${this.news} ${text}`.trim();
  }

  private async requestAccess(
    id: string,
    scope: AccessScope,
    products: readonly string[],
    note: string,
    key: string,
  ): Promise<void> {
    const request = await requestAccess(id, scope, products, note, this.token, key);
    await this.changed(
      `Access request sent to ${isolate(request.target.name)}, due ${request.dueAt.slice(0, 10)}.`,
    );
  }

  private async answer(request: AccessRequest, answer: Answer, key: string): Promise<void> {
    const answered = await answerAccessRequest(request.id, answer, this.token, key);
    const verb = { GRANT: 'Granted', DECLINE: 'Declined', EXTEND: 'Extended' }[answer.decision];
    await this.changed(`${verb} the request of ${isolate(answered.requester.name)}.`, request.id);
  }

  private async withdraw(request: AccessRequest): Promise<void> {
    await withdrawAccessRequest(request.id, this.token);
    await this.changed(`Withdrew the request to ${isolate(request.target.name)}.`, request.id);
  }

  private async remind(request: AccessRequest, message: string, key: string): Promise<void> {
    const reminded = await remindAccessRequest(request.id, message, this.token, key);
    const next = reminded.nextReminderAt
      ? ` The next reminder can be sent from ${moment(reminded.nextReminderAt)}.`
      : '';
    await this.changed(
      `Reminded ${isolate(reminded.target.name)} of your request sent ${day(request.sentAt)}.${next}`,
      request.id,
    );
  }

  /** Erases what the viewer's organization wrote on a closed request; the news quotes none of it. */
  private async erase(request: AccessRequest, party: RequestParty): Promise<void> {
    await redactAccessRequest(request.id, this.token);
    const [what, which, other] =
      party === 'requester'
        ? ['message', `the request to ${isolate(request.target.name)}`, request.target]
        : ['reasons', `the request of ${isolate(request.requester.name)}`, request.requester];
    await this.changed(
      `Erased your ${what} on ${which} sent ${day(request.sentAt)}: your organization and ` +
        `${isolate(other.name)} now see ${party === 'requester' ? 'it' : 'them'} erased, at every date.`,
      request.id,
    );
  }

  /**
   * Shows an organization and opens its Request access form in Exposure, or says why there is none;
   * Escape in the form then returns the focus to `returnTo` (the top action pressed), if given.
   */
  private openRequestForm(party: Party, returnTo: HTMLElement | null = null): void {
    const { id, name } = party;
    this.select(id);
    if (this.exposureState.kind === 'loading') {
      // The form lives in Exposure: it opens once Exposure has arrived.
      this.formAwaited = { party, returnTo };
      this.status.textContent = `The request form for ${isolate(name)} opens once Exposure has loaded…`;
      return;
    }
    const drawn = () =>
      this.exposurePanel.querySelector<HTMLElement>(`li.blind-spot[data-org-id="${CSS.escape(id)}"]`);
    // A blind spot beyond the 50 that Exposure lists is drawn there too, for its form. Only then is
    // Exposure drawn again: a redraw closes the other open forms and drops what was typed in them.
    if (drawn() === null && this.pinnedBlindSpot !== id) {
      this.pinnedBlindSpot = id;
      this.renderExposurePanel();
    }
    const spot = drawn();
    const opener = spot?.querySelector<HTMLButtonElement>('button.request-access');
    if (spot == null || opener == null) {
      this.status.textContent = spot?.querySelector('.request-open')
        ? `You asked ${isolate(name)} already: the request is open (see Exposure).`
        : `No request form to open: Exposure does not list ${isolate(name)} as a blind spot now.`;
      return;
    }
    if (opener.getAttribute('aria-expanded') !== 'true') opener.click();
    const form = spot.querySelector<HTMLFormElement>('form.request-form');
    if (form !== null && returnTo !== null) returnOnEscape(form, returnTo);
    spot.scrollIntoView({ block: 'nearest' });
    spot.querySelector<HTMLElement>('form.request-form select')?.focus();
  }

  /**
   * Takes the user to the viewer's request to `party` in the outbox (a FOLLOW_UP_ACCESS_REQUEST top
   * action): its card, scrolled into view, takes the focus, so that a screen reader reads where the
   * request stands and the next Tab reaches its Withdraw; or the status line says why there is none.
   */
  private showRequestTo(party: Party): void {
    if (this.evidenceState.kind === 'loading') {
      this.requestAwaited = party;
      this.status.textContent = `Your request to ${isolate(party.name)} is shown once the outbox has loaded…`;
      return;
    }
    const card = requestCardTo(this.evidencePanel, party.id);
    if (card === null) {
      this.tell(
        this.evidenceState.kind === 'loaded'
          ? `No request of yours to ${isolate(party.name)} is in the outbox shown (Evidence and access requests).`
          : `Your request to ${isolate(party.name)} cannot be shown: the outbox did not load.`,
      );
      return;
    }
    card.tabIndex = -1;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'center' });
  }

  /**
   * The close button goes with the panel: the focus would fall to <body>, the top of the page, so it
   * returns to the organization's card (WCAG 2.4.3), or to the chain when no card shows it now.
   */
  private closeDetails(): void {
    const closed = this.selected;
    this.select(null);
    const card =
      closed === null
        ? null
        : this.view.querySelector<HTMLElement>(`button.org[data-org-id="${CSS.escape(closed)}"]`);
    (card ?? this.view).focus();
  }

  private select(id: string | null): void {
    this.selected = id;
    if (id !== null && this.chain !== null) this.reveal(this.chain, id);
    this.renderChain();
    if (id !== null) this.bringDetailsIntoView();
  }

  /**
   * Makes sure the card of `id` (chosen in a list: Where to start, Exposure, a path) is drawn: clears
   * the filters that hide it, saying which, and opens its tier's "+K more" far enough.
   */
  private reveal(chain: SupplyChain, id: string): void {
    const o = organizationsById(chain).get(id);
    if (o === undefined || id === chain.root.id) return;
    const { filters, cleared } = unhide(o, this.filters);
    if (cleared.length > 0) {
      this.filters = filters;
      this.showFilters();
      this.news = `To show ${isolate(o.name)}, cleared the ${cleared.length === 1 ? 'filter' : 'filters'} that hid it: ${cleared.join(', ')}.`;
      this.columns = this.buildColumns(chain);
    }
    const column = this.columns.find((c) => c.matching.some((m) => m.id === id));
    if (column && !column.shown.some((m) => m.id === id)) {
      this.limits.set(column.tier, column.matching.findIndex((m) => m.id === id) + 1);
    }
  }

  /** Sets the filter bar's controls to the filters in force (after `reveal` cleared some). */
  private showFilters(): void {
    this.searchInput.value = this.filters.search;
    this.countrySelect.value = this.filters.country;
    for (const [type, box] of this.typeBoxes) box.checked = this.filters.types.has(type);
  }

  /**
   * Selects an organization named outside the chain's lists (a disclosure's subject); one that is not
   * in the chain drawn cannot be shown, and the status line, focused, says so instead of nothing.
   */
  private show({ id, name }: Party): void {
    const chain = this.chain;
    if (chain === null || organizationsById(chain).has(id)) return this.select(id);
    const filters = queryFilters(this.query).map((f) => `, ${f}`);
    const sharedItsChain = this.viewer.roots.some((r) => r.id === id);
    this.tell(
      `${isolate(name)} is not in the supply chain of ${isolate(chain.root.name)} shown here${filters.join('')}.` +
        (sharedItsChain ? ` It shared its own chain with you: choose ${isolate(name)} under Root.` : ''),
    );
  }

  /** Says `text` in the status line and moves the focus there, where a screen reader reads it. */
  private tell(text: string): void {
    this.status.textContent = text;
    this.status.focus();
  }

  /**
   * Focuses the details' heading. Under the chain (a phone) the panel is a screen or more down, and
   * focus alone would scroll only its heading's line into view, at the bottom: bring up the panel.
   */
  private bringDetailsIntoView(): void {
    const under = !window.matchMedia(PANELS_BESIDE).matches;
    this.details.querySelector<HTMLElement>('#details-heading')?.focus({ preventScroll: under });
    if (under) this.details.scrollIntoView({ block: 'start' });
  }

  /** The chain to export, or null after saying why there is none (an empty one would be a header). */
  private exportable(): SupplyChain | null {
    const empty = this.chain !== null && this.chain.tiers.every((t) => t.organizations.length === 0);
    if (this.chain !== null && !empty) return this.chain;
    this.status.textContent = empty
      ? 'Nothing to export: no supplier is visible from this root.'
      : NOTHING_TO_EXPORT;
    return null;
  }

  private exportCsv(): void {
    const chain = this.exportable();
    if (chain === null) return;
    const csv = chainToCsv(chain, this.columns, this.risks, this.disclosed, this.csvFormat());
    download(
      exportName([chain.root.id], this.query.product, 'csv', this.query.asOf || undefined),
      csvFile(csv),
    );
    this.status.textContent = `Exported ${plural(csv.trimEnd().split('\r\n').length - 1, 'row')} as CSV.`;
  }

  private async exportPng(): Promise<void> {
    const tiers = this.view.querySelector<HTMLElement>('.tiers');
    const chain = this.exportable();
    if (chain === null || tiers === null) return;
    const filters = queryFilters(this.query);
    const viewer = this.viewer.organization.name;
    const title = `Tiersight: supply chain of ${isolate(chain.root.name)} as seen by ${isolate(viewer)}${
      filters.length ? ` (${filters.join(', ')})` : ''
    }`;
    try {
      const png = await tierViewPng(tiers, this.viewInput(), title, pngLegend(tiers, viewer));
      download(exportName([chain.root.id], this.query.product, 'png', this.query.asOf || undefined), png);
      this.status.textContent = 'Exported the view as PNG.';
    } catch (error) {
      this.status.textContent = `PNG export failed: ${errorMessage(error)}`;
    }
  }
}

/** Where the browser keeps the user's "CSV for" choice: her spreadsheet is the same next time. */
const CSV_DIALECT_KEY = 'tiersight.csv-dialect';

/**
 * "CSV for": the dialects on offer, the one the user chose before selected, else the one of
 * `language`'s spreadsheets. Storage a browser refuses (a private window's) only forgets the choice.
 */
function csvDialectPicker(language: string): HTMLSelectElement {
  const select = h(
    'select',
    { id: 'csv-dialect', name: 'csv-dialect' },
    ...CSV_DIALECTS.map((d) => h('option', { value: d.value }, d.label)),
  );
  const kept = remembered(() => localStorage.getItem(CSV_DIALECT_KEY));
  select.value =
    CSV_DIALECTS.some((d) => d.value === kept) && kept !== null ? kept : csvDialectOf(csvFormatFor(language));
  select.addEventListener('change', () =>
    remembered(() => localStorage.setItem(CSV_DIALECT_KEY, select.value)),
  );
  return select;
}

/** What `use` of the browser's storage answers; null when the browser refuses its storage. */
function remembered<T>(use: () => T): T | null {
  try {
    return use();
  } catch {
    return null;
  }
}
