// Working-condition evidence on the dashboard (contract v1.2, sections 8 and 9): disclosures as cards,
// what disclosures say kept apart from public risk (its own colour, "disclosed by <owner>" against
// "public"), the evidence panel (what was shared with the viewer, the inbox of access requests with
// one-click answers for a supplier_admin, the reminders a requester sent, the outbox with "Send a
// reminder…" on an overdue request, "Erase our texts…" on a closed request), and "Request access" on a
// blind spot.
import { actionKey } from './action-key.ts';
import type { Answer, Capabilities, Evidence, OwnDisclosure, OwnLink } from './api.ts';
import { append, day, h, moment } from './dom.ts';
import { isolate } from './bidi.ts';
import { action, choiceSet, confirmed, dayAfter, field, inlineForm, tomorrow } from './forms.ts';
import { grantedAccess } from './granted-access.ts';
import {
  ACCESS_SCOPE_LABELS,
  ACCESS_SCOPES,
  ACTION_STATUS_LABELS,
  DISCLOSURE_KIND_LABELS,
  extensionLimit,
  highestSeverity,
  lastReminderNote,
  mayRemind,
  plural,
  productList,
  severityRank,
  type AccessRequest,
  type AccessScope,
  type BlindSpot,
  type CorrectiveAction,
  type DisclosedIndicator,
  type DisclosedIndicatorKind,
  type Disclosure,
  type Party,
  type RequestParty,
  textsErasedAt,
  yourScope,
} from './model.ts';

