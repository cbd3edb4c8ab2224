// Request-scoped use cases of disclosures: the content rules (src/domain/disclosures.ts), the owner's
// writes and lists, and the errors the contract asks for. Who may see what is decided by the
// repository's statements (rule 8); the service only shapes what they return.
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../auth/policy.ts';
import { scopeAt } from '../../domain/chain-arguments.ts';
import {
  byPublishedAt,
  checkContent,
  disclosureAt,
  noRoomForVersion,
  redactedContent,
  redactionRefusal,
  type ContentSubmission,
  type Disclosure,
  type DisclosureContent,
  type StoredDisclosure,
} from '../../domain/disclosures.ts';
import { badInput, notFound } from '../../domain/errors.ts';
import { claimOf, erasable, idempotencyKey } from '../../domain/idempotency.ts';
import type { ActionStatus, DisclosureKind, Verification } from '../../domain/format.ts';
import { openActionsLeftOut } from '../../domain/open-actions-kept.ts';
import { quote } from '../../domain/quote.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import type { DisclosureRepository, GivenFilter, LockedDisclosure } from './disclosure-repository.ts';

/** What the service needs of the store. */
type DisclosureStore = Pick<
  DisclosureRepository,
  'publish' | 'revise' | 'withdraw' | 'redact' | 'given' | 'received'
>;

interface ActionChange {
  status?: ActionStatus | null | undefined;
  dueAt?: string | null | undefined;
  verification?: Verification | null | undefined;
  closedAt?: string | null | undefined;
}

const invalid = (problems: readonly string[]) => badInput(`Invalid disclosure: ${problems.join('; ')}`);

/** The content rules, or BAD_USER_INPUT naming every bad field and value. */
function checked(kind: DisclosureKind, content: ContentSubmission, now: Date): DisclosureContent {
  const outcome = checkContent(kind, content, now, 'sent');
  if (outcome.content === null) throw invalid(outcome.problems);
  return outcome.content;
}

function notWithdrawn(id: string, locked: LockedDisclosure): void {
  if (locked.withdrawnAt !== null)
    throw badInput(
      `disclosure ${quote(id)} was withdrawn at ${locked.withdrawnAt}; a withdrawn disclosure no longer changes`,
    );
}

export class DisclosureService {
  constructor(
    private readonly disclosures: DisclosureStore,
    private readonly viewer: Viewer,
    /** The request's scope: its viewer, and "now". */
    private readonly scope: ViewerScope,
  ) {}

  private get now(): Date {
    return this.scope.instant;
  }

  private shown(stored: StoredDisclosure): Disclosure {
    return disclosureAt(stored, this.now);
  }

  async publish(input: {
    /** The subject: the kept organization when the client named it by an old id of a merged one. */
    subjectId: string;
    /** The id the client sent (default subjectId): a refusal names it, never the kept one. */
    askedSubjectId?: string;
    kind: DisclosureKind;
    content: ContentSubmission;
    /** A retry with the same key answers the disclosure the first call published. */
    idempotencyKey?: string | null | undefined;
  }): Promise<Disclosure> {
    const key = idempotencyKey(input.idempotencyKey);
    const content = checked(input.kind, input.content, this.now);
    const owner = this.viewer.organizationId;
    // The subject as the client named it: a retry after a merge sends the same arguments.
    const normalized = { subjectId: input.askedSubjectId ?? input.subjectId, kind: input.kind, content };
    const published = await this.disclosures.publish(
      {
        id: `d-${randomUUID()}`,
        ownerId: owner,
        subjectId: input.subjectId,
        kind: input.kind,
        content,
        now: this.now,
        actorUserId: this.viewer.userId,
      },
      this.scope.context,
      erasable(claimOf(key, 'publishDisclosure', owner, normalized, this.now), {
        ...normalized,
        content: redactedContent(content),
      }),
    );
    if (published === null)
      throw badInput(
        `subjectId ${quote(input.askedSubjectId ?? input.subjectId)} must be ${owner} itself or one ` +
          `of its direct suppliers (the supplier of a link with ${owner} as customer, whatever its dates)`,
      );
    return this.shown(published);
  }

