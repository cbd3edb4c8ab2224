// "My suppliers" (issue 13 part 5, specification, section 9), for a supplier_admin: the organization's
// own links (end one, edit its products), its place in the directory, whom it shares its sourcing and
// disclosures with (revoke a share, share its sourcing with a customer), a directory search to add a
// supplier from, and a form for a supplier Tiersight does not know yet.
import { actionKey } from './action-key.ts';
import { graphql } from './api.ts';
import { append, day, errorMessage, h } from './dom.ts';
import { isolate } from './bidi.ts';
import {
  choiceSet,
  closesOnEscape,
  field,
  inlineForm,
  recipientPicker,
  REQUESTERS,
  sharedNotice,
  tomorrow,
} from './forms.ts';
import { byName, plural, productList, type Party, type RiskIndicator } from './model.ts';
import { shareHistory } from './share-history.ts';
import { calledOff, linkEnded, linkWords, shareScope, type GivenShare, type OwnItems } from './shares.ts';
import { riskBadge } from './tier-view.ts';

interface OwnLink {
  id: string;
  supplier: { id: string; name: string; country: string };
  products: string[];
  validFrom: string | null;
  validTo: string | null;
}

interface Card {
  id: string;
  name: string;
  type: string;
  country: string;
  city: string | null;
  /** Its public risk indicators: a directory card answers them, so a buyer sees a flag before linking. */
  risks: RiskIndicator[];
}

interface Sourcing {
  listing: {
    listed: boolean;
    listedAt: string | null;
    organization: { id: string; name: string; type: string };
  };
  ownSupplyLinks: OwnLink[];
  sharesGiven: (GivenShare & { recipient: Party })[];
  /** Every share it gave, active or not: whom its share form offers besides its customers. */
  pastShares: { recipient: Party }[];
  requesters: { requester: Party }[];
  /** Its direct customers: whom a share of its sourcing usually goes to. */
  me: { customers: Party[] };
  /** Asked only of a server that has disclosures. */
  disclosuresGiven?: { id: string; title: string; withdrawnAt: string | null }[];
}

/**
 * The panel's operation; `disclosures`: the server has them, and the titles of the organization's own
 * name what a share of some of them covers.
 */
export const sourcingOperation = (disclosures: boolean): string => `{
  listing { listed listedAt organization { id name type } }
  ownSupplyLinks(includeEnded: true) { id supplier { id name country } products validFrom validTo }
  sharesGiven { id scope recipient { id name } linkIds disclosureIds createdAt expiresAt }
  pastShares: sharesGiven(includeInactive: true) { recipient { id name } }
  ${REQUESTERS}
  me { customers { id name } }${disclosures ? '\n  disclosuresGiven(includeWithdrawn: true) { id title withdrawnAt }' : ''}
}`;
export const DIRECTORY = `query($search: String) { directory(search: $search, first: 20) { totalCount edges { node { id name type country city risks { id kind source severity delistedAt } } } } }`;
export const DECLARE = `mutation($supplierId: ID, $newSupplier: NewSupplierInput, $products: [String!], $idempotencyKey: String) {
  declareSupplyLink(supplierId: $supplierId, newSupplier: $newSupplier, products: $products, idempotencyKey: $idempotencyKey) {
    id supplier { name } } }`;
export const AMEND = `mutation($id: ID!, $products: [String!], $idempotencyKey: String) {
  amendSupplyLink(id: $id, products: $products, idempotencyKey: $idempotencyKey) { id } }`;
export const END = `mutation($id: ID!) { endSupplyLink(id: $id) { id } }`;
export const REVOKE = `mutation($id: ID!) { revokeShare(id: $id) { id } }`;
export const SHARE_SOURCING = `mutation($recipientId: ID!, $linkIds: [ID!], $expiresAt: DateTime, $idempotencyKey: String) {
  shareSourcing(recipientId: $recipientId, linkIds: $linkIds, expiresAt: $expiresAt, idempotencyKey: $idempotencyKey) {
    id } }`;
export const SET_LISTING = `mutation($listed: Boolean!) { setListing(listed: $listed) { listed } }`;