export type DisclosuresState =
  | { kind: 'unavailable' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  /** `asOf`: the As of day they were asked for (`YYYY-MM-DD`), empty for now. */
  | { kind: 'loaded'; disclosures: Disclosure[]; asOf: string };

export type EvidenceState =
  | { kind: 'unavailable'; message: string }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  /**
   * `asOf`: the As of day `evidence.received` was asked for, empty for now; `requestsAsOf`: the
   * requests were asked for as they stood that day too (else they are today's).
   */
  | { kind: 'loaded'; evidence: Evidence; asOf: string; requestsAsOf: boolean };

interface EvidenceHandlers {
  /** Shows a disclosure's subject in the chain (or says why it cannot). */
  show(organization: Party): void;
  /** `idempotencyKey`: one per request's answer controls drawn, the same for each of their submits. */
  answer(request: AccessRequest, answer: Answer, idempotencyKey: string): Promise<void>;
  withdraw(request: AccessRequest): Promise<void>;
  /**
   * Erases the texts the viewer's organization wrote on closed request `request` as `party` (asked
   * first); absent where the dashboard offers no erasure.
   */
  erase?(request: AccessRequest, party: RequestParty): Promise<void>;
  /**
   * Reminds the target of overdue request `request` the viewer's organization sent, with an optional
   * note; `idempotencyKey` is one per reminder form drawn. Absent where the dashboard offers none.
   */
  remind?(request: AccessRequest, message: string, idempotencyKey: string): Promise<void>;
}

export interface RequestAccessHandler {
  /** `idempotencyKey`: one per form drawn, the same for each of its submits (web/src/action-key.ts). */
  /** `products`: only these (what the supplier is asked about); empty for all. */
  requestAccess(
    organizationId: string,
    scope: AccessScope,
    products: readonly string[],
    message: string,
    idempotencyKey: string,
  ): Promise<void>;
}

/** Marks what an organization told the viewer, as against what public sources say. */
const disclosedTag = (owner: Party): HTMLElement =>
  h('span', { class: 'tag tag-disclosed' }, `disclosed by ${isolate(owner.name)}`);

export const publicTag = (): HTMLElement => h('span', { class: 'tag tag-public' }, 'public');

const overdueBadge = () => h('span', { class: 'badge badge-overdue' }, 'overdue');
const remindedBadge = () => h('span', { class: 'badge badge-reminded' }, 'reminded');
export const expiredBadge = () => h('span', { class: 'badge badge-expired' }, 'expired');
const severityBadge = (severity: string) => h('span', { class: `badge sev-${severity}` }, severity);

/**
 * The day something happened (issued, closed), marked when it lies after the As of day viewed: the
 * version recorded by then may already state it (a plan recorded in March that names a closing in
 * November), and the page must not read as if it had happened by then.
 */
function happened(iso: string, asOf: string): (string | HTMLElement)[] {
  const date = day(iso);
  if (asOf === '' || date <= asOf) return [date];
  return [
    date,
    ' ',
    h('span', { class: 'badge badge-after-as-of', title: `after the As of day, ${asOf}` }, 'after As of'),
  ];
}

/** " (moved from <day>)" beside a due date the owner has moved since it was first given. */
function movedFrom(a: Pick<CorrectiveAction, 'dueAt' | 'firstDueAt'>): HTMLElement | null {
  if (a.firstDueAt === undefined || day(a.firstDueAt) === day(a.dueAt)) return null;
  return h('span', { class: 'action-moved' }, ` (moved from ${day(a.firstDueAt)})`);
}

export function actionItem(a: CorrectiveAction, asOf: string): HTMLElement {
  return h(
    'li',
    { class: `action${a.overdue ? ' is-overdue' : ''}`, 'data-action-id': a.id, 'data-status': a.status },
    h(
      'p',
      { class: 'action-head' },
      severityBadge(a.severity),
      ' ',
      h('span', { class: `badge status-${a.status}` }, ACTION_STATUS_LABELS[a.status]),
      a.overdue && ' ',
      a.overdue && overdueBadge(),
      ' ',
      h('span', { class: 'action-finding' }, a.finding),
    ),
    h('p', { class: 'action-what' }, a.action),
    h(
      'p',
      { class: 'action-dates' },
      `Due ${day(a.dueAt)}`,
      movedFrom(a),
      a.closedAt && [' · closed ', ...happened(a.closedAt, asOf)],
      a.verification && ` · verified by ${a.verification === 'DESKTOP' ? 'documents' : 'a follow-up audit'}`,
    ),
  );
}

/**
 * A disclosure's title, or, shown as of a day whose version its owner has since erased, when that was:
 * its texts are gone for everyone (the findings and actions too), not empty.
 */
const titleOf = (d: Disclosure): string =>
  (d.redactedAt ?? null) === null ? d.title : `(texts erased on ${day(d.redactedAt)})`;

function documentLine(d: Disclosure): HTMLElement | null {
  if (!d.documentUrl && !d.documentSha256) return null;
  const safe = d.documentUrl && /^https?:\/\//.test(d.documentUrl);
  return h(
    'p',
    { class: 'disclosure-document' },
    safe
      ? h('a', { href: d.documentUrl!, target: '_blank', rel: 'noopener noreferrer' }, 'Document')
      : 'Document',
    d.documentSha256 && ' · SHA-256 ',
    d.documentSha256 && h('code', { class: 'sha256' }, d.documentSha256),
  );
}

/**
 * One disclosure as the viewer may see it: what, by whom, about whom, how valid, its actions; as of
 * `asOf` (a day, empty for now), which marks the days after it.
 */
function disclosureCard(d: Disclosure, asOf: string): HTMLElement {
  const overdue = d.actions.filter((a) => a.overdue).length;
  const fact = (term: string, value: (Node | string)[] | string | null | undefined | false) =>
    value ? [h('dt', {}, term), h('dd', {}, value)] : [];
  return h(
    'article',
    {
      class: `disclosure${d.expired ? ' is-expired' : ''}`,
      'data-disclosure-id': d.id,
      'data-kind': d.kind,
    },
    h(
      'p',
      { class: 'disclosure-kind' },
      h('span', { class: 'kind-label' }, DISCLOSURE_KIND_LABELS[d.kind]),
      ' ',
      disclosedTag(d.owner),
      d.expired && ' ',
      d.expired && expiredBadge(),
      overdue > 0 && ' ',
      overdue > 0 && h('span', { class: 'badge badge-overdue' }, `${plural(overdue, 'action')} overdue`),
    ),
    h('h4', { class: 'disclosure-title' }, titleOf(d)),
    d.summary && h('p', { class: 'disclosure-summary' }, d.summary),
    h(
      'dl',
      { class: 'facts disclosure-facts' },
      fact('Issuer', d.issuer),
      fact('Standard', d.standard),
      fact('Issued', happened(d.issuedAt, asOf)),
      fact(
        'Valid until',
        d.validUntil ? `${day(d.validUntil)}${d.expired ? ' (expired)' : ''}` : 'no end date',
      ),
      fact('Products', d.products.length > 0 ? d.products.join(', ') : 'all'),
      fact('Version', `${d.version}, recorded ${day(d.updatedAt)}`),
    ),
    d.actions.length > 0 &&
      h(
        'ol',
        { class: 'actions', 'aria-label': `Actions of ${isolate(titleOf(d))}` },
        d.actions.map((a) => actionItem(a, asOf)),
      ),
    documentLine(d),
  );
}

/** The "Disclosures" part of the details panel. */
export function disclosuresSection(state: DisclosuresState, name: string): (HTMLElement | false)[] {
  if (state.kind === 'unavailable') return [];
  const body =
    state.kind === 'loading'
      ? h('p', { class: 'muted' }, 'Loading…')
      : state.kind === 'failed'
        ? h('p', { role: 'alert', class: 'error' }, `Could not load the disclosures: ${state.message}`)
        : state.disclosures.length === 0
          ? h(
              'p',
              { class: 'muted no-disclosures' },
              `No disclosure about ${isolate(name)} is shared with you.`,
            )
          : h(
              'div',
              { class: 'disclosures' },
              state.disclosures.map((d) => disclosureCard(d, state.asOf)),
            );
  return [
    h(
      'h3',
      { class: 'disclosed-heading' },
      'Disclosures ',
      h('span', { class: 'muted' }, '(evidence shared with you)'),
    ),
    body,
  ];
}

const DISCLOSED_KIND_LABELS: Record<DisclosedIndicatorKind, string> = {
  OPEN_ACTION: 'open action',
  OVERDUE_ACTION: 'overdue action',
  EXPIRED_EVIDENCE: 'expired evidence',
};

/** What visible disclosures say about an organization, each naming the disclosure it comes from. */
export function disclosedIndicatorList(indicators: readonly DisclosedIndicator[]): HTMLElement {
  const sorted = [...indicators].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  return h(
    'ul',
    { class: 'disclosed-indicators' },
    sorted.map((i) =>
      h(
        'li',
        { class: `disclosed-indicator kind-${i.kind}`, 'data-disclosure-id': i.disclosure.id },
        severityBadge(i.severity),
        ' ',
        h('span', { class: 'risk-kind' }, DISCLOSED_KIND_LABELS[i.kind]),
        ' ',
        disclosedTag(i.disclosure.owner),
        h('p', { class: 'risk-description' }, i.description),
        h(
          'p',
          { class: 'risk-source' },
          `${DISCLOSURE_KIND_LABELS[i.disclosure.kind]}: `,
          h('cite', {}, i.disclosure.title),
          i.action && ` · action ${i.action.id}, due ${day(i.action.dueAt)}`,
          i.action && movedFrom(i.action),
        ),
      ),
    ),
  );
}

/** The tier-card marker for disclosed indicators, in the disclosed colour, beside the public badge. */
export function disclosedBadge(indicators: readonly DisclosedIndicator[] | undefined): HTMLElement | null {
  const severity = highestSeverity(indicators);
  if (severity === null || indicators === undefined) return null;
  const owners = [...new Set(indicators.map((i) => i.disclosure.owner.name))].join(', ');
  return h(
    'span',
    { class: 'badge badge-disclosed', title: `Disclosed by ${owners}` },
    h('span', { 'aria-hidden': 'true' }, `◆ ${severity}`),
    h('span', { class: 'visually-hidden' }, ` disclosed: ${plural(indicators.length, 'indicator')}`),
  );
}

// --- Access requests --------------------------------------------------------------------------------

const statusBadge = (r: Pick<AccessRequest, 'status'>) =>
  h('span', { class: `badge request-status status-${r.status}` }, r.status.toLowerCase());

/**
 * The earliest new due day of an extension: the server wants one after the current due date, and a
 * day already past would extend nothing (an overdue request's due date is).
 */
export const earliestExtension = (r: Pick<AccessRequest, 'dueAt'>): string => {
  const [next, first] = [dayAfter(r.dueAt), tomorrow()];
  return next > first ? next : first;
};

/** What the viewer owns that a grant may narrow to: its disclosures and its links. */
export interface Own {
  given: readonly OwnDisclosure[];
  links: readonly OwnLink[];
}

/** "all …, now and later", or the items picked, by their labels. */
const scopeOf = <T extends { id: string }>(
  ids: readonly string[] | null | undefined,
  all: string,
  items: readonly T[],
  label: (item: T) => string,
): string =>
  ids == null
    ? `${all}, now and later`
    : `only ${items
        .filter((i) => ids.includes(i.id))
        .map(label)
        .join(', ')}`;

const linkLabel = (l: OwnLink) =>
  `your link with ${isolate(l.supplier.name)}${l.products.length > 0 ? ` (${isolate(l.products.join(', '))})` : ''}`;

/**
 * Whether a link supplies any of the products a request names, compared exactly as the server compares
 * them: a grant without picked links shares exactly these when the request names products.
 */
const suppliesAsked = (link: OwnLink, r: AccessRequest) => link.products.some((p) => r.products.includes(p));

/** What a grant shares of the viewer's sourcing when no links are picked: all, or those carrying the products asked. */
function unpickedLinks(r: AccessRequest, own: Own): string {
  if (r.products.length === 0) return 'all your sourcing links, now and later';
  const carrying = own.links.filter((l) => suppliesAsked(l, r));
  const which = carrying.length === 1 ? 'the sourcing link' : `the ${carrying.length} sourcing links`;
  return `${which} carrying ${isolate(r.products.join(', '))}, as asked (${carrying.map(linkLabel).join(', ')}; not links you declare later)`;
}

/**
 * Why the server would refuse a grant without picked links, or null: the request names products and no
 * link of the viewer's carries any of them (it shares neither all links nor none).
 */
function unpickedRefusal(
  r: AccessRequest,
  answer: Answer,
  own: Own,
  where: 'grant' | 'limits' = 'grant',
): string | null {
  if (granted(r, answer) === 'DISCLOSURES' || answer.linkIds != null || r.products.length === 0) return null;
  if (own.links.some((l) => suppliesAsked(l, r))) return null;
  const none = `None of your sourcing links carries ${isolate(r.products.join(', '))}, which ${isolate(r.requester.name)} asked about.`;
  // In Grant with limits… itself, pointing to Grant with limits… would send the user in a circle.
  if (where === 'limits')
    return `${none} Tick the links to share under “Only these:”${r.scope === 'BOTH' ? ', choose “Disclosures only”' : ''}, or Decline….`;
  const alone = r.scope === 'BOTH' ? ', or your disclosures alone' : '';
  return `${none} Use Grant with limits… to pick the links to share${alone}, or Decline….`;
}

/** Whether the request names products that none of the viewer's links carries (a grant "as asked" would be refused). */
const carriesNoneAsked = (r: AccessRequest, own: Own) =>
  r.products.length > 0 && !own.links.some((l) => suppliesAsked(l, r));

/** What a grant gives: the request's scope, or the one of BOTH's two the target chose. */
const granted = (r: AccessRequest, answer: Answer): AccessScope => answer.grantScope ?? r.scope;

/** Names a grant's scope exactly: what the requester will see, for how long. */
function grantSummary(r: AccessRequest, answer: Answer, own: Own): string {
  const parts: string[] = [];
  const scope = granted(r, answer);
  if (scope !== 'DISCLOSURES')
    parts.push(
      answer.linkIds == null
        ? unpickedLinks(r, own)
        : scopeOf(answer.linkIds, 'all your sourcing links', own.links, linkLabel),
    );
  if (scope !== 'SOURCING')
    parts.push(
      scopeOf(answer.disclosureIds, 'all your disclosures', own.given, (d) => `“${isolate(d.title)}”`),
    );
  const until = answer.expiresAt ? `until ${answer.expiresAt} (00:00 UTC)` : 'with no end date';
  const requester = isolate(r.requester.name);
  // Rule 8: a disclosure about a supplier shows only to a recipient that may look that supplier up, as
  // My disclosures says of its own shares ("wherever it may see their subject"). All, now and later,
  // may come to hold one; the ones picked only when one of them is about another organization.
  const aboutOthers =
    answer.disclosureIds == null ||
    own.given.some((d) => answer.disclosureIds?.includes(d.id) && d.subject?.id !== r.target.id);
  const subjects =
    scope !== 'SOURCING' && aboutOthers
      ? ' It sees a disclosure about one of your suppliers only while that supplier is in its chains.'
      : '';
  return `${requester} will see ${parts.join(', and ')}, ${until}.${subjects} You can revoke it under My suppliers.`;
}

/** The handlers of one request's answer controls, whose key is chosen (answerControls). */
type KeyedHandlers = Omit<EvidenceHandlers, 'answer'> & {
  answer(request: AccessRequest, answer: Answer): Promise<void>;
};

/** Withdraws `r` once the user confirms it: the target can no longer answer it, and it cannot be undone. */
async function confirmWithdrawal(r: AccessRequest, handlers: EvidenceHandlers): Promise<void> {
  const due = `${r.overdue ? 'overdue since' : 'due'} ${day(r.dueAt)}`;
  if (
    window.confirm(
      `Withdraw your request to ${isolate(r.target.name)} (sent ${day(r.sentAt)}, ${due})? ${isolate(r.target.name)} can no longer answer it.`,
    )
  )
    await handlers.withdraw(r);
}

/** Answers with a grant once the user, told exactly what it shares, confirms it. */
async function confirmGrant(
  r: AccessRequest,
  answer: Answer,
  own: Own,
  handlers: KeyedHandlers,
  where: 'grant' | 'limits' = 'grant',
): Promise<void> {
  const refusal = unpickedRefusal(r, answer, own, where);
  // The form shows its own errors beside it (role="alert"); the one-click Grant… has no form.
  if (refusal !== null && where === 'limits') throw new Error(refusal);
  if (refusal !== null) window.alert(refusal);
  else if (window.confirm(`${grantSummary(r, answer, own)}\n\nGrant this request?`))
    await handlers.answer(r, answer);
}

/**
 * "Grant with limits…": which of the viewer's links a grant of sourcing shares (those supplying the
 * products asked for are ticked at first), which disclosures a grant of disclosures shares (all, now and
 * later, or the ones ticked), and the day the created share(s) end. The one-click Grant grants what was
 * asked: the links that carry the products asked (all, now and later, when it names none), all disclosures.
 */
function grantForm(
  r: AccessRequest,
  own: Own,
  handlers: KeyedHandlers,
): { opener: HTMLButtonElement; form: HTMLFormElement } {
  const links =
    r.scope === 'DISCLOSURES'
      ? null
      : choiceSet(
          'links',
          r.id,
          'Sourcing links to share',
          own.links.map((l) => ({
            id: l.id,
            label: `${isolate(l.supplier.name)}: ${isolate(l.products.join(', ')) || 'products not stated'}`,
            checked: suppliesAsked(l, r),
          })),
          'You have declared no supplier yet.',
          'Tick the links to share, or choose all.',
          // Picking none grants what the request names: the links that carry its products.
          r.products.length > 0
            ? `Those that carry ${isolate(r.products.join(', '))}, as asked${carriesNoneAsked(r, own) ? ' (none of your links does)' : ''}`
            : undefined,
        );
  const disclosures =
    r.scope === 'SOURCING'
      ? null
      : choiceSet(
          'disclosures',
          r.id,
          'Disclosures to share',
          own.given.map((d) => ({
            id: d.id,
            label: `${DISCLOSURE_KIND_LABELS[d.kind]}: ${isolate(d.title)}`,
            checked: false,
          })),
          'You have published no disclosure yet.',
          'Tick the disclosures to share, or choose all.',
        );
  const expires = h('input', { id: `grant-expires-${r.id}`, type: 'date', min: tomorrow() });
  const scope = r.scope === 'BOTH' ? scopeChoice(r.id, links, disclosures) : null;
  return inlineForm(
    'grant-form',
    'Grant with limits…',
    [
      ...(scope === null ? [] : [scope.fieldset]),
      ...[links, disclosures].flatMap((c) => (c === null ? [] : [c.fieldset])),
      field(expires.id, 'Access ends on (optional; at 00:00 UTC that day)', expires),
    ],
    'Grant',
    async () => {
      const chosen = scope?.chosen() ?? r.scope;
      const answer: Answer = {
        decision: 'GRANT',
        ...(links && chosen !== 'DISCLOSURES' && { linkIds: links.picked() }),
        ...(disclosures && chosen !== 'SOURCING' && { disclosureIds: disclosures.picked() }),
        expiresAt: expires.value === '' ? null : expires.value,
        ...(chosen !== r.scope && { grantScope: chosen }),
      };
      await confirmGrant(r, answer, own, handlers, 'limits');
    },
  );
}

/**
 * Of a BOTH request, what to grant: both, as asked, or one of the two (a narrower grant, which closes
 * the request). The choice not taken hides its fieldset, so the form shows only what will be shared.
 */
function scopeChoice(
  requestId: string,
  ...choices: readonly ({ fieldset: HTMLFieldSetElement } | null)[]
): { fieldset: HTMLFieldSetElement; chosen(): AccessScope } {
  const [links, disclosures] = choices;
  const name = `grant-scope-${requestId}`;
  const options: [AccessScope, string][] = [
    ['BOTH', 'Sourcing links and disclosures, as asked'],
    ['SOURCING', 'Sourcing links only'],
    ['DISCLOSURES', 'Disclosures only'],
  ];
  const radios = options.map(([value]) =>
    h('input', { type: 'radio', name, value, id: `${name}-${value}`, checked: value === 'BOTH' }),
  );
  const chosen = (): AccessScope =>
    ACCESS_SCOPES.find((s) => radios.some((r) => r.checked && r.value === s)) ?? 'BOTH';
  const show = () => {
    if (links) links.fieldset.hidden = chosen() === 'DISCLOSURES';
    if (disclosures) disclosures.fieldset.hidden = chosen() === 'SOURCING';
  };
  for (const radio of radios) radio.addEventListener('change', show);
  const fieldset = h(
    'fieldset',
    { class: 'grant-scope' },
    h('legend', {}, 'What to share'),
    options.map(([, label], i) =>
      h('div', { class: 'choice' }, radios[i]!, ' ', h('label', { for: radios[i]!.id }, label)),
    ),
  );
  return { fieldset, chosen };
}

function answerControls(
  r: AccessRequest,
  own: Own,
  drawn: EvidenceHandlers,
  alert: HTMLElement,
): HTMLElement {
  // One answer per controls drawn: a double-click or a second try after a lost answer grants once.
  const key = actionKey();
  const handlers: KeyedHandlers = {
    ...drawn,
    answer: (request, answer) => drawn.answer(request, answer, key),
  };
  const grant = grantForm(r, own, handlers);
  const declineReason = h('textarea', { id: `decline-reason-${r.id}`, rows: 2, required: true });
  const decline = inlineForm(
    'decline-form',
    'Decline…',
    [field(declineReason.id, 'Why you decline (the requester sees it)', declineReason)],
    'Decline request',
    () => handlers.answer(r, { decision: 'DECLINE', reason: declineReason.value.trim() }),
  );
  const dueInput = h('input', {
    id: `extend-due-${r.id}`,
    type: 'date',
    required: true,
    min: earliestExtension(r),
    max: extensionLimit(r),
  });
  const extendReason = h('textarea', { id: `extend-reason-${r.id}`, rows: 2, required: true });
  const extend = inlineForm(
    'extend-form',
    'Extend…',
    [
      field(dueInput.id, `New due date (at most ${extensionLimit(r)})`, dueInput),
      field(extendReason.id, 'Why you need longer (the requester sees it)', extendReason),
    ],
    'Extend',
    () =>
      handlers.answer(r, { decision: 'EXTEND', dueAt: dueInput.value, reason: extendReason.value.trim() }),
  );
  // Two requests' "Grant…" buttons cannot be told apart in a list of buttons: each names its requester.
  const whose = `${isolate(r.requester.name)}'s request`;
  grant.opener.setAttribute('aria-label', `Grant with limits: ${whose}…`);
  decline.opener.setAttribute('aria-label', `Decline ${whose}…`);
  extend.opener.setAttribute('aria-label', `Extend ${whose}…`);
  return h(
    'div',
    { class: 'answer' },
    h(
      'div',
      { class: 'answer-buttons' },
      action('Grant…', () => confirmGrant(r, { decision: 'GRANT' }, own, handlers), alert, {
        class: 'grant',
        'aria-label': `Grant ${whose}…`,
      }),
      grant.opener,
      decline.opener,
      // One extension per request: once used, the server refuses another.
      !r.extended && extend.opener,
    ),
    grant.form,
    decline.form,
    !r.extended && extend.form,
  );
}

/** How the lists of requests are shown: whether the viewer answers, and what it may grant. */
interface Answering {
  canAnswer: boolean;
  own: Own;
  /** The requests are shown as they stood on a past day: nothing to answer or withdraw there. */
  past: boolean;
  /** The viewer may erase its organization's texts on a closed request (a supplier_admin, a server that erases). */
  canErase: boolean;
}

/** What each party wrote on a request, as the dashboard names it. */
const WRITTEN: Record<RequestParty, string> = { requester: 'message', target: 'reasons' };

/**
 * Where an erased text was: which party erased it and when ("you" for the viewer's own organization),
 * so that a message or a reason does not silently vanish.
 */
function erasedText(r: AccessRequest, party: RequestParty, own: RequestParty): HTMLElement | null {
  const at = textsErasedAt(r, party);
  if (at === null) return null;
  const by = party === own ? 'you' : isolate(r[party].name);
  return h(
    'p',
    { class: `request-erased request-${party}-erased` },
    `(${WRITTEN[party]} erased by ${by} on ${day(at)})`,
  );
}

/**
 * Whether the viewer's organization wrote something on `r` as `party` that is still there to erase:
 * the requester its message, the target its reason, or a note on one of its events (a grant's note; a
 * request withdrawn before any answer has none of the target's). The server erases nothing else, and
 * records no erasure of nothing.
 */
function wroteOn(r: AccessRequest, party: RequestParty): boolean {
  if (textsErasedAt(r, party) !== null) return false;
  const own = party === 'requester' ? r.message : r.reason;
  const id = r[party].id;
  return (own ?? null) !== null || (r.events ?? []).some((e) => e.actorOrganization.id === id && e.note);
}

/** "the request to Atea AS" / "Oslo kommune's request", as the viewer's organization calls it. */
const requestNamed = (r: AccessRequest, party: RequestParty) =>
  party === 'requester'
    ? `the request to ${isolate(r.target.name)}`
    : `${isolate(r.requester.name)}'s request`;

/** What "Erase our texts…" asks first: what goes, for whom, what stays, and that it is for good. */
export function erasureQuestion(r: AccessRequest, party: RequestParty): string {
  const other = isolate((party === 'requester' ? r.target : r.requester).name);
  const when = `sent ${day(r.sentAt)}, ${r.status.toLowerCase()} ${day(r.closedAt)}`;
  const what =
    party === 'requester'
      ? 'Your message (the note sent with the request) is erased'
      : 'Your reasons (for declining or extending it, and any note with your answer) are erased';
  return (
    `Erase your organization's ${WRITTEN[party]} on ${requestNamed(r, party)} (${when})? ${what} for both ` +
    `your organization and ${other}, at every date, also in views of an earlier day. What was asked, the ` +
    `dates, the status and any shares stay, and so does a record that you erased ${party === 'requester' ? 'it' : 'them'} and when. ` +
    `It cannot be undone.`
  );
}

/** "Erase our texts…" on a closed request whose texts of the viewer's organization are still there. */
function eraseButton(
  r: AccessRequest,
  party: RequestParty,
  erase: (request: AccessRequest, party: RequestParty) => Promise<void>,
  alert: HTMLElement,
): HTMLButtonElement {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'erase-request',
      // Two closed requests to one organization are common (one declined, another sent later): the
      // days sent and closed tell their buttons apart.
      'aria-label': `Erase our texts on ${requestNamed(r, party)}, sent ${day(r.sentAt)}, ${r.status.toLowerCase()} ${day(r.closedAt)}…`,
    },
    'Erase our texts…',
  );
  button.addEventListener('click', () => {
    void confirmed(erasureQuestion(r, party), button, () => erase(r, party), alert);
  });
  return button;
}

