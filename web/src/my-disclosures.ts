// "My disclosures", for a supplier_admin (docs/evidence-guide.md): the evidence its organization
// published about itself and its direct suppliers, whom each is shared with, each one's history, and
// the owner's changes: publish, revise (a new version), withdraw, move a corrective action on, and
// share with a customer.
import { actionKey } from './action-key.ts';
import { dueFields, graphql, type Capabilities } from './api.ts';
import { ERASED_TITLE, historyToggle } from './disclosure-history.ts';
import { append, day, errorMessage, h } from './dom.ts';
import { isolate } from './bidi.ts';
import { actionItem, expiredBadge } from './evidence.ts';
import {
  choiceSet,
  chosen,
  confirmed,
  field,
  inlineForm,
  optional,
  recipientPicker,
  REQUESTERS,
  select,
  sharedNotice,
  tomorrow,
} from './forms.ts';
import {
  ACTION_STATUS_LABELS,
  byName,
  DISCLOSURE_KIND_LABELS,
  plural,
  productList,
  SEVERITIES,
  VERIFIED_BY,
  type CorrectiveAction,
  type Disclosure,
  type DisclosureKind,
  type Party,
} from './model.ts';
import { linkEnded } from './shares.ts';
import { ACTION_STATUSES, DISCLOSURE_KINDS, VERIFICATIONS } from '../../src/domain/format.ts';

/** One of the organization's own disclosures, withdrawn or not. */
export interface PublishedDisclosure extends Disclosure {
  withdrawnAt: string | null;
  /** When the texts of the version shown were erased: only a withdrawn one's last version may be. */
  redactedAt?: string | null;
  /** Whom it is shown to, as the server tells its owner; absent from a server without the field. */
  sharedWith?: Audience[] | null;
}

/** One recipient of a disclosure and the share that shows it. */
interface Audience {
  share: Pick<OwnShare, 'id' | 'recipient' | 'disclosureIds' | 'expiresAt'>;
  /**
   * About a supplier: whether the organization's own sourcing share lets the recipient look the
   * supplier up (true), or not (false: it may still reach it otherwise, which nobody tells the owner);
   * null where that does not matter (about the organization itself, or to the subject itself);
   * undefined from a server that does not say.
   */
  ownLinkShared?: boolean | null;
}

interface OwnShare {
  id: string;
  scope: 'SOURCING' | 'DISCLOSURES';
  active: boolean;
  recipient: Party;
  disclosureIds: string[] | null;
  expiresAt: string | null;
}

interface Published {
  disclosuresGiven: PublishedDisclosure[];
  sharesGiven: OwnShare[];
  requesters: { requester: Party }[];
  ownSupplyLinks: { supplier: Party; validFrom: string | null; validTo: string | null }[];
  me: { customers: Party[] };
}

export const myDisclosuresOperation = (can: Capabilities): string => `{
  disclosuresGiven(includeWithdrawn: true) {
    id kind title summary issuer standard products issuedAt validUntil expired documentUrl documentSha256
    version publishedAt updatedAt withdrawnAt ${can.redactVersions ? 'redactedAt' : ''} subject { id name } owner { id name }
    actions { id finding severity action ${dueFields(can)} status overdue verification closedAt }
    ${can.sharedWith ? 'sharedWith { ownLinkShared share { id recipient { id name } disclosureIds expiresAt } }' : ''}
  }
  sharesGiven(includeInactive: true) { id scope active recipient { id name } disclosureIds expiresAt }
  ${REQUESTERS}
  ownSupplyLinks(includeEnded: true) { supplier { id name } validFrom validTo }
  me { customers { id name } }
}`;
export const PUBLISH = `mutation($input: DisclosureInput!, $idempotencyKey: String) {
  publishDisclosure(input: $input, idempotencyKey: $idempotencyKey) { id } }`;
export const REVISE = `mutation($id: ID!, $input: DisclosureContentInput!) {
  updateDisclosure(id: $id, input: $input) { id version } }`;
export const WITHDRAW = `mutation($id: ID!) { withdrawDisclosure(id: $id) { id } }`;
export const UPDATE_ACTION = `mutation($disclosureId: ID!, $actionId: ID!, $input: CorrectiveActionUpdateInput!) {
  updateCorrectiveAction(disclosureId: $disclosureId, actionId: $actionId, input: $input) { id version } }`;
