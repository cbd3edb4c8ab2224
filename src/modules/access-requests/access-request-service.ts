import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../auth/policy.ts';
import {
  MAX_NOTE,
  SHARE_SCOPES_ASKED,
  defaultDueAt,
  extensionProblem,
  reminderProblem,
  requestedDueProblem,
  type AccessRequest,
  type AccessRequestStatus,
  type AccessScope,
} from '../../domain/access-requests.ts';
import { badInput, notFound, refuseProblems, unknownTokenOrganization } from '../../domain/errors.ts';
import { endedLinksProblem } from '../../domain/ended-links.ts';
import { narrowingIds, type NarrowingWords } from '../../domain/narrowing-ids.ts';
import { checkText } from '../../domain/field-checks.ts';
import { checkedProducts } from '../../domain/products.ts';
import { claimOf, erasable, idempotencyKey } from '../../domain/idempotency.ts';
import { quote, quoteList } from '../../domain/quote.ts';
import type { QueryContext, ViewerScope } from '../../domain/viewer-scope.ts';
import { instantArgument, scopeAt } from '../../domain/chain-arguments.ts';
import type { AccessRequestRepository, AnswerSteps, ShareSpec } from './access-request-repository.ts';

const LISTED = 20;

interface RequestInput {
  /** The target: the kept organization when the client named it by an old id of a merged one. */
  organizationId: string;
  /** The id the client sent (default organizationId): a refusal names it, never the kept one. */
  askedOrganizationId?: string;
  scope: AccessScope;
  products: readonly string[] | null | undefined;
  message: string | null | undefined;
  /** When the answer is due; absent: ANSWER_DAYS after sending. */
  dueAt?: string | null | undefined;
  /** A retry with the same key answers the request the first call sent. */
  idempotencyKey?: string | null | undefined;
}

interface AnswerInput {
  id: string;
  decision: 'GRANT' | 'DECLINE' | 'EXTEND';
  reason: string | null | undefined;
  dueAt: string | null | undefined;
  linkIds: readonly string[] | null | undefined;
  disclosureIds: readonly string[] | null | undefined;
  expiresAt: string | null | undefined;
  /** Of a BOTH request, the one scope a grant gives (null: the request's own). */
  grantScope?: AccessScope | null | undefined;
  /** A retry with the same key answers the request as the first call answered it. */
  idempotencyKey?: string | null | undefined;
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** A note (message, reason): null when blank; a problem when longer than MAX_NOTE or holding a control. */
const note = (problems: string[], field: string, value: string | null | undefined): string | null =>
  checkText(problems, field, value, MAX_NOTE, false, 'multi-line');

/** How an answer's linkIds and disclosureIds are refused (they narrow the share a GRANT creates). */
const NARROWING: NarrowingWords = {
  items: 'ids',
  whenEmpty: 'list what to share, or leave it out to share all',
};

/** Why two different scopes overlap (one of them is BOTH): BOTH asks for the share the other asks for. */
function overlapWords(open: AccessScope, asked: AccessScope): string {
  const single = open === 'BOTH' ? asked : open;
  return `BOTH asks for the ${single === 'SOURCING' ? 'sourcing' : 'disclosure'} share ${single} asks for`;
}

/**
 * What a GRANT without linkIds shares of the target's sourcing: for a request naming products, the
 * target's links that hold now or start later and carry any of them (sharing every link would give the
 * requester more than it asked for); for one naming none, every link, now and later (null). Refused,
 * writing nothing, when no link carries any: an empty share would grant nothing, and a whole one too much.
 */
async function askedLinks(request: AccessRequest, steps: AnswerSteps): Promise<string[] | null> {
  if (request.products.length === 0) return null;
  const carrying = await steps.linksCarrying(request.products);
  if (carrying.length > 0) return carrying;
  throw badInput(
    `access request ${quote(request.id)} asks for the products ${quoteList(request.products, LISTED)}, ` +
      `and no link in which ${request.targetId} is the customer, holding now or starting later, carries any of them: ` +
      'grant with linkIds to choose the links to share, or decline it' +
      (request.scope === 'BOTH'
        ? ' (or grant with grantScope: DISCLOSURES to give your disclosures alone)'
        : ''),
  );
}

/**
 * The scope a grant gives: the request's own, or with `grantScope` one of a BOTH request's two (the
 * narrower shares section 9 lets the target choose). Any other is refused, naming both.
 */
function grantedScope(request: AccessRequest, grantScope: AccessScope | null): AccessScope {
  if (grantScope === null || grantScope === request.scope) return request.scope;
  if (request.scope === 'BOTH') return grantScope;
  throw badInput(
    `grantScope ${grantScope} is not what access request ${quote(request.id)} asks for (${request.scope}): ` +
      `leave it out, or give ${request.scope}`,
  );
}

/** Request-scoped use cases of access requests (specification, section 8): validation, policy and errors. */
export class AccessRequestService {
  constructor(
    private readonly requests: AccessRequestRepository,
    private readonly viewer: Viewer,
    private readonly scope: ViewerScope,
  ) {}