/** "once", "twice", "3 times": how often a request was reminded. */
const times = (n: number): string => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/**
 * Who reminded whom of `r`, how often and when last, with the last reminder's note: in the inbox so
 * that the supplier sees the buyer is waiting, in the outbox so that the buyer sees what it sent.
 */
function reminders(r: AccessRequest, box: 'inbox' | 'outbox'): HTMLElement[] {
  const count = r.reminderCount ?? 0;
  if (count === 0 || !r.lastRemindedAt) return [];
  const last = `last on ${moment(r.lastRemindedAt)}`;
  const note = lastReminderNote(r);
  return [
    h(
      'p',
      { class: 'request-reminders' },
      box === 'inbox'
        ? `${isolate(r.requester.name)} reminded you ${times(count)}, ${last}.`
        : `You reminded ${isolate(r.target.name)} ${times(count)}, ${last}.`,
    ),
    ...(note ? [h('blockquote', { class: 'request-message request-reminder-note' }, note)] : []),
  ];
}

/**
 * On an open request of the outbox: "Send a reminder…" with an optional note once it is overdue and
 * its next reminder is due; the day the next one is possible when the last was sent less than a day
 * ago. Nothing before the due date (the target is still within its time) or from a server without
 * reminders.
 */
function reminderControls(r: AccessRequest, handlers: EvidenceHandlers): HTMLElement | null {
  const remind = handlers.remind;
  if (remind === undefined || !r.nextReminderAt || !r.overdue) return null;
  const target = isolate(r.target.name);
  if (!mayRemind(r))
    return h(
      'p',
      { class: 'muted request-next-reminder' },
      `One reminder a day: the next can be sent from ${moment(r.nextReminderAt)}.`,
    );
  // One reminder per form drawn: a double-click or a retry after a lost answer reminds once.
  const key = actionKey();
  const message = h('textarea', { id: `remind-message-${r.id}`, rows: 2, maxlength: 2000 });
  const form = inlineForm(
    'remind-form',
    'Send a reminder…',
    [field(message.id, `Message to ${target} (optional)`, message)],
    'Send reminder',
    () => remind(r, message.value, key),
  );
  form.opener.classList.add('remind');
  // Two overdue requests' buttons cannot be told apart in a list of buttons: each names its target and day.
  form.opener.setAttribute(
    'aria-label',
    `Send a reminder to ${target} of the request sent ${day(r.sentAt)}…`,
  );
  return h('div', { class: 'remind-box' }, form.opener, form.form);
}

