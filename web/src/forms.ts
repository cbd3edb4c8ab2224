// The small forms of the side panels (evidence, My suppliers, My disclosures, findings): a labelled field, a
// button or inline form whose errors go to its own alert line, the "all, now and later / only these"
// choice that a grant and a share make, and whom a share goes to.
import { ApiError, graphql } from './api.ts';
import { day, errorMessage, h } from './dom.ts';
import { isolate } from './bidi.ts';
import { byName, type Party } from './model.ts';
import { quote } from '../../src/domain/quote.ts';

export const field = (id: string, label: string, control: HTMLElement | HTMLElement[]) =>
  h('div', { class: 'field' }, h('label', { for: id }, label), control);

/** Runs `run` with `control` disabled meanwhile; an error goes to `alert`. */
export async function guarded(
  control: HTMLButtonElement,
  run: () => Promise<void>,
  alert: HTMLElement,
): Promise<void> {
  control.disabled = true;
  alert.textContent = '';
  try {
    await run();
  } catch (error) {
    alert.textContent = errorMessage(error);
  } finally {
    control.disabled = false;
  }
}

/**
 * Runs `run` as `guarded` does, once the user agrees to `question`: a change that cannot be undone
 * (a withdrawal, an erasure) asks first in the browser's own dialog, which browsers make accessible
 * and which returns the focus to `control`.
 */
export function confirmed(
  question: string,
  control: HTMLButtonElement,
  run: () => Promise<void>,
  alert: HTMLElement,
): Promise<void> {
  return window.confirm(question) ? guarded(control, run, alert) : Promise.resolve();
}

/** A button that runs `run` once, disabled meanwhile; errors go to `alert`. */
export function action(
  label: string,
  run: () => Promise<void>,
  alert: HTMLElement,
  attributes: Record<string, string> = {},
): HTMLButtonElement {
  const button = h('button', { type: 'button', ...attributes }, label);
  button.addEventListener('click', () => void guarded(button, run, alert));
  return button;
}

/**
 * A small inline form (hidden until its opener is pressed) whose submit runs `run`. Its errors go to
 * its own alert line, so one form's refusal is never shown under another.
 */
export function inlineForm(
  className: string,
  label: string,
  fields: HTMLElement[],
  submit: string,
  run: () => Promise<void>,
): { opener: HTMLButtonElement; form: HTMLFormElement } {
  const submitButton = h('button', { type: 'submit', class: 'primary' }, submit);
  const alert = h('p', { role: 'alert', class: 'error form-alert' });
  const form = h('form', { class: `inline-form ${className}`, hidden: true }, fields, submitButton, alert);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void guarded(submitButton, run, alert);
  });
  const opener = h('button', { type: 'button', 'aria-expanded': 'false' }, label);
  opener.addEventListener('click', () => {
    // Opened by its own button now: Escape returns to it, not to a control elsewhere that opened it before.
    escapeReturns.delete(form);
    form.hidden = !form.hidden;
    opener.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) form.querySelector<HTMLElement>('textarea, input, select')?.focus();
  });
  closesOnEscape(form, opener);
  return { opener, form };
}

/** The control that opened a form from elsewhere (returnOnEscape), where Escape sends the focus instead. */
const escapeReturns = new WeakMap<HTMLFormElement, HTMLElement>();

/**
 * Escape in `form` gives the focus back to `control`, which opened it from elsewhere (a top action of
 * Where to start opens a blind spot's form under Exposure), rather than to the form's own opener, far
 * from where the user was; until the form is opened by its own opener again. A `control` no longer on
 * the page (its panel drawn again) leaves it to the opener.
 */
export function returnOnEscape(form: HTMLFormElement, control: HTMLElement): void {
  escapeReturns.set(form, control);
}

/**
 * Escape in an open inline form folds it and gives the focus back to its opener (or the control that
 * opened it from elsewhere, returnOnEscape), as a keyboard user expects of anything that unfolded:
 * otherwise the way out is to Tab back to the opener, past every field. What was typed stays, as when
 * the opener folds it.
 */
export function closesOnEscape(form: HTMLFormElement, opener: HTMLButtonElement): void {
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || form.hidden) return;
    event.preventDefault();
    // Only the innermost open form folds (a form never nests, but a caller's keydown may listen too).
    event.stopPropagation();
    form.hidden = true;
    opener.setAttribute('aria-expanded', 'false');
    const elsewhere = escapeReturns.get(form);
    escapeReturns.delete(form);
    (elsewhere?.isConnected === true ? elsewhere : opener).focus();
  });
}

/** The value of a select of `values`, as one of them (undefined for another, which none of its options is). */
export const chosen = <T extends string>(values: readonly T[], select: HTMLSelectElement): T | undefined =>
  values.find((v) => v === select.value);

/** A text field's value as the API takes an optional one: trimmed, null when empty. */
export const optional = (control: HTMLInputElement | HTMLTextAreaElement): string | null =>
  control.value.trim() === '' ? null : control.value.trim();

/**
 * A select of `values` (after `first`, an option of its own, if given), showing `selected`: set as its
 * value once the options are in, which every DOM honours (a `selected` attribute alone, not all).
 */
export function select<T extends string>(
  id: string,
  values: readonly T[],
  label: (value: T) => string,
  selected: T | '' | null | undefined,
  first: HTMLOptionElement | null = null,
): HTMLSelectElement {
  const control = h(
    'select',
    { id },
    first,
    values.map((v) => h('option', { value: v }, label(v))),
  );
  if (selected != null) control.value = selected;
  return control;
}

export const dayAfter = (iso: string) => day(new Date(new Date(iso).getTime() + 86_400_000).toISOString());