export const SHARE = `mutation($recipientId: ID!, $disclosureIds: [ID!], $expiresAt: DateTime, $idempotencyKey: String) {
  shareDisclosures(recipientId: $recipientId, disclosureIds: $disclosureIds, expiresAt: $expiresAt,
    idempotencyKey: $idempotencyKey) { id } }`;

/** The kinds whose content lists findings with their corrective actions. */
const WITH_ACTIONS: readonly DisclosureKind[] = ['CORRECTIVE_ACTION_PLAN', 'AUDIT_REPORT'];

const verificationSelect = (id: string, selected: CorrectiveAction['verification']) =>
  select(id, VERIFICATIONS, (v) => VERIFIED_BY[v], selected ?? '', h('option', { value: '' }, 'not stated'));

/** The "Corrective actions" part of a content form: one fieldset per action, and "Add an action". */
function actionsEditor(prefix: string, initial: readonly CorrectiveAction[]) {
  const list = h('ol', { class: 'action-rows' });
  const rows: { item: HTMLElement; name(): void; read(): Record<string, string | null> }[] = [];
  let made = 0;
  const add = (a: CorrectiveAction | null) => {
    made += 1;
    const at = `${prefix}-action-${made}`;
    const control = (name: string, attributes: Record<string, string>) =>
      h('input', { id: `${at}-${name}`, type: 'text', ...attributes });
    const id = control('id', { value: a?.id ?? `a-${made}`, maxlength: '64' });
    const finding = control('finding', { value: a?.finding ?? '' });
    const severity = select(`${at}-severity`, SEVERITIES, (s) => s, a?.severity ?? 'MEDIUM');
    const what = control('action', { value: a?.action ?? '' });
    const due = control('due', { type: 'date', value: day(a?.dueAt) });
    const status = select(`${at}-status`, ACTION_STATUSES, (s) => ACTION_STATUS_LABELS[s], a?.status);
    const closed = control('closed', { type: 'date', value: day(a?.closedAt) });
    const verification = verificationSelect(`${at}-verification`, a?.verification);
    const remove = h('button', { type: 'button', class: 'remove-action' }, 'Remove');
    // The server keeps every published action not yet closed (an action is closed, not deleted).
    const kept = a !== null && a.status !== 'CLOSED';
    const legend = h('legend', {});
    const item = h(
      'li',
      { class: 'action-row' },
      h(
        'fieldset',
        {},
        legend,
        field(id.id, 'Id (unique in this disclosure)', id),
        field(finding.id, 'Finding', finding),
        field(severity.id, 'Severity', severity),
        field(what.id, 'What will be done', what),
        field(due.id, 'Due on', due),
        field(status.id, 'Status', status),
        field(closed.id, 'Closed on (only when closed)', closed),
        field(verification.id, 'Closing verified', verification),
        kept
          ? h(
              'p',
              { class: 'muted kept-action' },
              'Not yet closed, so it stays in the plan: close it to end it.',
            )
          : remove,
      ),
    );
    // Numbered in the list, and named by its finding once typed: "Remove" alone, five times over, says nothing.
    const name = () => {
      const n = rows.indexOf(row) + 1;
      const found = finding.value.trim();
      legend.textContent = `Action ${n}`;
      remove.setAttribute('aria-label', `Remove action ${n}${found && `: ${found}`}`);
    };
    const row = {
      item,
      name,
      read: () => ({
        id: id.value.trim(),
        finding: finding.value.trim(),
        severity: severity.value,
        action: what.value.trim(),
        dueAt: due.value,
        status: status.value,
        closedAt: optional(closed),
        verification: verification.value === '' ? null : verification.value,
      }),
    };
    finding.addEventListener('input', name);
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      item.remove();
      for (const r of rows) r.name();
      addButton.focus();
    });
    rows.push(row);
    list.append(item);
    name();
    return item;
  };
  const addButton = h('button', { type: 'button', class: 'add-action' }, 'Add an action');
  // The id comes filled in: the finding is what to type first.
  addButton.addEventListener('click', () =>
    add(null).querySelector<HTMLElement>('input[id$="-finding"]')?.focus(),
  );
  for (const a of initial) add(a);
  const box = h(
    'fieldset',
    { class: 'actions-editor' },
    h('legend', {}, 'Findings and corrective actions'),
    list,
    addButton,
  );
  return { box, read: () => rows.map((r) => r.read()) };
}