function requestItem(
  r: AccessRequest,
  box: 'inbox' | 'outbox',
  { canAnswer, own, past, canErase }: Answering,
  handlers: EvidenceHandlers,
): HTMLElement {
  const alert = h('p', { role: 'alert', class: 'error request-alert' });
  const open = r.status === 'OPEN' && !past;
  const counterpart = box === 'inbox' ? r.requester : r.target;
  const party: RequestParty = box === 'inbox' ? 'target' : 'requester';
  const erase = handlers.erase;
  const erasable = canErase && erase !== undefined && !past && r.status !== 'OPEN' && wroteOn(r, party);
  const access = r.status === 'GRANTED' ? grantedAccess(r.scope, r.shares) : null;
  // An overdue request the requester reminded the supplier of: the buyer is waiting.
  const reminded = r.overdue && (r.reminderCount ?? 0) > 0;
  return h(
    'li',
    {
      class: `access-request${r.overdue ? ' is-overdue' : ''}${reminded ? ' is-reminded' : ''}`,
      'data-request-id': r.id,
      'data-status': r.status,
      'data-reminders': r.reminderCount ?? null,
      // Where a top action finds the request it asks to follow up (requestCardTo).
      'data-target-id': box === 'outbox' ? r.target.id : null,
    },
    h(
      'p',
      { class: 'request-head' },
      box === 'inbox'
        ? [h('strong', {}, counterpart.name), ` asks you to share ${yourScope(r.scope)}`]
        : ['You asked ', h('strong', {}, counterpart.name), ` to share ${ACCESS_SCOPE_LABELS[r.scope]}`],
      ' ',
      statusBadge(r),
      r.overdue && ' ',
      r.overdue && overdueBadge(),
      reminded && ' ',
      reminded && remindedBadge(),
    ),
    h(
      'p',
      { class: 'request-dates' },
      `Sent ${day(r.sentAt)} · `,
      h('span', { class: 'request-due' }, `due ${day(r.dueAt)}`),
      r.closedAt && ` · ${r.status.toLowerCase()} ${day(r.closedAt)}`,
    ),
    access !== null && h('p', { class: 'request-access' }, access),
    r.products.length > 0 &&
      h('p', { class: 'request-products' }, `Products: ${isolate(r.products.join(', '))}`),
    r.message ? h('blockquote', { class: 'request-message' }, r.message) : erasedText(r, 'requester', party),
    reminders(r, box),
    // The reason of the last decline or extension: which one, said, so that it is not read as the
    // reason for a later grant.
    r.reason
      ? h(
          'p',
          { class: 'request-reason' },
          `${r.status === 'DECLINED' ? 'Reason for declining' : 'Reason for the extension'}: ${r.reason}`,
        )
      : erasedText(r, 'target', party),
    open && box === 'inbox' && canAnswer && answerControls(r, own, handlers, alert),
    open &&
      box === 'inbox' &&
      !canAnswer &&
      h('p', { class: 'muted' }, 'A supplier_admin of your organization answers it.'),
    open && box === 'outbox' && reminderControls(r, handlers),
    open &&
      box === 'outbox' &&
      action('Withdraw', () => confirmWithdrawal(r, handlers), alert, {
        class: 'withdraw',
        'aria-label': `Withdraw the request to ${isolate(r.target.name)}`,
      }),
    erasable && eraseButton(r, party, erase, alert),
    alert,
  );
}

