// A disclosure's versions as its owner keeps them (My disclosures' "History"): each version's number,
// when and by whom it was saved, what it changed from the one before in plain words, and its whole
// content folded under it; a withdrawal first, and by whom. Read when first opened, through `disclosuresGiven(id)`:
// `disclosure(id)` shows the owner neither a withdrawn disclosure nor one about a former supplier.
// A version whose texts the owner erased (`redactDisclosureVersion`) says so, by whom, instead of
// quoting empty texts, and an owner's supplier_admin erases another from here.
import { ALL_CAPABILITIES, graphql, type Capabilities } from './api.ts';
import { day, errorMessage, h, moment } from './dom.ts';
import { isolate } from './bidi.ts';
import { confirmed } from './forms.ts';
import { ACTION_STATUS_LABELS, plural, VERIFIED_BY, type CorrectiveAction } from './model.ts';
import { actedBy } from './share-history.ts';

/** One disclosure's history; who erased a version's texts only from a server that erases them. */
export const historyOperation = (can: Pick<Capabilities, 'redactVersions'>): string => `query($id: ID!) {
  disclosuresGiven(id: $id, includeWithdrawn: true) {
    id withdrawnAt withdrawnBy
    history {
      version recordedAt actorUserId title summary issuer standard products issuedAt validUntil
      documentUrl documentSha256 actions { id finding severity action dueAt status verification closedAt }
      ${can.redactVersions ? 'redactedAt redactedBy' : ''}
    }
  }
}`;
export const HISTORY = historyOperation(ALL_CAPABILITIES);
export const REDACT = `mutation($id: ID!, $version: Int!) {
  redactDisclosureVersion(id: $id, version: $version) { id } }`;

type VersionAction = Pick<
  CorrectiveAction,
  'id' | 'finding' | 'severity' | 'action' | 'dueAt' | 'status' | 'verification' | 'closedAt'
>;

/** One version of a disclosure, as `history` answers it. */
export interface DisclosureVersion {
  version: number;
  recordedAt: string;
  /** The user who saved it: always named to its own organization ('tiersight-import' for an import). */
  actorUserId: string | null;
  title: string;
  summary: string | null;
  issuer: string | null;
  standard: string | null;
  products: string[];
  issuedAt: string;
  validUntil: string | null;
  documentUrl: string | null;
  documentSha256: string | null;
  actions: VersionAction[];
  /**
   * When the owner erased its texts (title, findings and actions empty; summary, issuer, standard and
   * document URL null); absent from a server that does not erase them.
   */
  redactedAt?: string | null;
  /** Who erased them, named as `actorUserId` is. */
  redactedBy?: string | null;
}

/** When a disclosure was withdrawn, and by whom when the server names them (as for a version). */
export interface Withdrawal {
  withdrawnAt: string | null;
  /** Null also for a withdrawal recorded before the server kept who withdrew. */
  withdrawnBy: string | null;
}

interface History {
  disclosuresGiven: ({ id: string; history: DisclosureVersion[] } & Withdrawal)[];
}

const quoted = (text: string) => `“${text}”`;

/** Whether `v`'s texts were erased: what they said is unknown, not empty. */
const erased = (v: DisclosureVersion): boolean => (v.redactedAt ?? null) !== null;

/**
 * Whether the owner may erase `v`'s texts: any version of a withdrawn disclosure, an earlier one of a
 * live disclosure (its current version is what readers follow: corrected first, by a revision), once.
 */
export function erasable(
  { withdrawnAt }: Pick<Withdrawal, 'withdrawnAt'>,
  versions: readonly DisclosureVersion[],
  v: DisclosureVersion,
): boolean {
  if (erased(v)) return false;
  return withdrawnAt !== null || versions.some((other) => other.version > v.version);
}

/** "title changed from “A” to “B”", "set to", "removed (was …)"; null when it did not change. */
function changed(what: string, before: string | null, after: string | null): string | null {
  if (before === after) return null;
  if (before === null) return `${what} set to ${after}`;
  if (after === null) return `${what} removed (was ${before})`;
  return `${what} changed from ${before} to ${after}`;
}

const orNull = <T>(value: T | null, show: (v: T) => string): string | null =>
  value === null ? null : show(value);

