// A monitor's findings (src/modules/findings): public risk indicators of kind REPORT or AUDIT_FINDING
// that a MONITOR organization's supplier_admin records about an organization it may see, and that
// everyone who sees that organization sees, naming the monitor. "Record a finding…" in the details of
// the selected organization, and "My findings": what the monitor recorded, with Withdraw, and, for a
// withdrawn finding, "Erase texts…" (`redactFinding`) where the server erases them.
import { actionKey } from './action-key.ts';
import { ALL_CAPABILITIES, graphql, type Capabilities, type Me } from './api.ts';
import { append, day, errorMessage, h, moment } from './dom.ts';
import { isolate } from './bidi.ts';
import { publicTag } from './evidence.ts';
import { chosen, confirmed, field, guarded, inlineForm, optional, select } from './forms.ts';
import { RISK_TOPICS, SEVERITIES, TOPIC_LABELS, type Party, type RiskTopic, type Severity } from './model.ts';
import { topicList } from './panels.ts';
import { actedBy } from './share-history.ts';

export const FINDING_KINDS = ['REPORT', 'AUDIT_FINDING'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  REPORT: 'Report',
  AUDIT_FINDING: 'Audit finding',
};

/** One finding the viewer's organization recorded, withdrawn or not, as `findingsRecorded` answers it. */
export interface Finding {
  id: string;
  organization: Party;
  kind: FindingKind;
  severity: Severity;
  source: string;
  observedAt: string | null;
  recordedAt: string;
  recordedByUserId: string;
  withdrawnAt: string | null;
  /** What it is evidence of (alphabetical); absent from a server without topics. */
  topics?: RiskTopic[];
  /**
   * When its texts were erased (`redactFinding`): `source` is then empty; absent from a server that
   * does not erase them.
   */
  redactedAt?: string | null;
  /** The user (token `sub`) who erased them, named as `recordedByUserId` is. */
  redactedByUserId?: string | null;
}

/** The organization's findings; when and by whom their texts were erased only from a server that erases them. */
export const findingsOperation = (
  can: Pick<Capabilities, 'redactFindings' | 'topics'>,
): string => `query DashboardFindings {
  findingsRecorded {
    id organization { id name } kind severity source observedAt recordedAt recordedByUserId withdrawnAt
    ${can.redactFindings ? 'redactedAt redactedByUserId' : ''}${can.topics ? ' topics' : ''}
  }
}`;
export const FINDINGS_RECORDED = findingsOperation(ALL_CAPABILITIES);
export const RECORD_FINDING = `mutation DashboardRecordFinding($input: FindingInput!, $idempotencyKey: String) {
  recordFinding(input: $input, idempotencyKey: $idempotencyKey) { id } }`;
export const WITHDRAW_FINDING = `mutation DashboardWithdrawFinding($id: ID!) { withdrawFinding(id: $id) { id withdrawnAt } }`;
export const REDACT_FINDING = `mutation DashboardRedactFinding($id: ID!) { redactFinding(id: $id) { id redactedAt } }`;

/** Whether the viewer records findings: a MONITOR's supplier_admin, on a server that has them. */
export const recordsFindings = (viewer: Me, can: Capabilities): boolean =>
  can.findings && viewer.organization.type === 'MONITOR' && viewer.roles.includes('SUPPLIER_ADMIN');

/** “Source”, as a question or a button names one finding. */
const named = (f: Pick<Finding, 'source'>) => `“${isolate(f.source)}”`;

/** Whether `f`'s texts were erased: what its source said is unknown, not empty. */
const erased = (f: Finding): boolean => (f.redactedAt ?? null) !== null;

/** What "Erase texts…" asks first: what goes, for whom, what stays, and that it is for good. */
const erasureQuestion = (f: Finding) =>
  `Erase the texts of your withdrawn ${FINDING_KIND_LABELS[f.kind].toLowerCase()} (${f.severity}) about ` +
  `${isolate(f.organization.name)}, source ${named(f)}? Its source, description and evidence link are erased ` +
  `for everyone, also in views of an earlier day, when it still counted. Its kind, severity and dates stay, ` +
  `and so does your organization as the one that recorded it. It cannot be undone.`;