/**
 * The card in `panel`'s outbox of the viewer's request to `targetId` that a follow-up is about: an open
 * one, overdue first (two may be open, one for sourcing and one for disclosures), else the first
 * listed (in a view as of a day, the requests may be today's and this one answered since); null when
 * the outbox lists none.
 */
export function requestCardTo(panel: HTMLElement, targetId: string): HTMLElement | null {
  const cards = [
    ...panel.querySelectorAll<HTMLElement>(
      `ul.outbox li.access-request[data-target-id="${CSS.escape(targetId)}"]`,
    ),
  ];
  const open = cards.filter((c) => c.dataset['status'] === 'OPEN');
  return open.find((c) => c.classList.contains('is-overdue')) ?? open[0] ?? cards[0] ?? null;
}

function requestList(
  requests: readonly AccessRequest[],
  box: 'inbox' | 'outbox',
  answering: Answering,
  handlers: EvidenceHandlers,
): HTMLElement {
  if (requests.length === 0) return h('p', { class: 'muted', 'data-box': box }, 'None.');
  return h(
    'ul',
    { class: `requests ${box}`, 'data-box': box },
    requests.map((r) => requestItem(r, box, answering, handlers)),
  );
}

function receivedItem(d: Disclosure, asOf: string, show: (organization: Party) => void): HTMLElement {
  const overdue = d.actions.filter((a) => a.overdue).length;
  return h(
    'li',
    { class: 'received-disclosure', 'data-disclosure-id': d.id },
    h('span', { class: 'kind-label' }, DISCLOSURE_KIND_LABELS[d.kind]),
    ' ',
    disclosedTag(d.owner),
    d.expired && ' ',
    d.expired && expiredBadge(),
    overdue > 0 && ' ',
    overdue > 0 && h('span', { class: 'badge badge-overdue' }, `${plural(overdue, 'action')} overdue`),
    h('p', { class: 'received-title' }, titleOf(d)),
    h(
      'p',
      { class: 'muted' },
      'About ',
      h('button', { type: 'button', class: 'link-button', onclick: () => show(d.subject) }, d.subject.name),
      ' · issued ',
      happened(d.issuedAt, asOf),
    ),
  );
}