/**
 * The fields of a disclosure's content, filled with `initial`'s (a revision) or empty (a new one);
 * `read(kind)` gives DisclosureContentInput, with the actions only for the kinds that have them.
 */
function contentFields(prefix: string, initial: PublishedDisclosure | null) {
  const text = (name: string, value: string | null | undefined, attributes: Record<string, string> = {}) =>
    h('input', { id: `${prefix}-${name}`, type: 'text', value: value ?? '', ...attributes });
  const title = text('title', initial?.title, { required: 'true', maxlength: '200' });
  const summary = h('textarea', { id: `${prefix}-summary`, rows: 3 }, initial?.summary ?? '');
  const issuer = text('issuer', initial?.issuer);
  const standard = text('standard', initial?.standard, { placeholder: 'e.g. RBA VAP 7.0' });
  const products = text('products', initial?.products.join(', '), { placeholder: 'empty for all' });
  const issued = text('issued', day(initial?.issuedAt), { type: 'date', required: 'true' });
  const valid = text('valid', day(initial?.validUntil), { type: 'date' });
  const url = text('url', initial?.documentUrl, { type: 'url', placeholder: 'https://…' });
  const sha = text('sha', initial?.documentSha256, { placeholder: '64 hex digits' });
  const actions = actionsEditor(prefix, initial?.actions ?? []);
  const fields = [
    field(title.id, 'Title', title),
    field(summary.id, 'Summary (optional)', summary),
    field(issuer.id, 'Issued by (e.g. the audit firm; optional)', issuer),
    field(standard.id, 'Standard (optional)', standard),
    field(products.id, 'Products it covers (comma-separated; empty: all)', products),
    field(issued.id, 'Issued on', issued),
    field(valid.id, 'Valid until (optional)', valid),
    field(url.id, 'Document URL (optional)', url),
    field(sha.id, 'Document SHA-256 (optional)', sha),
    actions.box,
  ];
  const read = (kind: DisclosureKind) => ({
    title: title.value.trim(),
    summary: optional(summary),
    issuer: optional(issuer),
    standard: optional(standard),
    products: productList(products.value),
    issuedAt: issued.value,
    validUntil: optional(valid),
    documentUrl: optional(url),
    documentSha256: optional(sha),
    actions: WITH_ACTIONS.includes(kind) ? actions.read() : null,
  });
  /** Shows the actions only for a kind that has them. */
  const kindChosen = (kind: DisclosureKind) => (actions.box.hidden = !WITH_ACTIONS.includes(kind));
  return { fields, read, kindChosen };
}

/** A withdrawn disclosure whose last version's texts were erased has an empty title: said, not blank. */
const titleOf = (d: PublishedDisclosure): PublishedDisclosure =>
  (d.redactedAt ?? null) === null ? d : { ...d, title: ERASED_TITLE };

/** “Title”, as a button's name or a question names one disclosure. */
const named = (d: Pick<Disclosure, 'title'>) => `“${isolate(d.title)}”`;

/** Where a link of the organization stands today, as the publish form names its supplier. */
type SupplierStanding = { kind: 'now' } | { kind: 'later'; from: string } | { kind: 'ended' };

function supplierStanding(link: Published['ownSupplyLinks'][number]): SupplierStanding {
  if (linkEnded(link)) return { kind: 'ended' };
  if (link.validFrom !== null && new Date(link.validFrom) > new Date())
    // A link called off before it starts (validTo = validFrom) never holds: no supplier from then.
    return link.validTo !== null && new Date(link.validTo) <= new Date(link.validFrom)
      ? { kind: 'ended' }
      : { kind: 'later', from: link.validFrom };
  return { kind: 'now' };
}

const STANDING_ORDER: Record<SupplierStanding['kind'], number> = { now: 0, later: 1, ended: 2 };

/** Whether `a` says more of a supplier than `b`: now before later (the sooner first) before ended. */
const closer = (a: SupplierStanding, b: SupplierStanding): boolean =>
  a.kind === 'later' && b.kind === 'later'
    ? new Date(a.from) < new Date(b.from)
    : STANDING_ORDER[a.kind] < STANDING_ORDER[b.kind];

const standingWords = (standing: SupplierStanding): string =>
  standing.kind === 'now'
    ? ''
    : standing.kind === 'later'
      ? ` (supplier from ${day(standing.from)})`
      : ' (former supplier)';