/** A withdrawn finding in the folded list: its source, or when its texts were erased, and by whom. */
const withdrawnLine = (f: Finding) =>
  `${FINDING_KIND_LABELS[f.kind]} about ${isolate(f.organization.name)} (${f.severity}), ` +
  (erased(f)
    ? `texts erased on ${day(f.redactedAt)}${actedBy(f.redactedByUserId ?? null)}`
    : `source ${named(f)}`) +
  `; withdrawn ${moment(f.withdrawnAt ?? '')}`;

/**
 * "What it is evidence of": a box per topic, none ticked (an unclassified finding is honest where the
 * source does not say; a researcher's topic filter then leaves it out, which the analyst guide says).
 */
function topicBoxes(): { fieldset: HTMLFieldSetElement; picked(): RiskTopic[] } {
  const boxes = RISK_TOPICS.map((t) =>
    h('input', { type: 'checkbox', id: `record-finding-topic-${t}`, value: t }),
  );
  const fieldset = h(
    'fieldset',
    { class: 'record-finding-topics' },
    h('legend', {}, 'What it is evidence of (optional; tick what the source says)'),
    h(
      'ul',
      { class: 'grant-choices' },
      RISK_TOPICS.map((t, i) =>
        h('li', {}, boxes[i]!, ' ', h('label', { for: boxes[i]!.id }, TOPIC_LABELS[t])),
      ),
    ),
  );
  return { fieldset, picked: () => RISK_TOPICS.filter((_, i) => boxes[i]!.checked) };
}

/**
 * "Record a finding…" about `organization`, by the viewer's organization `monitor`. One finding per
 * form drawn, however often it is submitted (web/src/action-key.ts): the dashboard keeps the form
 * while its organization stays selected, and draws a new one after a success.
 */
export function recordFindingForm(
  organization: Party,
  monitor: Party,
  token: string,
  /** Called after the finding is recorded, with a sentence for the status line; reloads the page. */
  recorded: (news: string) => Promise<void>,
  /** The server records topics (Capabilities.topics): the form offers them. */
  withTopics = true,
): HTMLElement {
  const topics = withTopics ? topicBoxes() : null;
  const kind = select('record-finding-kind', FINDING_KINDS, (k) => FINDING_KIND_LABELS[k], 'REPORT');
  const severity = select('record-finding-severity', SEVERITIES, (s) => s, 'HIGH');
  const source = h('input', {
    id: 'record-finding-source',
    type: 'text',
    required: true,
    maxlength: 300,
    placeholder: 'e.g. Electronics Watch report, 2026-11',
  });
  const description = h('textarea', { id: 'record-finding-description', rows: 3, maxlength: 4000 });
  const url = h('input', {
    id: 'record-finding-url',
    type: 'url',
    maxlength: 2000,
    placeholder: 'https://…',
  });
  const observed = h('input', {
    id: 'record-finding-observed',
    type: 'date',
    max: day(new Date().toISOString()),
  });
  const idempotencyKey = actionKey();
  const form = inlineForm(
    'record-finding-form',
    'Record a finding…',
    [
      field(kind.id, 'Kind', kind),
      field(severity.id, 'Severity', severity),
      field(source.id, 'Source (who published it, and when)', source),
      field(description.id, 'What was found (optional)', description),
      field(url.id, 'Evidence URL (optional)', url),
      field(observed.id, 'Observed on (optional; not after today)', observed),
      ...(topics === null ? [] : [topics.fieldset]),
    ],
    'Record',
    async () => {
      const input = {
        organizationId: organization.id,
        kind: chosen(FINDING_KINDS, kind) ?? 'REPORT',
        severity: chosen(SEVERITIES, severity) ?? 'HIGH',
        source: source.value.trim(),
        description: optional(description),
        evidenceUrl: optional(url),
        observedAt: observed.value === '' ? null : observed.value,
        // Left out when none is ticked, so that a server without topics takes the form too.
        ...(topics !== null && topics.picked().length > 0 ? { topics: topics.picked() } : {}),
      };
      // Asked before the question, which would otherwise be answered only to be refused.
      if (input.source === '')
        throw new Error('Say where the finding comes from: who published it, and when.');
      const what = `${FINDING_KIND_LABELS[input.kind].toLowerCase()} (${input.severity}) from ${named(input)}`;
      if (
        !window.confirm(
          `Record a public ${what} about ${isolate(organization.name)}? Every organization that sees ${isolate(organization.name)}, ` +
            `in any chain, will see it, recorded by ${isolate(monitor.name)}. You can withdraw it later under My findings.`,
        )
      )
        return;
      await graphql(RECORD_FINDING, { input, idempotencyKey }, token);
      await recorded(
        `Recorded the ${what} about ${isolate(organization.name)}; everyone who sees ${isolate(organization.name)} sees it.`,
      );
    },
  );
  form.opener.classList.add('record-finding');
  form.opener.setAttribute('aria-label', `Record a finding about ${isolate(organization.name)}…`);
  return h('div', { class: 'record-finding-box' }, form.opener, form.form);
}