/** The first day a share may end on (`YYYY-MM-DD`): tomorrow, UTC, since an expiry must be in the future. */
export const tomorrow = () => dayAfter(new Date().toISOString());

export interface Choice {
  id: string;
  label: string;
  /** Ticked at first (then "Only these" is chosen). */
  checked: boolean;
}

/**
 * "All of them, now and later" (or `unpicked`, what picking none gives where that is less) or "Only
 * these:" with a box per item; `formId` keeps the controls of two such sets on one page apart.
 * `picked()` is null for the first, the ticked ids otherwise; it throws `nothing` when "Only these" has
 * none ticked.
 */
export function choiceSet(
  what: 'links' | 'disclosures',
  formId: string,
  legend: string,
  items: readonly Choice[],
  none: string,
  nothing: string,
  unpicked = 'All of them, now and later',
): { fieldset: HTMLFieldSetElement; picked(): string[] | null } {
  const name = `grant-${what}-${formId}`;
  const dataKey = what === 'links' ? 'data-link-id' : 'data-disclosure-id';
  const anyTicked = items.some((i) => i.checked);
  const all = h('input', { type: 'radio', name, value: 'all', checked: !anyTicked, id: `${name}-all` });
  const some = h('input', { type: 'radio', name, value: 'some', checked: anyTicked, id: `${name}-some` });
  const boxes = items.map((i) =>
    h('input', { type: 'checkbox', value: i.id, id: `${name}-${i.id}`, [dataKey]: i.id, checked: i.checked }),
  );
  for (const box of boxes) box.addEventListener('change', () => (some.checked = true));
  const fieldset = h(
    'fieldset',
    { class: `grant-${what}` },
    h('legend', {}, legend),
    h('div', { class: 'choice' }, all, ' ', h('label', { for: all.id }, unpicked)),
    h('div', { class: 'choice' }, some, ' ', h('label', { for: some.id }, 'Only these:')),
    items.length === 0
      ? h('p', { class: 'muted' }, none)
      : h(
          'ul',
          { class: 'grant-choices' },
          items.map((item, i) => h('li', {}, boxes[i]!, ' ', h('label', { for: boxes[i]!.id }, item.label))),
        ),
  );
  const picked = () => {
    if (!some.checked) return null;
    const ids = boxes.filter((b) => b.checked).map((b) => b.value);
    if (ids.length === 0) throw new Error(nothing);
    return ids;
  };
  return { fieldset, picked };
}

/** What the dashboard says once a share is made: `what` as the share form described it. */
export const sharedNotice = (what: string, recipient: string) =>
  `Shared ${what.replace(/^only /, '').replace(/, now and later$/, ', now and later,')} with ${recipient}.`;

export const LOOKUP = `query($id: ID!) { organization(id: $id) { id name } }`;

/** Who sent the organization an access request, any status: a recipient its share forms may name. */
export const REQUESTERS = `requesters: accessRequestsReceived { requester { id name } }`;

/**
 * Whom a share goes to: one of `customers` or of `known` (the organizations its own records name: whom
 * it shared with, active or not, and who sent it an access request, which the API accepts as
 * recipients whether or not it may look them up), by name, or another organization by its Tiersight
 * id, looked up when the form is sent so that the question names it. `prefix` keeps the controls of
 * two such forms apart (`<prefix>-recipient`).
 */
export function recipientPicker(
  prefix: string,
  customers: readonly Party[],
  known: readonly Party[],
  token: string,
): { fields: HTMLElement[]; chosen(): Promise<Party>; explain(error: unknown, party: Party): unknown } {
  const names = new Map([...known, ...customers].map((p) => [p.id, p.name]));
  const another = h('option', { value: '' }, 'Another organization, by its Tiersight id…');
  const recipient = h(
    'select',
    { id: `${prefix}-recipient` },
    ...[...names]
      .sort(([id, name], [otherId, otherName]) => byName({ id, name }, { id: otherId, name: otherName }))
      .map(([id, name]) => h('option', { value: id }, isolate(name))),
    another,
  );
  const otherId = h('input', { id: `${prefix}-recipient-id`, type: 'text', placeholder: 'e.g. se-atea' });
  const other = field(otherId.id, 'Its Tiersight id (shown in its details)', otherId);
  const otherChosen = () => (other.hidden = recipient.value !== '');
  recipient.addEventListener('change', otherChosen);
  otherChosen();
  const chosen = async (): Promise<Party> => {
    const name = names.get(recipient.value);
    if (name !== undefined) return { id: recipient.value, name };
    const typed = otherId.value.trim();
    if (typed === '') throw new Error('Choose whom to share with, or type its Tiersight id.');
    const { organization } = await graphql<{ organization: Party | null }>(LOOKUP, { id: typed }, token);
    // As the API answers an id the organization may not name: a hidden one and a missing one alike.
    if (organization === null) throw new Error(`Organization ${quote(typed)} not found`);
    return organization;
  };
  /**
   * The API's refusal of `party` when it came from the list: one that is no longer an organization it
   * may name (since the list was drawn) answers as an id it may not name, NOT_FOUND, which beside a
   * name the form offered would say nothing useful.
   */
  const explain = (error: unknown, party: Party): unknown =>
    error instanceof ApiError && error.code === 'NOT_FOUND' && names.has(party.id)
      ? new Error(
          `${isolate(party.name)} can no longer be named as a recipient: you may share with an organization you may look up (a customer, one that shares with you, one in your chains), one listed in the directory, or one you shared with or that asked you for access.`,
        )
      : error;
  return { fields: [field(recipient.id, 'Share with', recipient), other], chosen, explain };
}
