import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../auth/policy.ts';
import { badInput, forbidden, notFound, unknownTokenOrganization } from '../../domain/errors.ts';
import {
  checkFinding,
  REDACTED_FINDING_TEXTS,
  type Finding,
  type FindingSubmission,
} from '../../domain/findings.ts';
import { claimOf, erasable, idempotencyKey } from '../../domain/idempotency.ts';
import { quote } from '../../domain/quote.ts';
import type { ViewerScope } from '../../domain/viewer-scope.ts';
import type { OrganizationLoaders } from '../organizations/organization-loaders.ts';
import type { FindingRepository } from './finding-repository.ts';

/** What recordFinding takes, once the organization's id is resolved to the organization kept. */
export interface FindingRequest extends FindingSubmission {
  /** The organization: the kept one when the client named an old id of a merged one. */
  organizationId: string;
  /** The id the client sent (default organizationId): a refusal names it, never the kept one. */
  askedOrganizationId?: string;
  idempotencyKey?: string | null | undefined;
}

/** Another monitor's finding, an imported indicator and an unknown id answer alike. */
const absent = (id: string) => notFound('Finding', id);

export class FindingService {
  constructor(
    private readonly findings: FindingRepository,
    private readonly viewer: Viewer,
    private readonly scope: ViewerScope,
    private readonly loaders: OrganizationLoaders,
  ) {}

  /** The viewer organization's findings, newest first: none unless it is a MONITOR that recorded some. */
  recorded(): Promise<Finding[]> {
    return this.findings.own(this.viewer.organizationId, null, this.scope.context);
  }

  async record(input: FindingRequest): Promise<Finding> {
    const monitor = this.viewer.organizationId;
    await this.monitorOnly();
    const asked = input.askedOrganizationId ?? input.organizationId;
    const key = idempotencyKey(input.idempotencyKey);
    const content = checkFinding(input, this.scope.instant);
    if (input.organizationId === monitor)
      throw badInput(`organizationId must be another organization than the monitor, got ${quote(asked)}`);
    // Unclassified, the finding is sent as before topics existed: a retry of a call made then still
    // matches the idempotency key's fingerprint.
    const { topics, ...untagged } = content;
    const asSent = { organizationId: asked, ...untagged, ...(topics.length > 0 ? { topics } : {}) };
    const recorded = await this.findings.record(
      {
        id: `f-${randomUUID()}`,
        monitorId: monitor,
        organizationId: input.organizationId,
        organizationMerged: asked !== input.organizationId,
        content,
        now: this.scope.instant,
        actorUserId: this.viewer.userId,
      },
      this.scope.context,
      // The organization as the client named it: a retry after a merge sends the same arguments.
      erasable(claimOf(key, 'recordFinding', monitor, asSent, this.scope.instant), {
        ...asSent,
        ...REDACTED_FINDING_TEXTS,
      }),
    );
    if (recorded === null) throw notFound('Organization', asked);
    return recorded;
  }

  async withdraw(id: string): Promise<Finding> {
    const outcome = await this.findings.withdraw(this.change(id), this.scope.context);
    if (outcome === 'absent') throw absent(id);
    if (outcome === 'already') throw badInput(`finding ${quote(id)} is already withdrawn`);
    return outcome;
  }

  /**
   * Erases the texts of one of the viewer organization's withdrawn findings, for everyone and at every
   * instant. One that stands is withdrawn first: a public finding with its texts gone would still
   * count, with nothing to say what it found.
   */
  async redact(id: string): Promise<Finding> {
    const outcome = await this.findings.redact(this.change(id), this.scope.context);
    if (outcome === 'absent') throw absent(id);
    if (outcome === 'standing')
      throw badInput(
        `finding ${quote(id)} is not withdrawn: withdraw it first (withdrawFinding), then erase its texts`,
      );
    return outcome;
  }

  private change(id: string) {
    return {
      monitorId: this.viewer.organizationId,
      id,
      now: this.scope.instant,
      actorUserId: this.viewer.userId,
    };
  }

  /**
   * Findings are public statements about other organizations: only an organization the operator made
   * a MONITOR (an NGO, auditor or researcher) records them, never a competitor or a customer.
   */
  private async monitorOnly(): Promise<void> {
    const own = await this.loaders.byId.load(this.viewer.organizationId);
    if (own === null) throw unknownTokenOrganization();
    if (own.type !== 'MONITOR')
      throw forbidden(
        `Recording findings is for MONITOR organizations (NGOs, auditors, researchers); ${own.id} is a ${own.type}.`,
      );
  }
}