export class MyDisclosures {
  private readonly heading = h('h2', { id: 'my-disclosures-heading' }, 'My disclosures');
  /** Says that this panel is today's when the rest of the page is as of a past day. */
  private readonly dateNote = h('p', { class: 'muted my-disclosures-today', hidden: true });

  constructor(
    private readonly panel: HTMLElement,
    private readonly token: string,
    /** The viewer's organization: the owner, and a subject it may publish about. */
    private readonly own: Party,
    private readonly can: Capabilities,
    /** Called after a change, with a sentence for the status line; reloads the page and this panel. */
    private readonly changed: (news: string) => Promise<void>,
  ) {}

  /** The page's As of day ('' for none): disclosures are published and shared today, so this panel stays today's. */
  dated(asOf: string): void {
    this.heading.textContent = asOf === '' ? 'My disclosures' : 'My disclosures today';
    this.dateNote.hidden = asOf === '';
    this.dateNote.textContent =
      asOf === ''
        ? ''
        : `Your disclosures and their shares as they are today, not as of ${asOf} like the chain.`;
  }

  async load(): Promise<void> {
    this.panel.hidden = false;
    try {
      const data = await graphql<Published>(myDisclosuresOperation(this.can), {}, this.token);
      const live = data.disclosuresGiven.filter((d) => d.withdrawnAt === null);
      const withdrawn = data.disclosuresGiven.filter((d) => d.withdrawnAt !== null);
      this.panel.replaceChildren();
      append(
        this.panel,
        this.heading,
        this.dateNote,
        h(
          'p',
          { class: 'muted' },
          'Only your organization sees what you publish until you share it with a customer (below). A share of all your disclosures shows new ones at once.',
        ),
        live.length === 0
          ? h('p', { class: 'muted no-own-disclosures' }, 'You have published no disclosure yet.')
          : h(
              'ul',
              { class: 'own-disclosures' },
              live.map((d) => this.item(d, data.sharesGiven)),
            ),
        withdrawn.length > 0 &&
          h(
            'details',
            { class: 'withdrawn-disclosures' },
            h('summary', {}, `Withdrawn (${withdrawn.length})`),
            h(
              'ul',
              {},
              withdrawn.map(titleOf).map((d) => {
                const line = (title: string) =>
                  `${DISCLOSURE_KIND_LABELS[d.kind]}: ${isolate(title)}, about ${isolate(d.subject.name)}; withdrawn ${day(d.withdrawnAt)}`;
                const said = h('span', { class: 'withdrawn-line' }, line(d.title));
                const history = this.history(d, () => (said.textContent = line(ERASED_TITLE)));
                return h(
                  'li',
                  { class: 'withdrawn-disclosure', 'data-disclosure-id': d.id },
                  said,
                  history && [' ', history.opener, history.region],
                );
              }),
            ),
          ),
        this.publishForm(data.ownSupplyLinks),
        this.shareForm(live, data.sharesGiven, data.requesters, data.me.customers),
      );
    } catch (error) {
      const retry = h('button', { type: 'button', class: 'retry' }, 'Try again');
      retry.addEventListener('click', () => void this.load());
      this.panel.replaceChildren(
        this.heading,
        h('p', { role: 'alert', class: 'error' }, `Could not load your disclosures: ${errorMessage(error)}`),
        retry,
      );
    }
  }