  async update(id: string, submitted: ContentSubmission): Promise<Disclosure> {
    return this.revise(id, (locked) => {
      notWithdrawn(id, locked);
      const content = checked(locked.kind, submitted, this.now);
      const leftOut = openActionsLeftOut(locked.current.actions, content.actions, this.now);
      if (leftOut !== null) throw badInput(leftOut);
      return content;
    });
  }

  async updateAction(disclosureId: string, actionId: string, change: ActionChange): Promise<Disclosure> {
    if (Object.values(change).every((value) => value === null || value === undefined))
      throw badInput('input changes nothing: give status, dueAt, verification or closedAt');
    return this.revise(disclosureId, (locked) => {
      notWithdrawn(disclosureId, locked);
      const index = locked.current.actions.findIndex((action) => action.id === actionId);
      const action = locked.current.actions[index];
      if (action === undefined)
        throw notFound('Corrective action', actionId, `in disclosure ${quote(disclosureId)}`);
      const status = change.status ?? action.status;
      const actions = locked.current.actions.map((a, i) =>
        i !== index
          ? a
          : {
              ...a,
              status,
              dueAt: change.dueAt ?? a.dueAt,
              // Reopening clears the closing and how it was verified, unless the change names them
              // (which is then refused).
              verification: change.verification ?? (status === 'CLOSED' ? a.verification : null),
              closedAt: change.closedAt ?? (status === 'CLOSED' ? a.closedAt : null),
            },
      );
      // The texts are the stored version's: the change sends none, and one kept from before the
      // character rule (an older backup's) must not block an action's update.
      const outcome = checkContent(locked.kind, { ...locked.current, actions }, this.now, 'stored');
      if (outcome.content === null)
        throw invalid(
          outcome.problems.map((p) => p.replace(`actions[${index}]`, `action ${quote(actionId)}`)),
        );
      return outcome.content;
    });
  }

  async withdraw(id: string): Promise<Disclosure> {
    const withdrawn = await this.disclosures.withdraw(
      { id, ownerId: this.viewer.organizationId, now: this.now, actorUserId: this.viewer.userId },
      this.scope.context,
    );
    if (withdrawn === null) throw notFound('Disclosure', id);
    // Stamped once its lock was held, the withdrawal can come a moment after this request's instant:
    // the answer shows the disclosure as of the withdrawal.
    const stamped = withdrawn.withdrawnAt === null ? this.now : new Date(withdrawn.withdrawnAt);
    return disclosureAt(withdrawn, stamped > this.now ? stamped : this.now);
  }

  /** Erases the texts of an earlier version (redactedContent); the disclosure as it now stands. */
  async redact(id: string, version: number): Promise<Disclosure> {
    const redacted = await this.disclosures.redact(
      { id, ownerId: this.viewer.organizationId, now: this.now, actorUserId: this.viewer.userId, version },
      (locked) => {
        const current = { version: locked.current.version, withdrawn: locked.withdrawnAt !== null };
        const refusal = redactionRefusal(id, version, current);
        if (refusal !== null) throw badInput(refusal);
      },
      this.scope.context,
    );
    if (redacted === null) throw notFound('Disclosure', id);
    return this.shown(redacted);
  }

  async given(filter: GivenFilter, asOf: string | null | undefined): Promise<Disclosure[]> {
    const scope = scopeAt(this.scope, asOf);
    const own = await this.disclosures.given(scope, filter);
    return own.map((d) => disclosureAt(d, scope.instant, scope.historical)).sort(byPublishedAt);
  }

  async received(kind: DisclosureKind | null, asOf: string | null | undefined): Promise<Disclosure[]> {
    const scope = scopeAt(this.scope, asOf);
    const found = await this.disclosures.received(scope, kind);
    return found.map((d) => disclosureAt(d, scope.instant, scope.historical)).sort(byPublishedAt);
  }

  private async revise(
    id: string,
    change: (locked: LockedDisclosure) => DisclosureContent,
  ): Promise<Disclosure> {
    const revised = await this.disclosures.revise(
      { id, ownerId: this.viewer.organizationId, now: this.now, actorUserId: this.viewer.userId },
      (locked) => {
        // Past the bound, no tiersight/v1 record could hold the disclosure, and every backup would fail.
        const full = noRoomForVersion(id, locked.current.version);
        if (full !== null) throw badInput(full);
        return change(locked);
      },
      this.scope.context,
    );
    if (revised === null) throw notFound('Disclosure', id);
    return this.shown(revised);
  }
}