/** The evidence panel: disclosures shared with the viewer, then the inbox and outbox of requests. */
export function renderEvidence(
  panel: HTMLElement,
  state: EvidenceState,
  canAnswer: boolean,
  handlers: EvidenceHandlers,
  /** With `redactAccessRequests`, a supplier_admin's closed requests offer "Erase our texts…". */
  can: Pick<Capabilities, 'redactAccessRequests'> = { redactAccessRequests: false },
): void {
  const heading = h('h2', { id: 'evidence-heading' }, 'Evidence and access requests');
  if (state.kind === 'unavailable') {
    panel.hidden = true;
    return panel.replaceChildren(heading, h('p', { class: 'muted' }, state.message));
  }
  panel.hidden = false;
  if (state.kind === 'loading') return panel.replaceChildren(heading, h('p', { class: 'muted' }, 'Loading…'));
  if (state.kind === 'failed') {
    return panel.replaceChildren(heading, h('p', { role: 'alert', class: 'error' }, state.message));
  }
  const { evidence, asOf, requestsAsOf } = state;
  const { received, given, links, inbox, outbox } = evidence;
  const answering = {
    canAnswer,
    own: { given, links },
    past: requestsAsOf,
    canErase: canAnswer && can.redactAccessRequests,
  };
  const openInbox = inbox.filter((r) => r.status === 'OPEN');
  panel.replaceChildren();
  append(
    panel,
    heading,
    h('h3', {}, 'Shared with you', asOf && h('span', { class: 'muted as-of' }, `, as of ${asOf}`)),
    received.length === 0
      ? h('p', { class: 'muted' }, `No organization ${asOf ? 'had' : 'has'} shared a disclosure with you.`)
      : h(
          'ul',
          { class: 'received' },
          received.map((d) => receivedItem(d, asOf, handlers.show)),
        ),
    // In an As of view the requests are as they stood that day (nothing to answer there), or, from a
    // server that does not date them, today's: either way the panel says which.
    asOf &&
      (requestsAsOf
        ? h(
            'p',
            { class: 'muted requests-as-of' },
            `The requests below are as they stood on ${asOf}: clear As of to answer or withdraw one.`,
          )
        : h(
            'p',
            { class: 'muted requests-today' },
            `The requests below are as they stand today: As of (${asOf}) does not apply to them.`,
          )),
    h(
      'h3',
      {},
      'Inbox: asked of you',
      openInbox.length > 0 && h('span', { class: 'muted' }, ` (${openInbox.length} open)`),
    ),
    requestList(inbox, 'inbox', answering, handlers),
    h('h3', {}, 'Outbox: you asked'),
    requestList(outbox, 'outbox', answering, handlers),
  );
}

