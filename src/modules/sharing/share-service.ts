import { randomUUID } from 'node:crypto';
import { canRevoke, type Viewer } from '../../auth/policy.ts';
import { badInput, forbidden, notFound } from '../../domain/errors.ts';
import { parseInstant } from '../../domain/instants.ts';
import type { Share, ShareEvent } from '../../domain/model.ts';
import type { ShareRepository } from './share-repository.ts';
import type { QueryContext } from '../../domain/viewer-scope.ts';
import { wholeNumberArgument } from '../../domain/whole-number.ts';

const MAX_LINK_IDS = 10_000;
const MAX_EVENTS = 500;

/** What the service needs of the store; its input checks are tested against a scripted one. */
export type ShareStore = Pick<ShareRepository, 'grant' | 'find' | 'revoke' | 'given' | 'received' | 'events'>;

export interface ShareInput {
  recipientId: string;
  linkIds: readonly string[] | null | undefined;
  expiresAt: string | null | undefined;
}

export class ShareService {
  constructor(
    private readonly shares: ShareStore,
    private readonly viewer: Viewer,
    private readonly now: Date,
    private readonly context: QueryContext,
  ) {}

  async grant(input: ShareInput): Promise<Share> {
    const owner = this.viewer.organizationId;
    if (input.recipientId === owner)
      throw badInput('recipientId must be another organization than the owner');
    const linkIds =
      input.linkIds === null || input.linkIds === undefined ? null : [...new Set(input.linkIds)];
    if (linkIds !== null && linkIds.length === 0) {
      throw badInput('linkIds is empty: list the links to share, or pass null to share every link');
    }
    if (linkIds !== null && linkIds.length > MAX_LINK_IDS) {
      throw badInput(`linkIds may list at most ${MAX_LINK_IDS} links, got ${linkIds.length}`);
    }
    let expiresAt: Date | null = null;
    if (input.expiresAt !== null && input.expiresAt !== undefined) {
      expiresAt = parseInstant(input.expiresAt);
      if (expiresAt === null) throw badInput(`expiresAt is not an ISO 8601 date-time: '${input.expiresAt}'`);
      if (expiresAt <= this.now) throw badInput(`expiresAt must be in the future, got ${input.expiresAt}`);
    }
    const outcome = await this.shares.grant(
      {
        id: `s-${randomUUID()}`,
        ownerId: owner,
        recipientId: input.recipientId,
        linkIds,
        expiresAt,
        now: this.now,
        actorUserId: this.viewer.userId,
      },
      this.context,
    );
    if ('id' in outcome) return outcome;
    if (outcome.kind === 'recipient-not-found') throw notFound('Recipient organization');
    const listed = outcome.linkIds
      .slice(0, 20)
      .map((id) => `'${id}'`)
      .join(', ');
    throw badInput(
      `linkIds must be links in which ${owner} is the customer; not so for ${listed}` +
        (outcome.linkIds.length > 20 ? ` and ${outcome.linkIds.length - 20} more` : ''),
    );
  }

  async revoke(id: string): Promise<Share> {
    const share = await this.shares.find(id, this.context);
    const decision = share ? canRevoke(this.viewer, share) : 'NOT_FOUND';
    if (decision === 'NOT_FOUND') throw notFound('Share');
    if (!decision.allowed) throw forbidden(decision.reason);
    const revoked = await this.shares.revoke(
      { id, ownerId: this.viewer.organizationId, now: this.now, actorUserId: this.viewer.userId },
      this.context,
    );
    if (revoked === null) throw notFound('Share');
    return revoked;
  }

  given(includeInactive: boolean): Promise<Share[]> {
    return this.shares.given(this.viewer.organizationId, includeInactive, this.now, this.context);
  }

  received(includeInactive: boolean): Promise<Share[]> {
    return this.shares.received(this.viewer.organizationId, includeInactive, this.now, this.context);
  }

  events(limit: number): Promise<ShareEvent[]> {
    const checked = wholeNumberArgument('limit', limit, 1, MAX_EVENTS);
    return this.shares.events(this.viewer.organizationId, checked, this.context);
  }
}