  private item(d: PublishedDisclosure, shares: readonly OwnShare[]): HTMLElement {
    const overdue = d.actions.filter((a) => a.overdue).length;
    const alert = h('p', { role: 'alert', class: 'error' });
    const revise = this.reviseForm(d);
    revise.opener.classList.add('revise-disclosure');
    revise.opener.setAttribute('aria-label', `Revise ${named(d)}…`);
    const withdraw = h(
      'button',
      { type: 'button', class: 'withdraw-disclosure', 'aria-label': `Withdraw ${named(d)}` },
      'Withdraw',
    );
    const seenBy = audienceOf(d, shares);
    const history = this.history(d);
    withdraw.addEventListener('click', () => {
      const who = seenBy.length === 0 ? 'nobody else' : recipients(seenBy).join(', ');
      const question =
        `Withdraw ${named(d)} (${DISCLOSURE_KIND_LABELS[d.kind].toLowerCase()} about ${isolate(d.subject.name)}, ` +
        `version ${d.version})? From now on nobody sees it (shared with: ${who}). It cannot be undone.`;
      void confirmed(
        question,
        withdraw,
        async () => {
          await graphql(WITHDRAW, { id: d.id }, this.token);
          await this.changed(`Withdrew ${named(d)}.`);
        },
        alert,
      );
    });
    return h(
      'li',
      {
        class: `own-disclosure${d.expired ? ' is-expired' : ''}`,
        'data-disclosure-id': d.id,
        'data-kind': d.kind,
      },
      h(
        'p',
        { class: 'disclosure-kind' },
        h('span', { class: 'kind-label' }, DISCLOSURE_KIND_LABELS[d.kind]),
        d.expired && ' ',
        d.expired && expiredBadge(),
        overdue > 0 && ' ',
        overdue > 0 && h('span', { class: 'badge badge-overdue' }, `${plural(overdue, 'action')} overdue`),
      ),
      // Under the panel's h2: an h4 skipped a level for those who move by headings.
      h('h3', { class: 'disclosure-title' }, d.title),
      h(
        'p',
        { class: 'own-disclosure-facts' },
        `About ${d.subject.id === this.own.id ? `${isolate(d.subject.name)} (you)` : isolate(d.subject.name)} · version ${d.version}, ` +
          `published ${day(d.publishedAt)}` +
          (d.version > 1 ? `, revised ${day(d.updatedAt)}` : '') +
          ` · issued ${day(d.issuedAt)}, ${d.validUntil ? `valid until ${day(d.validUntil)}` : 'no end date'}` +
          ` · ${d.products.length > 0 ? `products: ${isolate(d.products.join(', '))}` : 'all products'}`,
      ),
      h(
        'p',
        { class: 'disclosure-shared' },
        seenBy.length === 0
          ? 'Shared with nobody yet: only your organization sees it.'
          : `Shared with ${seenBy.map((a) => shareWords(a.share)).join('; ')}.${
              d.subject.id === this.own.id ? '' : aboutSupplierWords(d.subject.name, seenBy)
            }`,
      ),
      h('div', { class: 'answer-buttons' }, revise.opener, withdraw, history?.opener),
      revise.form,
      alert,
      history?.region,
      // Folded: a plan's actions would push the other disclosures a screen down.
      d.actions.length > 0 &&
        h(
          'details',
          { class: 'own-actions' },
          h(
            'summary',
            {},
            `${plural(d.actions.length, 'action')}${overdue > 0 ? `, ${overdue} overdue` : ''}: update their status`,
          ),
          h(
            'ol',
            { class: 'actions', 'aria-label': `Actions of ${isolate(d.title)}` },
            d.actions.map((a) => this.actionWithUpdate(d, a)),
          ),
        ),
    );
  }

  /**
   * "History", from a server that reads one of the organization's disclosures by id (`ownHistory`);
   * `titleErased` when erasing the newest version's texts took the title away.
   */
  private history(d: PublishedDisclosure, titleErased?: () => void) {
    // Only a supplier_admin's page has this panel: whoever sees History may erase a version's texts.
    return this.can.ownHistory
      ? historyToggle(d, this.token, {
          redactVersions: this.can.redactVersions,
          erase: true,
          ...(titleErased === undefined ? {} : { titleErased }),
        })
      : null;
  }

  private reviseForm(d: PublishedDisclosure) {
    const content = contentFields(`revise-${d.id}`, d);
    content.kindChosen(d.kind);
    return inlineForm('revise-form', 'Revise…', content.fields, 'Save as a new version', async () => {
      const { updateDisclosure } = await graphql<{ updateDisclosure: { version: number } }>(
        REVISE,
        { id: d.id, input: content.read(d.kind) },
        this.token,
      );
      await this.changed(
        updateDisclosure.version === d.version
          ? `Nothing changed in ${named(d)}: no new version.`
          : `Revised ${named(d)}: version ${updateDisclosure.version}.`,
      );
    });
  }