  private get now(): Date {
    return this.scope.instant;
  }

  private get context(): QueryContext {
    return this.scope.context;
  }

  private get actor() {
    return { viewer: this.viewer.organizationId, actorUserId: this.viewer.userId, now: this.now };
  }

  async request(input: RequestInput): Promise<AccessRequest> {
    const key = idempotencyKey(input.idempotencyKey);
    const asked = input.askedOrganizationId ?? input.organizationId;
    const problems: string[] = [];
    // The viewer knows its own id: saying so hides nothing, where NOT_FOUND would tell it it does not exist.
    if (input.organizationId === this.viewer.organizationId)
      problems.push(`organizationId must be another organization than the requester, got ${quote(asked)}`);
    const products = checkedProducts('products', input.products, 'one-line');
    problems.push(...products.problems);
    const asks = {
      targetId: input.organizationId,
      scope: input.scope,
      products: products.products,
      message: note(problems, 'message', input.message),
    };
    refuseProblems(problems);
    const chosenDue = instantArgument('dueAt', input.dueAt);
    const sentAs = { ...asks, targetId: asked, dueAt: chosenDue?.toISOString() ?? null };
    const outcome = await this.requests.send(
      {
        id: `ar-${randomUUID()}`,
        requesterId: this.viewer.organizationId,
        ...asks,
        now: this.now,
        dueAt: chosenDue ?? defaultDueAt(this.now),
        actorUserId: this.viewer.userId,
      },
      this.context,
      // The organization as the client named it: a retry after a merge sends the same arguments. The
      // due date as asked: the default moves with each call's instant.
      erasable(
        claimOf(
          key,
          'requestAccess',
          this.viewer.organizationId,
          sentAs,
          this.now,
          // Judged for a new key only: a retry after the due date answers the request it sent.
          () => {
            const problem = chosenDue === null ? null : requestedDueProblem(this.now, chosenDue);
            if (problem !== null) throw badInput(problem);
          },
        ),
        { ...sentAs, message: null },
      ),
    );
    if ('id' in outcome) return outcome;
    if (outcome.kind === 'target-not-found') throw notFound('Organization', asked);
    // As the token is answered once no process vouches for its organization any more.
    if (outcome.kind === 'requester-gone') throw unknownTokenOrganization();
    // The open request is the requester's own: naming it and its scope tells nothing of the target.
    const overlap =
      outcome.openScope === input.scope ? '' : `, and ${overlapWords(outcome.openScope, input.scope)}`;
    throw badInput(
      `access request ${quote(outcome.openId)} to ${quote(asked)} for ${outcome.openScope} is still open${overlap}: ` +
        'withdraw it or wait for its answer before asking again',
    );
  }