/** Under a blind spot: the open request's state, or "Request access" with its small form. */
export function blindSpotRequest(spot: BlindSpot, handler: RequestAccessHandler | null): HTMLElement | null {
  const open = spot.openAccessRequest;
  if (open) {
    return h(
      'p',
      { class: 'request-open' },
      h('span', { class: 'badge status-OPEN' }, 'request open'),
      ` sent ${day(open.sentAt)}, due ${day(open.dueAt)} `,
      open.overdue && overdueBadge(),
    );
  }
  if (handler === null) return null;
  const id = spot.organization.id;
  const scope = h(
    'select',
    { id: `request-scope-${id}` },
    ACCESS_SCOPES.map((s) => h('option', { value: s }, ACCESS_SCOPE_LABELS[s])),
  );
  // A grant matches these with the target's own supply links, which name what its suppliers deliver
  // to it: a brand asked "for laptop computers" (what it sells) has no link that carries them.
  const productsHint = h(
    'p',
    { class: 'field-hint muted', id: `request-products-hint-${id}` },
    'Matched by exact name with the products on its own supply links: what its suppliers deliver to it (for a brand, parts such as motherboards, rather than what it sells). They do not narrow disclosures.',
  );
  const products = h('input', {
    id: `request-products-${id}`,
    type: 'text',
    placeholder: 'e.g. motherboards, power supplies',
    'aria-describedby': productsHint.id,
  });
  const note = h('textarea', { id: `request-message-${id}`, rows: 2, maxlength: 2000 });
  const key = actionKey();
  const form = inlineForm(
    'request-form',
    'Request access',
    [
      field(scope.id, 'Ask it to share', scope),
      field(products.id, 'Only for these products (optional, comma-separated; empty: all)', [
        products,
        productsHint,
      ]),
      field(note.id, 'Message (optional)', note),
    ],
    'Send request',
    () =>
      handler.requestAccess(
        id,
        ACCESS_SCOPES.find((s) => s === scope.value) ?? 'SOURCING',
        productList(products.value),
        note.value,
        key,
      ),
  );
  form.opener.classList.add('request-access');
  // Nine "Request access" buttons in a list of buttons cannot be told apart: each names its organization.
  form.opener.setAttribute('aria-label', `Request access from ${isolate(spot.organization.name)}`);
  return h('div', { class: 'request-access-box' }, form.opener, form.form);
}