  /** An action as readers see it, with "Update…": its status, closing, verification or due date. */
  private actionWithUpdate(d: PublishedDisclosure, a: CorrectiveAction): HTMLElement {
    const at = `update-${d.id}-${a.id}`;
    const status = select(`${at}-status`, ACTION_STATUSES, (s) => ACTION_STATUS_LABELS[s], a.status);
    const closed = h('input', { id: `${at}-closed`, type: 'date', value: day(a.closedAt) });
    const verification = verificationSelect(`${at}-verification`, a.verification);
    const due = h('input', { id: `${at}-due`, type: 'date', value: day(a.dueAt) });
    const form = inlineForm(
      'update-action-form',
      'Update…',
      [
        field(status.id, 'Status', status),
        field(closed.id, 'Closed on (required to close)', closed),
        field(verification.id, 'Closing verified', verification),
        field(due.id, 'Due on (a later day moves it; readers see the first one too)', due),
      ],
      'Save',
      async () => {
        const closing = status.value === 'CLOSED';
        // Only what the owner changed: an absent field stays as it is.
        const input = {
          status: status.value,
          ...(closing && { closedAt: optional(closed) }),
          ...(closing && verification.value !== '' && { verification: verification.value }),
          ...(due.value !== day(a.dueAt) && { dueAt: due.value }),
        };
        await graphql(UPDATE_ACTION, { disclosureId: d.id, actionId: a.id, input }, this.token);
        await this.changed(
          `Updated action ${a.id} of ${named(d)}: ${ACTION_STATUS_LABELS[chosen(ACTION_STATUSES, status) ?? a.status]}.`,
        );
      },
    );
    form.opener.classList.add('update-action');
    form.opener.setAttribute(
      'aria-label',
      `Update action ${a.id} of ${isolate(d.title)}: ${isolate(a.finding)}…`,
    );
    const item = actionItem(a, '');
    append(item, form.opener, form.form);
    return item;
  }

  private publishForm(links: Published['ownSupplyLinks']): HTMLElement {
    // Yourself, or the supplier of any of your links whatever its dates (specification, rule 8,
    // "Subject"): a pre-sourcing audit of a factory whose link starts later, the audit of one you left.
    // Each supplier once, by its link that says most: one that holds now, else the next to start, else
    // an ended one.
    const suppliers = new Map<string, { name: string; standing: SupplierStanding }>();
    for (const l of links) {
      if (l.supplier.id === this.own.id) continue;
      const standing = supplierStanding(l);
      const known = suppliers.get(l.supplier.id);
      if (known === undefined || closer(standing, known.standing))
        suppliers.set(l.supplier.id, { name: l.supplier.name, standing });
    }
    const subject = h(
      'select',
      { id: 'publish-subject' },
      h('option', { value: this.own.id }, `${isolate(this.own.name)} (you)`),
      [...suppliers]
        .sort(([id, a], [otherId, b]) => byName({ id, name: a.name }, { id: otherId, name: b.name }))
        .map(([id, { name, standing }]) =>
          h('option', { value: id }, isolate(name) + standingWords(standing)),
        ),
    );
    const kind = select('publish-kind', DISCLOSURE_KINDS, (k) => DISCLOSURE_KIND_LABELS[k], null);
    const content = contentFields('publish', null);
    const chosenKind = () => chosen(DISCLOSURE_KINDS, kind) ?? 'SELF_ASSESSMENT';
    kind.addEventListener('change', () => content.kindChosen(chosenKind()));
    content.kindChosen(chosenKind());
    // One disclosure per form drawn, however often it is submitted (web/src/action-key.ts).
    const idempotencyKey = actionKey();
    const form = inlineForm(
      'publish-form',
      'Publish a disclosure…',
      [
        field(subject.id, 'About (yourself, or a direct supplier)', subject),
        field(kind.id, 'Kind', kind),
        ...content.fields,
      ],
      'Publish',
      async () => {
        const input = { subjectId: subject.value, kind: chosenKind(), content: content.read(chosenKind()) };
        await graphql(PUBLISH, { input, idempotencyKey }, this.token);
        await this.changed(
          `Published “${isolate(input.content.title)}”. Only your organization sees it until you share it.`,
        );
      },
    );
    form.opener.classList.add('publish-disclosure');
    return h('div', { class: 'publish-box' }, h('h3', {}, 'Publish'), form.opener, form.form);
  }