const SUPPLIER_TYPES = ['FACTORY', 'MANUFACTURER', 'BRAND', 'RESELLER', 'PURCHASER'];

/** What a monitor's panel says in place of the suppliers and sourcing forms it cannot use. */
const monitorNote = (name: string): HTMLElement =>
  h(
    'p',
    { class: 'monitor-note' },
    `${isolate(name)} is a monitor: it has no suppliers of its own, so it declares and shares no sourcing. ` +
      'It sees the chains that organizations share with it (choose one under Root) and may ask any ' +
      'organization in them to share more (Request access, under Exposure). Being listed in the ' +
      'directory lets any organization share with it.',
  );

export class MySuppliers {
  private readonly alert = h('p', { role: 'alert', class: 'error' });
  private readonly results = h('ul', { class: 'directory-results' });
  /** How many matched, read out when a search answers (a list's change alone is not announced). */
  private readonly matched = h('p', { class: 'directory-count muted', role: 'status' });
  private readonly linkProducts = h('input', {
    id: 'new-link-products',
    type: 'text',
    placeholder: 'e.g. laptops, monitors',
  });

  private readonly heading = h('h2', { id: 'my-suppliers-heading' }, 'My suppliers');
  /** Says that this panel is today's when the rest of the page is as of a past day. */
  private readonly dateNote = h('p', { class: 'muted my-suppliers-today', hidden: true });

  constructor(
    private readonly panel: HTMLElement,
    private readonly token: string,
    /** Called after a change, with a sentence for the status line; reloads the chain and this panel. */
    private readonly changed: (news: string) => Promise<void>,
    /** The server has disclosures (a share of some names them by title). */
    private readonly disclosures = false,
  ) {}

  /**
   * The page's As of day ('' for none). This panel is where sourcing and shares are changed, which is
   * always today, so it stays today's; next to a dated chain it says so, lest its links and history be
   * read as the chain's of that day.
   */
  dated(asOf: string): void {
    this.heading.textContent = asOf === '' ? 'My suppliers' : 'My suppliers today';
    this.dateNote.hidden = asOf === '';
    this.dateNote.textContent =
      asOf === '' ? '' : `Your sourcing and shares as they are today, not as of ${asOf} like the chain.`;
  }

  async load(): Promise<void> {
    this.panel.hidden = false;
    try {
      const data = await graphql<Sourcing>(sourcingOperation(this.disclosures), {}, this.token);
      const own: OwnItems = {
        links: new Map(data.ownSupplyLinks.map((l) => [l.id, linkWords(l)])),
        // A share may still list one withdrawn since, which nobody sees any more: named as such.
        disclosures: new Map(
          (data.disclosuresGiven ?? []).map((d) => [
            d.id,
            d.withdrawnAt === null ? d.title : `${d.title} (withdrawn: nobody sees it)`,
          ]),
        ),
      };
      const { organization } = data.listing;
      // A monitor has no supply links (specification, section 1): the API refuses any it declares or
      // shares, so it is offered none, and told where its chains come from instead.
      const monitor = organization.type === 'MONITOR';
      this.panel.replaceChildren();
      append(
        this.panel,
        this.heading,
        this.dateNote,
        this.alert,
        this.listingLine(data.listing),
        monitor ? monitorNote(organization.name) : this.linkList(data.ownSupplyLinks),
        this.shareList(data.sharesGiven, own),
        !monitor &&
          this.shareForm(
            data.ownSupplyLinks,
            [...data.pastShares.map((s) => s.recipient), ...data.requesters.map((r) => r.requester)],
            data.me.customers,
          ),
        shareHistory(this.token, organization.id, own),
        !monitor && this.addFromDirectory(organization.id),
        !monitor && this.newSupplierForm(),
      );
    } catch (error) {
      const retry = h('button', { type: 'button', class: 'retry' }, 'Try again');
      retry.addEventListener('click', () => void this.load());
      this.panel.replaceChildren(
        this.heading,
        h('p', { role: 'alert', class: 'error' }, `Could not load your sourcing: ${errorMessage(error)}`),
        retry,
      );
    }
  }