const statusWords = (a: VersionAction) => ACTION_STATUS_LABELS[a.status];

/** "verified by documents", "verification removed", "verified by a follow-up audit instead of by documents". */
function verificationChange(before: VersionAction, after: VersionAction): string | null {
  const [was, is] = [before.verification ?? null, after.verification ?? null];
  if (was === is) return null;
  if (is === null) return 'verification removed';
  return `verified ${VERIFIED_BY[is]}${was === null ? '' : ` instead of ${VERIFIED_BY[was]}`}`;
}

/**
 * What changed in one action kept from one version to the next, or null when nothing did; with
 * `texts` false (either version erased) its finding and action are not compared, and `named` false
 * (the later one erased) names it by its id alone.
 */
function actionChanges(
  before: VersionAction,
  after: VersionAction,
  texts: boolean,
  named: boolean,
): string | null {
  const parts = [
    texts ? changed('finding', quoted(before.finding), quoted(after.finding)) : null,
    changed('severity', before.severity, after.severity),
    texts ? changed('what will be done', quoted(before.action), quoted(after.action)) : null,
    changed('status', statusWords(before), statusWords(after)),
    changed('due date', day(before.dueAt), day(after.dueAt)),
    changed('closing day', orNull(before.closedAt ?? null, day), orNull(after.closedAt ?? null, day)),
    verificationChange(before, after),
  ].filter((p) => p !== null);
  return parts.length === 0
    ? null
    : `Action ${after.id}${named ? ` (${after.finding})` : ''}: ${parts.join('; ')}`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What `after` changed from `before` (the version just before it), one sentence per field or action,
 * in the words the panel uses; the summary and the document's hash are said to have changed, not
 * quoted (they are in the version's content). When either version's texts were erased, what they
 * said is unknown: only the dates, products, hash, severities and statuses are compared.
 */
export function versionChanges(before: DisclosureVersion, after: DisclosureVersion): string[] {
  const products = (v: DisclosureVersion) => (v.products.length === 0 ? 'all' : v.products.join(', '));
  const texts = !erased(before) && !erased(after);
  const text = (change: () => string | null) => (texts ? change() : null);
  const summary =
    !texts || before.summary === after.summary
      ? null
      : before.summary === null
        ? 'summary added'
        : after.summary === null
          ? 'summary removed'
          : 'summary rewritten';
  const hash =
    before.documentSha256 === after.documentSha256
      ? null
      : `document SHA-256 ${after.documentSha256 === null ? 'removed' : before.documentSha256 === null ? 'added' : 'changed'}`;
  const kept = new Map(before.actions.map((a) => [a.id, a]));
  const now = new Set(after.actions.map((a) => a.id));
  const actions = [
    ...after.actions.map((a) => {
      const was = kept.get(a.id);
      const facts = `(${a.severity}, due ${day(a.dueAt)}, ${statusWords(a)})`;
      if (was !== undefined) return actionChanges(was, a, texts, !erased(after));
      return erased(after)
        ? `Action ${a.id} added ${facts}`
        : `Action ${a.id} added: ${isolate(a.finding)} ${facts}`;
    }),
    ...before.actions
      .filter((a) => !now.has(a.id))
      .map((a) => `Action ${a.id} removed${erased(before) ? '' : `: ${isolate(a.finding)}`}`),
  ];
  const reordered =
    before.actions.length === after.actions.length &&
    before.actions.some((a, i) => a.id !== after.actions[i]!.id) &&
    before.actions.every((a) => now.has(a.id));
  const all = [
    text(() => changed('title', quoted(before.title), quoted(after.title))),
    summary,
    text(() => changed('issuer', orNull(before.issuer, quoted), orNull(after.issuer, quoted))),
    text(() => changed('standard', before.standard, after.standard)),
    changed('products', products(before), products(after)),
    changed('issue date', day(before.issuedAt), day(after.issuedAt)),
    changed('validity end', orNull(before.validUntil, day), orNull(after.validUntil, day)),
    text(() => changed('document URL', before.documentUrl, after.documentUrl)),
    hash,
    ...actions,
    reordered ? 'actions put in another order' : null,
  ].filter((c) => c !== null);
  // A version that changes nothing is never recorded; one whose change this list does not cover is
  // still told apart from an unexplained blank, and so is one that changed only texts since erased.
  if (all.length > 0) return all.map(capitalized);
  if (texts) return ['No change that the panel shows'];
  return [`Only texts changed, and those of version ${(erased(before) ? before : after).version} are erased`];
}

/** One action of a version, as it stood (without its finding and action once they are erased). */
const actionLine = (a: VersionAction, texts: boolean) =>
  h(
    'li',
    { 'data-action-id': a.id },
    `${a.id} · ${a.severity} · ${texts ? `${isolate(a.finding)}: ${isolate(a.action)} · ` : ''}due ${day(a.dueAt)} · ${statusWords(a)}` +
      (a.closedAt ? ` ${day(a.closedAt)}` : '') +
      (a.verification ? `, verified ${VERIFIED_BY[a.verification]}` : ''),
  );

/** A version's whole content, folded; of an erased one, what is left (its other texts are null). */
function contentOf(v: DisclosureVersion): HTMLElement {
  const texts = !erased(v);
  return h(
    'details',
    { class: 'version-content' },
    h('summary', {}, texts ? `What version ${v.version} said` : `What is left of version ${v.version}`),
    texts && h('p', {}, h('strong', {}, v.title)),
    v.summary !== null && h('p', { class: 'version-summary' }, v.summary),
    h(
      'p',
      {},
      [
        v.issuer && `Issued by ${v.issuer}`,
        v.standard && `standard ${v.standard}`,
        `issued ${day(v.issuedAt)}`,
        v.validUntil ? `valid until ${day(v.validUntil)}` : 'no end date',
        v.products.length > 0 ? `products: ${isolate(v.products.join(', '))}` : 'all products',
      ]
        .filter(Boolean)
        .join(' · '),
    ),
    (v.documentUrl !== null || v.documentSha256 !== null) &&
      h(
        'p',
        {},
        [v.documentUrl && `Document ${v.documentUrl}`, v.documentSha256 && `SHA-256 ${v.documentSha256}`]
          .filter(Boolean)
          .join(' · '),
      ),
    v.actions.length > 0 &&
      h(
        'ul',
        { class: 'version-actions' },
        v.actions.map((a) => actionLine(a, texts)),
      ),
  );
}

/**
 * The versions, newest first, with the withdrawal (if any) before them; `eraser`, when given, draws
 * the control that erases a version's texts, under each version that may be erased.
 */
export function historyList(
  { withdrawnAt, withdrawnBy }: Withdrawal,
  versions: readonly DisclosureVersion[],
  eraser?: (v: DisclosureVersion) => HTMLElement,
): HTMLElement {
  return h(
    'ol',
    { class: 'history-versions' },
    withdrawnAt !== null &&
      h(
        'li',
        { class: 'history-withdrawn' },
        `Withdrawn ${moment(withdrawnAt)}${actedBy(withdrawnBy)}: nobody sees it since.`,
      ),
    versions.map((v, i) => {
      const before = versions[i + 1];
      return h(
        'li',
        { class: 'history-version', 'data-version': v.version },
        h(
          'p',
          { class: 'version-line' },
          h('strong', {}, `Version ${v.version}`),
          ` · saved ${moment(v.recordedAt)}${actedBy(v.actorUserId)}`,
        ),
        erased(v) &&
          h(
            'p',
            { class: 'version-erased' },
            `Texts erased on ${day(v.redactedAt)}${actedBy(v.redactedBy ?? null)}.`,
          ),
        h(
          'ul',
          { class: 'version-changes' },
          before === undefined
            ? h('li', {}, 'Published')
            : versionChanges(before, v).map((c) => h('li', {}, c)),
        ),
        contentOf(v),
        eraser !== undefined && erasable({ withdrawnAt }, versions, v) && eraser(v),
      );
    }),
  );
}

/** What "Erase texts of version N…" asks first: what goes, for whom, what stays, and that it is for good. */
const erasureQuestion = (title: string, v: DisclosureVersion) =>
  `Erase the texts of version ${v.version} of “${isolate(title)}”? Its title, summary, issuer, standard, ` +
  `document URL and its actions' findings and what will be done are erased for everyone who may see ` +
  `this disclosure (your organization and those you share it with), also in views of an earlier day. ` +
  `Its dates, products, document hash and its actions' severities, statuses and due dates stay. ` +
  `It cannot be undone.`;

/** What a withdrawn disclosure whose last version's texts were erased is called: it has no title left. */
export const ERASED_TITLE = '(texts erased)';

/**
 * "History" for one of the organization's disclosures: a button, named by the disclosure, that opens
 * (and closes) its history below, read from the server the first time it opens, and again after a
 * failure. With `erase` (My disclosures is a supplier_admin's alone, and the server erases texts),
 * each version that may be erased has "Erase texts of version N…", which asks first, then reads the
 * history again and says what it did in the region's own status line, where the focus goes: the
 * button pressed is gone with the version it erased. Once the newest version's texts are erased (a
 * withdrawn disclosure's), the title is gone too: the button and region are named anew, and
 * `titleErased` lets the list that shows the title drop it, without drawing the panel again (which
 * would close this history and lose the focus).
 */
export function historyToggle(
  d: { id: string; title: string },
  token: string,
  can: Pick<Capabilities, 'redactVersions'> & { erase: boolean; titleErased?: () => void },
): { opener: HTMLButtonElement; region: HTMLElement } {
  let title = d.title;
  const named = () => `History of “${isolate(title)}”`;
  const region = h('div', {
    class: 'disclosure-history',
    id: `history-${d.id}`,
    role: 'region',
    'aria-label': named(),
    hidden: true,
  });
  const opener = h(
    'button',
    {
      type: 'button',
      class: 'disclosure-history-open',
      'aria-expanded': 'false',
      'aria-controls': region.id,
      'aria-label': named(),
    },
    'History',
  );
  // In the region from the start, as a live region must be to be read out when its text changes.
  const news = h('div', { class: 'history-news', role: 'status', tabindex: -1 });
  const body = h('div', { class: 'history-body' });
  region.append(news, body);
  const query = historyOperation(can);
  let loaded = false;
  let loading = false;
  const load = async () => {
    loading = true;
    body.replaceChildren(h('p', { class: 'muted', role: 'status' }, 'Loading the history…'));
    try {
      const [found] = (await graphql<History>(query, { id: d.id }, token)).disclosuresGiven;
      // Gone between the list and this read only if merged away or the server lost it: said, not blank.
      if (found === undefined) throw new Error('This disclosure is no longer among yours; reload the page.');
      loaded = true;
      body.replaceChildren(
        h('p', { class: 'muted' }, `${plural(found.history.length, 'version')}, newest first.`),
        historyList(found, found.history, can.erase && can.redactVersions ? eraser : undefined),
      );
      const newest = found.history[0];
      if (newest !== undefined && erased(newest) && title !== ERASED_TITLE) {
        title = ERASED_TITLE;
        region.setAttribute('aria-label', named());
        opener.setAttribute('aria-label', named());
        can.titleErased?.();
      }
    } catch (error) {
      body.replaceChildren(
        h('p', { role: 'alert', class: 'error' }, `Could not load the history: ${errorMessage(error)}`),
      );
    } finally {
      loading = false;
    }
  };
  const eraser = (v: DisclosureVersion): HTMLElement => {
    const alert = h('p', { role: 'alert', class: 'error' });
    const button = h(
      'button',
      {
        type: 'button',
        class: 'erase-version',
        'aria-label': `Erase texts of version ${v.version} of “${isolate(title)}”…`,
      },
      `Erase texts of version ${v.version}…`,
    );
    button.addEventListener('click', () => {
      news.textContent = '';
      void confirmed(
        erasureQuestion(title, v),
        button,
        async () => {
          await graphql(REDACT, { id: d.id, version: v.version }, token);
          await load();
          news.textContent = `Erased the texts of version ${v.version}: everyone who may see this disclosure now sees them erased.`;
          news.focus();
        },
        alert,
      );
    });
    return h('div', { class: 'version-erase' }, button, alert);
  };
  opener.addEventListener('click', () => {
    region.hidden = !region.hidden;
    opener.setAttribute('aria-expanded', String(!region.hidden));
    if (!region.hidden && !loaded && !loading) void load();
  });
  return { opener, region };
}