/** What the details say in place of the form at an As of day. */
export const recordFindingDated = (): HTMLElement =>
  h(
    'p',
    { class: 'muted record-finding-dated' },
    'A finding is recorded today: clear As of to record one about this organization.',
  );

export class MyFindings {
  private readonly heading = h('h2', { id: 'my-findings-heading' }, 'My findings');
  /** Says that this panel is today's when the rest of the page is as of a past day. */
  private readonly dateNote = h('p', { class: 'muted my-findings-today', hidden: true });
  /**
   * The withdrawn finding whose texts were just erased: once the list is drawn again without the
   * button pressed, the focus goes to its line, which now says so, rather than to the page's top.
   */
  private erasedNow: string | null = null;

  constructor(
    private readonly panel: HTMLElement,
    private readonly token: string,
    private readonly handlers: {
      /** Selects a finding's organization in the chain, or says why it cannot. */
      show(organization: Party): void;
      /** Called after a change, with a sentence for the status line; reloads the page and this panel. */
      changed(news: string): Promise<void>;
    },
    /** With `redactFindings`, a withdrawn finding offers "Erase texts…". */
    private readonly can: Pick<Capabilities, 'redactFindings' | 'topics'> = {
      redactFindings: false,
      topics: false,
    },
  ) {}

  /** The page's As of day ('' for none): findings are recorded and withdrawn today, so this panel stays today's. */
  dated(asOf: string): void {
    this.heading.textContent = asOf === '' ? 'My findings' : 'My findings today';
    this.dateNote.hidden = asOf === '';
    this.dateNote.textContent =
      asOf === '' ? '' : `Your findings as they are today, not as of ${asOf} like the chain.`;
  }

  async load(): Promise<void> {
    this.panel.hidden = false;
    try {
      const { findingsRecorded } = await graphql<{ findingsRecorded: Finding[] }>(
        findingsOperation(this.can),
        {},
        this.token,
      );
      const live = findingsRecorded.filter((f) => f.withdrawnAt === null);
      const withdrawn = findingsRecorded.filter((f) => f.withdrawnAt !== null);
      // Drawn again after an erasure, the folded list stays as the user left it.
      const unfolded =
        this.panel.querySelector<HTMLDetailsElement>('details.withdrawn-findings')?.open === true;
      this.panel.replaceChildren();
      append(
        this.panel,
        this.heading,
        this.dateNote,
        h(
          'p',
          { class: 'muted' },
          'A finding you record is public: every organization that sees the organization it is about sees it, ' +
            'recorded by you. Record one from an organization’s details (Record a finding…).',
        ),
        live.length === 0
          ? h('p', { class: 'muted no-own-findings' }, 'You have recorded no finding yet.')
          : h(
              'ul',
              { class: 'own-findings' },
              live.map((f) => this.item(f)),
            ),
        withdrawn.length > 0 &&
          h(
            'details',
            { class: 'withdrawn-findings', open: unfolded },
            h('summary', {}, `Withdrawn (${withdrawn.length})`),
            h(
              'ul',
              {},
              withdrawn.map((f) => this.withdrawnItem(f)),
            ),
          ),
      );
      this.focusErased();
    } catch (error) {
      this.erasedNow = null;
      const retry = h('button', { type: 'button', class: 'retry' }, 'Try again');
      retry.addEventListener('click', () => void this.load());
      this.panel.replaceChildren(
        this.heading,
        h('p', { role: 'alert', class: 'error' }, `Could not load your findings: ${errorMessage(error)}`),
        retry,
      );
    }
  }