  async answer(input: AnswerInput): Promise<AccessRequest> {
    const key = idempotencyKey(input.idempotencyKey);
    const problems: string[] = [];
    const reason = note(problems, 'reason', input.reason);
    const reasonRefused = problems.length > 0;
    const grant = input.decision === 'GRANT';
    for (const [field, value] of [
      ['linkIds', input.linkIds],
      ['disclosureIds', input.disclosureIds],
      ['expiresAt', input.expiresAt],
      ['grantScope', input.grantScope],
    ] as const) {
      if (!grant && given(value)) problems.push(`${field} belongs to a GRANT, not to ${input.decision}`);
    }
    if (input.decision !== 'EXTEND' && given(input.dueAt))
      problems.push(`dueAt belongs to an EXTEND, not to ${input.decision}`);
    if (input.decision !== 'GRANT' && reason === null && !reasonRefused)
      problems.push(`reason is required to ${input.decision === 'DECLINE' ? 'decline' : 'extend'}`);
    const dueAt = instantArgument('dueAt', input.dueAt);
    if (input.decision === 'EXTEND' && dueAt === null) problems.push('dueAt is required to extend');
    // What belongs to a grant is judged in a grant only: once misplaced is all there is to say of it.
    const linkIds = grant ? narrowingIds(problems, 'linkIds', input.linkIds, NARROWING) : null;
    const disclosureIds = grant
      ? narrowingIds(problems, 'disclosureIds', input.disclosureIds, NARROWING)
      : null;
    const expiresAt = instantArgument('expiresAt', input.expiresAt);
    refuseProblems(problems);

    const asked = {
      id: input.id,
      decision: input.decision,
      reason,
      dueAt,
      linkIds,
      disclosureIds,
      expiresAt,
      // Left out when absent (undefined is not hashed), so that a call without it keeps the fingerprint
      // it had before grantScope existed: a key stored then, by another replica of a rolling upgrade or
      // in the day before it, still answers its own retry.
      grantScope: input.grantScope ?? undefined,
    };
    const claim = erasable(claimOf(key, 'answerAccessRequest', this.viewer.organizationId, asked, this.now), {
      ...asked,
      reason: null,
    });
    return this.requests.answer(
      this.actor,
      input.id,
      this.context,
      async (steps: AnswerSteps) => {
        const request = steps.request;
        if (request === null) throw notFound('Access request', input.id);
        if (request.status !== 'OPEN') {
          throw badInput(
            `access request ${quote(request.id)} is ${request.status}: only an OPEN request may be answered`,
          );
        }
        if (input.decision === 'DECLINE') return steps.decline(reason!);
        if (input.decision === 'EXTEND') {
          if (request.extended) {
            throw badInput(
              `access request ${quote(request.id)} was already extended; a request is extended once`,
            );
          }
          const problem = extensionProblem(
            { sentAt: new Date(request.sentAt), dueAt: new Date(request.dueAt) },
            dueAt!,
          );
          if (problem !== null) throw badInput(problem);
          return steps.extend(dueAt!, reason!);
        }
        // Judged in the answer, which a retry with the same idempotency key does not run again: once
        // the instant has passed, a retry answers the request it granted rather than a refusal.
        if (expiresAt !== null && expiresAt <= this.now) {
          throw badInput(`expiresAt must be in the future, got ${expiresAt.toISOString()}`);
        }
        const scope = grantedScope(request, input.grantScope ?? null);
        const asked = SHARE_SCOPES_ASKED[scope];
        const gives =
          scope === request.scope
            ? `access request ${quote(request.id)} asks for ${request.scope}`
            : `this grant of access request ${quote(request.id)} gives ${scope} alone (grantScope)`;
        if (linkIds !== null && !asked.includes('SOURCING'))
          throw badInput(`linkIds narrow a sourcing share; ${gives}`);
        if (disclosureIds !== null && !asked.includes('DISCLOSURES'))
          throw badInput(`disclosureIds narrow a disclosure share; ${gives}`);
        const sourcingLinks =
          linkIds ?? (asked.includes('SOURCING') ? await askedLinks(request, steps) : null);
        const shares: ShareSpec[] = asked.map((scope) => ({
          id: `s-${randomUUID()}`,
          scope,
          linkIds: scope === 'SOURCING' ? sourcingLinks : null,
          disclosureIds: scope === 'DISCLOSURES' ? disclosureIds : null,
        }));
        const outcome = await steps.grant(shares, expiresAt, reason);
        if ('id' in outcome) return outcome;
        const owner = this.viewer.organizationId;
        const problems = [
          ...(outcome.notOwned.length > 0
            ? [
                `linkIds must be links in which ${owner} is the customer; not so for ${quoteList(outcome.notOwned, LISTED)}`,
              ]
            : []),
          ...(outcome.ended.length > 0 ? [endedLinksProblem(outcome.ended)] : []),
          ...(outcome.notDisclosed.length > 0
            ? [
                `disclosureIds must be disclosures ${owner} published and has not withdrawn; not so for ${quoteList(outcome.notDisclosed, LISTED)}`,
              ]
            : []),
        ];
        throw badInput(problems.join('; '));
      },
      claim,
    );
  }