  /** Runs a change; on success tells the dashboard (which reloads this panel), else shows the error. */
  private async run(control: HTMLButtonElement, work: () => Promise<string>): Promise<void> {
    control.disabled = true;
    this.alert.textContent = '';
    try {
      await this.changed(await work());
    } catch (error) {
      this.alert.textContent = errorMessage(error);
    } finally {
      control.disabled = false;
    }
  }

  /** A button that runs `work`; with a `confirmation`, only once the user agrees to it. */
  private button(
    label: string,
    attributes: Record<string, string>,
    work: () => Promise<string>,
    confirmation?: string,
  ): HTMLButtonElement {
    const button = h('button', { type: 'button', ...attributes }, label);
    button.addEventListener('click', () => {
      if (confirmation === undefined || window.confirm(confirmation)) void this.run(button, work);
    });
    return button;
  }

  private listingLine(listing: Sourcing['listing']): HTMLElement {
    return h(
      'p',
      { class: `listing ${listing.listed ? 'is-listed' : 'is-unlisted'}` },
      listing.listed
        ? `Listed in the directory since ${day(listing.listedAt)}. `
        : 'Not listed in the directory. ',
      this.button(
        listing.listed ? 'Take out of the directory' : 'List in the directory',
        { class: 'set-listing' },
        async () => {
          await graphql(SET_LISTING, { listed: !listing.listed }, this.token);
          return listing.listed ? 'Taken out of the directory.' : 'Listed in the directory.';
        },
      ),
    );
  }

  private linkList(links: OwnLink[]): HTMLElement {
    if (links.length === 0) return h('p', { class: 'muted' }, 'You have declared no supplier yet.');
    return h(
      'ul',
      { class: 'own-links' },
      // By supplier in the user's language; a supplier's links keep the API's order (oldest first).
      [...links].sort((a, b) => byName(a.supplier, b.supplier)).map((link) => this.linkItem(link)),
    );
  }