  /**
   * The focus to the line of the finding just erased, unless the user has since moved it elsewhere: it
   * fell to <body> with the button pressed, or a status line took it meanwhile (another change's reload
   * finishing while this one ran; Chromium drops the focus of the button as soon as it is disabled).
   */
  private focusErased(): void {
    const id = this.erasedNow;
    this.erasedNow = null;
    if (id === null) return;
    const line = [...this.panel.querySelectorAll<HTMLElement>('li.withdrawn-finding')].find(
      (li) => li.dataset['findingId'] === id,
    );
    const focused = document.activeElement;
    const lost = focused === null || focused === document.body || focused.getAttribute('role') === 'status';
    if (line === undefined || !lost) return;
    line.tabIndex = -1;
    line.focus();
  }

  private withdrawnItem(f: Finding): HTMLElement {
    const line = h('span', { class: 'withdrawn-finding-line' }, withdrawnLine(f));
    if (!this.can.redactFindings || erased(f))
      return h('li', { class: 'withdrawn-finding', 'data-finding-id': f.id }, line);
    const alert = h('p', { role: 'alert', class: 'error' });
    const erase = h(
      'button',
      {
        type: 'button',
        class: 'erase-finding',
        'aria-label': `Erase texts of the withdrawn finding about ${isolate(f.organization.name)}: ${isolate(f.source)}…`,
      },
      'Erase texts…',
    );
    erase.addEventListener('click', () => {
      void confirmed(
        erasureQuestion(f),
        erase,
        async () => {
          await graphql(REDACT_FINDING, { id: f.id }, this.token);
          this.erasedNow = f.id;
          await this.handlers.changed(
            `Erased the texts of the withdrawn ${FINDING_KIND_LABELS[f.kind].toLowerCase()} about ` +
              `${isolate(f.organization.name)} recorded ${moment(f.recordedAt)}: everyone now sees them erased, ` +
              'also as of an earlier day.',
          );
        },
        alert,
      );
    });
    return h('li', { class: 'withdrawn-finding', 'data-finding-id': f.id }, line, ' ', erase, alert);
  }

  private item(f: Finding): HTMLElement {
    const alert = h('p', { role: 'alert', class: 'error' });
    const withdraw = h(
      'button',
      {
        type: 'button',
        class: 'withdraw-finding',
        'aria-label': `Withdraw the finding about ${isolate(f.organization.name)}: ${isolate(f.source)}`,
      },
      'Withdraw',
    );
    withdraw.addEventListener('click', () => {
      const question =
        `Withdraw your ${FINDING_KIND_LABELS[f.kind].toLowerCase()} (${f.severity}) about ${isolate(f.organization.name)}, ` +
        `source ${named(f)}? From now on it no longer counts anywhere (a view as of an earlier day still shows it). ` +
        'It cannot be undone.';
      if (!window.confirm(question)) return;
      void guarded(
        withdraw,
        async () => {
          await graphql(WITHDRAW_FINDING, { id: f.id }, this.token);
          await this.handlers.changed(
            `Withdrew the finding about ${isolate(f.organization.name)}, source ${named(f)}.`,
          );
        },
        alert,
      );
    });
    return h(
      'li',
      { class: 'own-finding', 'data-finding-id': f.id, 'data-org-id': f.organization.id },
      h(
        'p',
        { class: 'own-finding-head' },
        h(
          'button',
          { type: 'button', class: 'link-button', onclick: () => this.handlers.show(f.organization) },
          f.organization.name,
        ),
        ' ',
        h('span', { class: `badge sev-${f.severity}` }, f.severity),
        ' ',
        h('span', { class: 'risk-kind' }, FINDING_KIND_LABELS[f.kind]),
        ' ',
        publicTag(),
      ),
      h(
        'p',
        { class: 'risk-source' },
        'Source: ',
        h('cite', {}, f.source),
        f.observedAt && ` (observed ${day(f.observedAt)})`,
      ),
      topicList(f.topics ?? []),
      h(
        'p',
        { class: 'own-finding-recorded muted' },
        `Recorded ${moment(f.recordedAt)} by ${f.recordedByUserId}`,
      ),
      h('div', { class: 'answer-buttons' }, withdraw),
      alert,
    );
  }
}