  /**
   * Reminds the target of an overdue request the viewer's organization sent: the message is judged
   * before the request is sought, so that a bad one says the same for any id; the request's state and
   * its last reminder are judged under its lock (reminderProblem), at the instant the reminder is
   * recorded.
   */
  async remind(input: {
    id: string;
    message: string | null | undefined;
    idempotencyKey?: string | null | undefined;
  }): Promise<AccessRequest> {
    const key = idempotencyKey(input.idempotencyKey);
    const problems: string[] = [];
    const message = note(problems, 'message', input.message);
    refuseProblems(problems);
    const asked = { id: input.id, message };
    const claim = erasable(claimOf(key, 'remindAccessRequest', this.viewer.organizationId, asked, this.now), {
      ...asked,
      message: null,
    });
    return this.requests.remind(
      this.actor,
      input.id,
      this.context,
      async (steps) => {
        if (steps.request === null) throw notFound('Access request', input.id);
        const problem = reminderProblem(
          input.id,
          { ...steps.request, lastRemindedAt: steps.lastRemindedAt },
          steps.at,
        );
        if (problem !== null) throw badInput(problem);
        return steps.remind(message);
      },
      claim,
    );
  }

  async withdraw(id: string): Promise<AccessRequest> {
    const outcome = await this.requests.withdraw(this.actor, id, this.context);
    if (outcome === null) throw notFound('Access request', id);
    // Withdrawing twice (a retry after a lost answer) answers the request as withdrawing once did.
    if (!outcome.changed && outcome.request.status !== 'WITHDRAWN') {
      throw badInput(
        `access request ${quote(id)} is ${outcome.request.status}: only an OPEN request may be withdrawn`,
      );
    }
    return outcome.request;
  }

  /**
   * Erases the texts the viewer's organization wrote on one of its closed requests, for both parties and
   * at every instant. An open one is closed first: its texts are still the terms of the question.
   */
  async redact(id: string): Promise<AccessRequest> {
    const outcome = await this.requests.redact(this.actor, id, this.context);
    if (outcome === null) throw notFound('Access request', id);
    if (!('open' in outcome)) return outcome;
    const first =
      outcome.open.requesterId === this.viewer.organizationId
        ? 'withdraw it first (withdrawAccessRequest)'
        : 'answer it first (answerAccessRequest)';
    throw badInput(`access request ${quote(id)} is OPEN: ${first}, then erase your organization's texts`);
  }

  /** Request `id` the viewer's organization sent or received; with `asOf`, by then and as it stood then. */
  find(id: string, asOf: string | null | undefined): Promise<AccessRequest | null> {
    return this.requests.find(scopeAt(this.scope, asOf), id);
  }

  sent(status: AccessRequestStatus | null, asOf: string | null | undefined): Promise<AccessRequest[]> {
    return this.requests.sent(scopeAt(this.scope, asOf), status);
  }

  received(status: AccessRequestStatus | null, asOf: string | null | undefined): Promise<AccessRequest[]> {
    return this.requests.received(scopeAt(this.scope, asOf), status);
  }
}
