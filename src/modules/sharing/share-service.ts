import { randomUUID } from 'node:crypto';
import { canRevoke, type Viewer } from '../../auth/policy.ts';
import { badInput, forbidden, notFound, refuseProblems } from '../../domain/errors.ts';
import { endedLinksProblem } from '../../domain/ended-links.ts';
import { narrowingIds, type NarrowingWords } from '../../domain/narrowing-ids.ts';
import { claimOf, idempotencyKey } from '../../domain/idempotency.ts';
import { instantArgument } from '../../domain/chain-arguments.ts';
import { quote } from '../../domain/quote.ts';
import type { Share, ShareEvent } from '../../domain/model.ts';
import type { ShareScope } from '../../domain/format.ts';
import type { ShareFilter, ShareRepository } from './share-repository.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import { eventPage, type EventPageArguments } from '../../domain/event-pages.ts';

/** Ids quoted for a message: the first 20, and how many more. */
const listed = (ids: readonly string[]) =>
  ids
    .slice(0, 20)
    .map((id) => quote(id))
    .join(', ') + (ids.length > 20 ? ` and ${ids.length - 20} more` : '');

/** What the service needs of the store; its input checks are tested against a scripted one. */
export type ShareStore = Pick<ShareRepository, 'grant' | 'find' | 'revoke' | 'given' | 'received' | 'events'>;

/** Whom a new share goes to. */
interface Recipient {
  /** The recipient: the kept organization when the client named it by an old id of a merged one. */
  recipientId: string;
  /**
   * The id the client sent (default recipientId). When it differs, it is an old id of a merged
   * organization (see NewShare's recipientMerged); a refusal names it, never the kept one.
   */
  askedRecipientId?: string;
  /** A retry with the same key answers the share the first call created (docs/specification.md). */
  idempotencyKey?: string | null | undefined;
}

interface DisclosureShareInput extends Recipient {
  disclosureIds: readonly string[] | null | undefined;
  expiresAt: string | null | undefined;
}

export interface ShareInput extends Recipient {
  linkIds: readonly string[] | null | undefined;
  expiresAt: string | null | undefined;
}

/** How a share's id list is refused, naming what it lists ("links", "disclosures"). */
const narrowing = (items: string): NarrowingWords => ({
  items,
  whenEmpty: `list the ${items} to share, or pass null to share every one`,
});

export class ShareService {
  constructor(
    private readonly shares: ShareStore,
    private readonly viewer: Viewer,
    private readonly scope: ViewerScope,
  ) {}

  /** shareSourcing: links in which the owner is the customer (null: all of them, now and later). */
  async grant(input: ShareInput): Promise<Share> {
    const problems: string[] = [];
    const linkIds = narrowingIds(problems, 'linkIds', input.linkIds, narrowing('links'));
    return this.create('SOURCING', input, { linkIds, disclosureIds: null }, problems);
  }

  /** shareDisclosures: the owner's disclosures that are not withdrawn (null: all, now and later). */
  async grantDisclosures(input: DisclosureShareInput): Promise<Share> {
    const problems: string[] = [];
    const disclosureIds = narrowingIds(
      problems,
      'disclosureIds',
      input.disclosureIds,
      narrowing('disclosures'),
    );
    return this.create('DISCLOSURES', input, { linkIds: null, disclosureIds }, problems);
  }

  private async create(
    scope: ShareScope,
    input: Recipient & { expiresAt: string | null | undefined },
    narrowed: { linkIds: string[] | null; disclosureIds: string[] | null },
    listProblems: readonly string[],
  ): Promise<Share> {
    const owner = this.viewer.organizationId;
    const asked = input.askedRecipientId ?? input.recipientId;
    const problems = [
      ...(input.recipientId === owner
        ? [`recipientId must be another organization than the owner, got ${quote(asked)}`]
        : []),
      ...listProblems,
    ];
    refuseProblems(problems);
    const expiresAt = instantArgument('expiresAt', input.expiresAt);
    const claim = claimOf(
      idempotencyKey(input.idempotencyKey),
      scope === 'SOURCING' ? 'shareSourcing' : 'shareDisclosures',
      owner,
      // The recipient as the client named it: a retry after a merge sends the same arguments.
      { recipientId: asked, ...narrowed, expiresAt },
      this.scope.instant,
      () => {
        if (expiresAt !== null && expiresAt <= this.scope.instant)
          throw badInput(`expiresAt must be in the future, got ${expiresAt.toISOString()}`);
      },
    );
    const outcome = await this.shares.grant(
      {
        id: `s-${randomUUID()}`,
        ownerId: owner,
        recipientId: input.recipientId,
        recipientMerged: asked !== input.recipientId,
        scope,
        ...narrowed,
        expiresAt,
        now: this.scope.instant,
        actorUserId: this.viewer.userId,
      },
      this.scope.context,
      claim,
    );
    if ('id' in outcome) return outcome;
    if (outcome.kind === 'recipient-not-found') throw notFound('Organization', asked);
    if (outcome.kind === 'links-not-owned')
      throw badInput(
        `linkIds must be links in which ${owner} is the customer; not so for ${listed(outcome.linkIds)}`,
      );
    if (outcome.kind === 'links-ended') throw badInput(endedLinksProblem(outcome.links));
    if (outcome.kind === 'duplicate')
      throw badInput(
        `share ${quote(outcome.shareId)} already shows ${quote(asked)} the same (active, same end, and the same ${scope === 'SOURCING' ? 'links that hold now or later' : 'disclosures not withdrawn'}): ` +
          'a second would add nothing, and revoking one of the two would leave the other',
      );
    throw badInput(
      `disclosureIds must be disclosures that ${owner} published and has not withdrawn; not so for ${listed(outcome.disclosureIds)}`,
    );
  }

  async revoke(id: string): Promise<Share> {
    const share = await this.shares.find(this.viewer.organizationId, id, this.scope.context);
    const decision = share ? canRevoke(this.viewer, share) : 'NOT_FOUND';
    if (decision === 'NOT_FOUND') throw notFound('Share', id);
    if (!decision.allowed) throw forbidden(decision.reason);
    const revoked = await this.shares.revoke(
      { id, ownerId: this.viewer.organizationId, now: this.scope.instant, actorUserId: this.viewer.userId },
      this.scope.context,
    );
    if (revoked === null) throw notFound('Share', id);
    return revoked;
  }

  given(filter: ShareFilter): Promise<Share[]> {
    return this.shares.given(this.viewer.organizationId, filter, this.scope.instant, this.scope.context);
  }

  received(filter: ShareFilter): Promise<Share[]> {
    return this.shares.received(this.viewer.organizationId, filter, this.scope.instant, this.scope.context);
  }

  events(page: EventPageArguments): Promise<ShareEvent[]> {
    return this.shares.events(this.viewer.organizationId, eventPage(page), this.scope.context);
  }
}
