import { randomUUID } from 'node:crypto';
import { canReadSourcingTrail, type Viewer } from '../../auth/policy.ts';
import { quote } from '../../domain/quote.ts';
import { badInput, forbidden, notFound, unknownTokenOrganization } from '../../domain/errors.ts';
import { lockedInstant } from '../../graph/locked-instant.ts';
import { claimOf, idempotencyKey, type IdempotencyClaim } from '../../domain/idempotency.ts';
import type { ShownLink, SupplyLink } from '../../domain/model.ts';
import {
  checkDeclaration,
  checkProducts,
  checkValidity,
  endsAfter,
  dateArgument,
  type NewSupplierInput,
  type SupplyLinkEvent,
} from '../../domain/sourcing.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { eventPage, type EventPageArguments } from '../../domain/event-pages.ts';
import { keptId, prime, type OrganizationLoaders } from '../organizations/organization-loaders.ts';
import type { Actor, DeclareRefusal, LinkChange, SourcingRepository } from './sourcing-repository.ts';

interface DeclareInput {
  /** The supplier: the kept organization when the client named it by an old id of a merged one. */
  supplierId: string | null | undefined;
  /** The id the client sent (default supplierId). */
  askedSupplierId?: string | null | undefined;
  newSupplier: NewSupplierInput | null | undefined;
  products: readonly string[] | null | undefined;
  validFrom: string | null | undefined;
  validTo: string | null | undefined;
  /** A retry with the same key answers the link the first call declared. */
  idempotencyKey?: string | null | undefined;
}

/** Absent (undefined) keeps the link's value; null makes a date open. */
interface AmendInput {
  id: string;
  products?: readonly string[] | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  /** A retry with the same key answers the successor the first call made. */
  idempotencyKey?: string | null | undefined;
}

const iso = (text: string | null) => (text === null ? null : new Date(text));

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

/**
 * Where a link ended at `at` ends: at `at`, or at its start if it has not started by then. A link that
 * has not started yet and is ended or amended before its start is called off: validTo = validFrom, it
 * holds at no instant (validTo before validFrom would be a link the bulk format cannot write).
 */
function notBeforeStart(link: SupplyLink, at: Date): Date {
  const start = iso(link.validFrom);
  return start !== null && at < start ? start : at;
}

export class SourcingService {
  constructor(
    private readonly sourcing: SourcingRepository,
    private readonly viewer: Viewer,
    private readonly scope: ViewerScope,
    private readonly loaders: OrganizationLoaders,
  ) {}

  private get actor(): Actor {
    return { viewer: this.viewer.organizationId, userId: this.viewer.userId, now: this.scope.instant };
  }

  async declare(input: DeclareInput): Promise<ShownLink> {
    const key = idempotencyKey(input.idempotencyKey);
    const hasId = input.supplierId !== null && input.supplierId !== undefined;
    const hasNew = input.newSupplier !== null && input.newSupplier !== undefined;
    if (hasId === hasNew)
      throw badInput('supplierId or newSupplier: give exactly one (an existing supplier, or a new one)');
    if (input.supplierId === this.viewer.organizationId)
      throw badInput(
        `supplierId must be another organization than the customer (a link to itself), got ${quote(input.askedSupplierId ?? input.supplierId)}`,
      );
    const { newSupplier, validity, products } = checkDeclaration(input);
    const link = { id: `link-${randomUUID()}`, products, ...validity };
    const claim = claimOf(
      key,
      'declareSupplyLink',
      this.viewer.organizationId,
      // The supplier as the client named it: a retry after a merge sends the same arguments.
      {
        supplierId: input.askedSupplierId ?? input.supplierId,
        newSupplier,
        products: link.products,
        ...validity,
      },
      this.scope.instant,
      () => endsAfter(validity.validTo, this.scope.instant),
    );
    const outcome =
      newSupplier === null
        ? await this.sourcing.declareExisting(
            input.supplierId ?? '',
            (input.askedSupplierId ?? input.supplierId) !== input.supplierId,
            link,
            this.actor,
            this.scope.context,
            claim,
          )
        : await this.sourcing.declareNew(
            `org-${randomUUID()}`,
            newSupplier,
            link,
            this.actor,
            this.scope.context,
            claim,
          );
    if ('kind' in outcome) throw this.refusal(outcome, input.askedSupplierId ?? input.supplierId ?? '');
    return this.shown(outcome.id);
  }

  private refusal(refusal: DeclareRefusal, asked: string): Error {
    switch (refusal.kind) {
      case 'supplier-unknown':
        return badInput(
          `supplierId ${quote(asked)} is unknown: name an organization you may look up or a listed one (directory), or describe a new one in newSupplier`,
        );
      case 'monitor':
        return badInput(
          refusal.end === 'supplier'
            ? `supplierId ${quote(asked)} names a MONITOR, which has no supply links`
            : `your organization ${quote(this.viewer.organizationId)} is a MONITOR, which has no supply links: it cannot declare suppliers, only receive shares (ask for them with requestAccess)`,
        );
      case 'listed-os-id':
        return badInput(
          `newSupplier.osId is the Open Supply Hub id of listed organization ${quote(refusal.listedId)}: use supplierId: "${refusal.listedId}"`,
        );
    }
  }