  private shareForm(
    live: readonly PublishedDisclosure[],
    shares: readonly OwnShare[],
    requesters: readonly { requester: Party }[],
    customers: readonly Party[],
  ): HTMLElement {
    // Its customers, whom it shared with before (either scope) and who asked it for access.
    const recipient = recipientPicker(
      'share',
      customers,
      [...shares.map((s) => s.recipient), ...requesters.map((r) => r.requester)],
      this.token,
    );
    const which = choiceSet(
      'disclosures',
      'share',
      'Disclosures to share',
      live.map((d) => ({
        id: d.id,
        label: `${DISCLOSURE_KIND_LABELS[d.kind]}: ${isolate(d.title)}`,
        checked: false,
      })),
      'You have published no disclosure yet.',
      'Tick the disclosures to share, or choose all.',
    );
    const expires = h('input', { id: 'share-expires', type: 'date', min: tomorrow() });
    const idempotencyKey = actionKey();
    const form = inlineForm(
      'share-disclosures-form',
      'Share with a customer…',
      [
        ...recipient.fields,
        which.fieldset,
        field(expires.id, 'Access ends on (optional; at 00:00 UTC that day)', expires),
      ],
      'Share',
      async () => {
        const disclosureIds = which.picked();
        const party = await recipient.chosen();
        const what =
          disclosureIds === null
            ? 'all your disclosures, now and later'
            : `only ${live
                .filter((d) => disclosureIds.includes(d.id))
                .map(named)
                .join(', ')}`;
        const until = expires.value === '' ? 'with no end date' : `until ${expires.value} (00:00 UTC)`;
        if (
          !window.confirm(
            `${isolate(party.name)} will see ${what}, ${until}, wherever it may see their subject. You can revoke it under My suppliers.\n\nShare?`,
          )
        )
          return;
        await graphql(
          SHARE,
          {
            recipientId: party.id,
            disclosureIds,
            expiresAt: expires.value === '' ? null : expires.value,
            idempotencyKey,
          },
          this.token,
        ).catch((error: unknown) => {
          throw recipient.explain(error, party);
        });
        await this.changed(sharedNotice(what, party.name));
      },
    );
    form.opener.classList.add('share-disclosures');
    return h('div', { class: 'share-box' }, h('h3', {}, 'Share with a customer'), form.opener, form.form);
  }
}

/**
 * Whom `d` is shown to: what the server tells its owner (`Disclosure.sharedWith`); from a server without
 * it, the active shares of disclosures that cover `d`, shares of all first, then by recipient name.
 */
const audienceOf = (d: PublishedDisclosure, shares: readonly OwnShare[]): Audience[] =>
  d.sharedWith ??
  shares
    .filter(
      (s) =>
        s.scope === 'DISCLOSURES' && s.active && (s.disclosureIds === null || s.disclosureIds.includes(d.id)),
    )
    .sort(
      (a, b) =>
        Number(b.disclosureIds === null) - Number(a.disclosureIds === null) ||
        byName(a.recipient, b.recipient),
    )
    .map((share) => ({ share }));

/** The recipients' names, each once (a recipient may have a share of all and a list). */
const recipients = (audience: readonly Audience[]): string[] => [
  ...new Map(audience.map((a) => [a.share.recipient.id, a.share.recipient.name])).values(),
];

/**
 * What a share of a disclosure about a supplier shows depends on more than the share: its recipient
 * sees it only while it may look up the supplier (visibility rule 8). The server tells the owner whether
 * its own sourcing share lets each recipient do so (`ownLinkShared`), never whether another
 * organization's share does: so the page names those its own link is not shared with, and says they
 * may still reach the supplier otherwise. A server that does not tell gets the rule itself.
 */
const aboutSupplierWords = (subject: string, audience: readonly Audience[]): string => {
  if (audience.some((a) => a.ownLinkShared === undefined))
    return ` Each sees it only while it may look up ${isolate(subject)}: share your link to ${isolate(subject)} with it if its chain does not reach there.`;
  const unsure = recipients(audience.filter((a) => a.ownLinkShared === false));
  if (unsure.length === 0) return '';
  const names = unsure.map(isolate);
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return names.length === 1
    ? ` ${who} sees it only if it reaches ${isolate(subject)} some other way: your link to ${isolate(subject)} is not shared with it.`
    : ` ${who} see it only if they reach ${isolate(subject)} some other way: your link to ${isolate(subject)} is not shared with them.`;
};

/** "Region Stockholm, which sees all your disclosures", "Electronics Watch until 2027-06-30". */
const shareWords = (s: Audience['share']): string =>
  `${isolate(s.recipient.name)}${s.disclosureIds === null ? ', which sees all your disclosures' : ''}${
    s.expiresAt === null ? '' : ` until ${day(s.expiresAt)}`
  }`;