  private linkItem(link: OwnLink): HTMLElement {
    const over = linkEnded(link);
    const dates = calledOff(link)
      ? `called off before its start (${day(link.validFrom)})`
      : [
          link.validFrom && `from ${day(link.validFrom)}`,
          link.validTo && `${over ? 'ended' : 'until'} ${day(link.validTo)}`,
        ]
          .filter(Boolean)
          .join(' ');
    const item = h(
      'li',
      {
        class: `own-link${over ? ' is-ended' : ''}`,
        'data-link-id': link.id,
        'data-supplier-id': link.supplier.id,
      },
      h('span', { class: 'supplier-name' }, link.supplier.name),
      ` (${link.supplier.country}) `,
      h('span', { class: 'link-products' }, link.products.join(', ') || 'products not stated'),
      dates && h('span', { class: 'muted' }, ` · ${dates}`),
    );
    if (over) return item;
    const input = h('input', { type: 'text', id: `products-${link.id}`, value: link.products.join(', ') });
    const save = h('button', { type: 'submit', class: 'primary' }, 'Save products');
    const form = h(
      'form',
      { class: 'inline-form edit-products', hidden: true },
      field(input.id, 'What it supplies (comma-separated)', input),
      save,
    );
    // One amendment per form drawn, however often it is submitted (web/src/action-key.ts).
    const idempotencyKey = actionKey();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run(save, async () => {
        await graphql(AMEND, { id: link.id, products: productList(input.value), idempotencyKey }, this.token);
        return `Changed what ${isolate(link.supplier.name)} supplies.`;
      });
    });
    const name = link.supplier.name;
    const edit = h(
      'button',
      {
        type: 'button',
        class: 'edit-link',
        'aria-label': `Edit products of ${isolate(name)}`,
        'aria-expanded': 'false',
      },
      'Edit products…',
    );
    edit.addEventListener('click', () => {
      form.hidden = !form.hidden;
      edit.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) form.querySelector<HTMLElement>('input')?.focus();
    });
    closesOnEscape(form, edit);
    append(
      item,
      ' ',
      edit,
      ' ',
      this.button(
        'End',
        { class: 'end-link', 'aria-label': `End the link with ${isolate(name)}` },
        async () => {
          await graphql(END, { id: link.id }, this.token);
          return `Ended the link with ${isolate(name)}.`;
        },
        `End the link with ${isolate(name)}? Your customers who see your sourcing stop seeing ${isolate(name)} through you.`,
      ),
      form,
    );
    return item;
  }

  private shareList(shares: GivenShare[], own: OwnItems): HTMLElement {
    if (shares.length === 0)
      return h('p', { class: 'sourcing-shares' }, 'You share your sourcing and disclosures with nobody.');
    return h(
      'div',
      { class: 'sourcing-shares' },
      h('h3', {}, 'Shared by you'),
      h(
        'ul',
        { class: 'shares-given' },
        shares.map((share) => {
          const name = share.recipient.name;
          const until = share.expiresAt === null ? '' : `, until ${day(share.expiresAt)}`;
          return h(
            'li',
            { class: 'share-given', 'data-share-id': share.id },
            `${isolate(name)} sees ${shareScope(share, own)} since ${day(share.createdAt)}${until} `,
            this.button(
              'Revoke',
              // Named by scope too: a supplier may share its sourcing and its disclosures with one customer.
              {
                class: 'revoke-share',
                'aria-label': `Revoke the share of ${shareScope(share)} with ${isolate(name)}`,
              },
              async () => {
                await graphql(REVOKE, { id: share.id }, this.token);
                return `Revoked the share with ${isolate(name)}.`;
              },
              `Revoke the share with ${isolate(name)}? It stops seeing ${shareScope(share, own)} from its next request.`,
            ),
          );
        }),
      ),
    );
  }

  /**
   * "Share your sourcing with a customer…": all its links, now and later, or the current ones ticked,
   * until an optional day; asked first, and then listed under "Shared by you" with Revoke.
   */
  private shareForm(
    links: readonly OwnLink[],
    known: readonly Party[],
    customers: readonly Party[],
  ): HTMLElement {
    const current = links.filter((l) => !linkEnded(l));
    // Its customers, whom it shared with (active or not, either scope) and who asked it for access.
    const recipient = recipientPicker('share-sourcing', customers, known, this.token);
    const which = choiceSet(
      'links',
      'share-sourcing',
      'Links to share',
      current.map((l) => ({ id: l.id, label: linkWords(l), checked: false })),
      'You have declared no supplier yet.',
      'Tick the links to share, or choose all.',
    );
    const expires = h('input', { id: 'share-sourcing-expires', type: 'date', min: tomorrow() });
    // One share per form drawn, however often it is submitted (web/src/action-key.ts).
    const idempotencyKey = actionKey();
    const form = inlineForm(
      'share-sourcing-form',
      'Share your sourcing with a customer…',
      [
        ...recipient.fields,
        which.fieldset,
        field(expires.id, 'Access ends on (optional; at 00:00 UTC that day)', expires),
      ],
      'Share your sourcing',
      async () => {
        const linkIds = which.picked();
        const party = await recipient.chosen();
        const what =
          linkIds === null
            ? 'all your sourcing links, now and later'
            : `only your ${plural(linkIds.length, 'link')} to ${current
                .filter((l) => linkIds.includes(l.id))
                .map(linkWords)
                .join('; ')}`;
        const until = expires.value === '' ? 'with no end date' : `until ${expires.value} (00:00 UTC)`;
        if (
          !window.confirm(
            `${isolate(party.name)} will see ${what}, ${until}: those suppliers and what they supply you, not their own ` +
              `suppliers unless they share with it too. You can revoke it under Shared by you.\n\nShare?`,
          )
        )
          return;
        await graphql(
          SHARE_SOURCING,
          {
            recipientId: party.id,
            linkIds,
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
    form.opener.classList.add('share-sourcing');
    return h(
      'div',
      { class: 'share-sourcing-box' },
      h('h3', {}, 'Share your sourcing'),
      form.opener,
      form.form,
    );
  }

  private addFromDirectory(ownId: string): HTMLElement {
    const search = h('input', {
      id: 'directory-search',
      type: 'search',
      placeholder: 'name, city or Open Supply Hub id',
    });
    const find = h('button', { type: 'submit' }, 'Search');
    const form = h(
      'form',
      { class: 'directory-search' },
      field(search.id, 'Find a supplier in the directory', search),
      find,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search(search.value, ownId);
    });
    return h(
      'div',
      { class: 'add-supplier' },
      h('h3', {}, 'Add a supplier'),
      field(this.linkProducts.id, 'What it supplies you (comma-separated)', this.linkProducts),
      form,
      this.matched,
      this.results,
    );
  }

  private async search(text: string, ownId: string): Promise<void> {
    this.alert.textContent = '';
    try {
      const data = await graphql<{ directory: { totalCount: number; edges: { node: Card }[] } }>(
        DIRECTORY,
        { search: text },
        this.token,
      );
      const cards = data.directory.edges.map((e) => e.node);
      const total = data.directory.totalCount;
      this.matched.textContent =
        total > cards.length
          ? `${cards.length} of ${total} listed organizations match: refine the search to see the others.`
          : total === 0
            ? // Here, in the live line, not as a list item: a screen reader would hear nothing at all.
              'No listed organization matches.'
            : `${plural(total, 'listed organization')} ${total === 1 ? 'matches' : 'match'}.`;
      // One declaration per card drawn, however often its button is pressed (web/src/action-key.ts).
      const keys = new Map(cards.map((card) => [card.id, actionKey()]));
      this.results.replaceChildren(
        ...cards.map((card) =>
          h(
            'li',
            { class: 'directory-card', 'data-org-id': card.id },
            h('span', { class: 'card-name' }, card.name),
            ` ${card.type.toLowerCase()}, ${[card.city, card.country].filter(Boolean).join(', ')} `,
            // A delisted entry flags nothing, as in the chain's badges.
            riskBadge(card.risks.filter((r) => !r.delistedAt)),
            ' ',
            card.id !== ownId &&
              card.type !== 'MONITOR' &&
              this.button('Add as supplier', { class: 'add-from-directory' }, async () => {
                await graphql(
                  DECLARE,
                  {
                    supplierId: card.id,
                    products: productList(this.linkProducts.value),
                    idempotencyKey: keys.get(card.id),
                  },
                  this.token,
                );
                return `Declared ${isolate(card.name)} as your supplier.`;
              }),
          ),
        ),
      );
    } catch (error) {
      this.alert.textContent = errorMessage(error);
    }
  }

  private newSupplierForm(): HTMLElement {
    const name = h('input', { id: 'new-supplier-name', type: 'text', required: true });
    const type = h(
      'select',
      { id: 'new-supplier-type' },
      SUPPLIER_TYPES.map((t) => h('option', { value: t }, t.toLowerCase())),
    );
    const country = h('input', {
      id: 'new-supplier-country',
      type: 'text',
      required: true,
      maxlength: 2,
      placeholder: 'CN',
    });
    const city = h('input', { id: 'new-supplier-city', type: 'text' });
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Declare new supplier');
    const idempotencyKey = actionKey();
    const form = h(
      'form',
      { class: 'inline-form new-supplier' },
      field(name.id, 'Name', name),
      field(type.id, 'Type', type),
      field(country.id, 'Located in (ISO code, e.g. CN)', country),
      field(city.id, 'City', city),
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run(submit, async () => {
        const newSupplier = {
          name: name.value.trim(),
          type: type.value,
          country: country.value.trim().toUpperCase(),
          city: city.value.trim() || null,
        };
        await graphql(
          DECLARE,
          { newSupplier, products: productList(this.linkProducts.value), idempotencyKey },
          this.token,
        );
        return `Declared ${isolate(newSupplier.name)} as a new supplier.`;
      });
    });
    return h('div', { class: 'new-supplier-box' }, h('h3', {}, 'A supplier not in the directory'), form);
  }
}