  async amend(input: AmendInput): Promise<ShownLink> {
    const key = idempotencyKey(input.idempotencyKey);
    const products = input.products === undefined ? undefined : checkProducts(input.products);
    const validFrom = input.validFrom === undefined ? undefined : dateArgument('validFrom', input.validFrom);
    const validTo = input.validTo === undefined ? undefined : dateArgument('validTo', input.validTo);
    if (products === undefined && validFrom === undefined && validTo === undefined)
      throw badInput('amendSupplyLink needs products, validFrom or validTo to change');
    const claim = claimOf(
      key,
      'amendSupplyLink',
      this.viewer.organizationId,
      { id: input.id, products, validFrom, validTo },
      this.scope.instant,
    );
    return this.change(input.id, claim, (link, now) => {
      const current = { validFrom: iso(link.validFrom), validTo: iso(link.validTo) };
      const validity = checkValidity(
        {
          validFrom: validFrom === undefined ? current.validFrom : validFrom,
          validTo: validTo === undefined ? current.validTo : validTo,
        },
        now,
      );
      const same = (a: Date | null, b: Date | null) => a?.getTime() === b?.getTime();
      const sameProducts = products === undefined || sameSet(products, link.products);
      // An amendment to what the link says already would end it and declare the same again: a trail
      // entry that changed nothing.
      if (
        sameProducts &&
        same(validity.validFrom, current.validFrom) &&
        same(validity.validTo, current.validTo)
      )
        return { kind: 'none' };
      return {
        kind: 'amend',
        // It held until now at the latest (not started yet: never): asOf any earlier instant shows it as it was.
        endAt: notBeforeStart(link, now),
        successor: { id: `link-${randomUUID()}`, products: products ?? link.products, ...validity },
      };
    });
  }

  async end(id: string, validToText: string | null | undefined): Promise<ShownLink> {
    const asked = dateArgument('validTo', validToText);
    if (asked !== null && asked < this.scope.instant)
      throw badInput(
        `validTo must not be in the past (got ${asked.toISOString()}): asOf an earlier instant keeps showing what was recorded then`,
      );
    return this.change(id, null, (link, now) => {
      const validTo = asked ?? now;
      if (link.validTo !== null && validTo > new Date(link.validTo))
        throw badInput(
          `validTo ${validTo.toISOString()} is after the link's end ${link.validTo}: extend a link with amendSupplyLink`,
        );
      const endAt = notBeforeStart(link, validTo);
      // Sent again (a retry after a lost answer), an end at the link's end would record an ENDED event
      // that changed nothing: the link is answered as the first call left it.
      if (link.validTo !== null && endAt.getTime() === new Date(link.validTo).getTime())
        return { kind: 'none' };
      return { kind: 'end', validTo: endAt };
    });
  }

  /**
   * Locks the viewer's own link `id`, refuses an ended one (judged when the lock is held, so that an
   * end or amendment that held it just before counts), and applies `decide`'s change, which is given
   * that instant: the change is dated and recorded at it.
   */
  private async change(
    id: string,
    claim: IdempotencyClaim | null,
    decide: (link: SupplyLink, now: Date) => LinkChange,
  ): Promise<ShownLink> {
    // The instant the change was stamped at, for its answer (shown).
    let stamped = this.scope.instant;
    const changed = await this.sourcing.change(
      id,
      this.actor,
      (link, now) => {
        stamped = now;
        // A link called off before it started (validTo = validFrom) has ended as well.
        if (link.validTo !== null && (new Date(link.validTo) <= now || link.validTo === link.validFrom))
          throw badInput(
            `link ${quote(id)} ${
              link.validTo === link.validFrom
                ? `was called off (ended at its start, ${link.validTo}, it holds at no instant)`
                : `ended at ${link.validTo}`
            }: its history stays as it was; declare a new link instead`,
          );
        return decide(link, now);
      },
      this.scope.context,
      claim,
    );
    if (changed === null)
      throw notFound(
        'Supply link',
        id,
        `among the links in which ${this.viewer.organizationId} is the customer`,
      );
    return this.shown(changed.id, stamped);
  }

  async ownLinks(includeEnded: boolean): Promise<ShownLink[]> {
    return this.primed(await this.sourcing.ownLinks(this.scope, includeEnded));
  }

  /**
   * The viewer's own link `id`, which this request wrote, as it is now with its ends. Gone only with
   * the viewer's organization: merged into another since the write landed (the merge waits for the
   * write's lock on it), the link moved with it and nothing is seen from it any more. Its token names
   * nothing, which the answer says as the next request would, not a fault; the write is kept, now the
   * kept organization's.
   */
  private async shown(id: string, stamped: Date = this.scope.instant): Promise<ShownLink> {
    // Read at an instant no earlier than the one the write was stamped at (when it held the link's
    // lock, after this request started, and after the link's latest event, which a replica whose
    // clock runs ahead may have stamped): a link ended "now" is answered ended.
    const written = { ...this.scope, instant: lockedInstant(stamped) };
    const [shown] = this.primed(await this.sourcing.shownLinks(written, [id]));
    if (shown === undefined) throw unknownTokenOrganization();
    return shown;
  }

  /**
   * Links of the viewer's own whose ends were read with them, each supplier as the viewer may see it
   * (whole, or an identity card once rule 5 no longer lets it look one up): primed, so that a lookup of
   * it in the same request shows no more than that.
   */
  private primed(links: ShownLink[]): ShownLink[] {
    prime(
      this.loaders,
      links.flatMap((l) => [l.supplier, l.customer]),
    );
    return links;
  }

  async events(
    organizationId: string | null | undefined,
    linkId: string | null | undefined,
    page: EventPageArguments,
  ): Promise<SupplyLinkEvent[]> {
    const org =
      organizationId === null || organizationId === undefined
        ? this.viewer.organizationId
        : await keptId(this.loaders, organizationId, this.scope);
    const decision = canReadSourcingTrail(this.viewer, org);
    if (!decision.allowed) throw forbidden(decision.reason);
    const asked = eventPage(page);
    return this.sourcing.events(org, linkId ?? null, asked, this.scope.context);
  }
}
