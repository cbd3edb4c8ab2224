import { badInput } from '../../domain/errors.ts';
import type { QueryContext } from '../../domain/viewer-scope.ts';
import { mergeRefusal } from './merge-refusal.ts';
import type { MergeRepository, MovedRelationship } from './merge-repository.ts';
import { quote } from '../../domain/quote.ts';

/** How many records a merge moved, by kind (the GraphQL type MovedRecords). */
export interface MovedRecords {
  linksAsCustomer: number;
  linksAsSupplier: number;
  sharesGiven: number;
  sharesReceived: number;
  disclosuresPublished: number;
  disclosuresAbout: number;
  riskIndicators: number;
  accessRequestsSent: number;
  accessRequestsReceived: number;
  findingsRecorded: number;
  other: number;
}

/** What a merge did (the GraphQL type OrganizationMerge). */
export interface OrganizationMerge {
  keptId: string;
  mergedId: string;
  mergedAt: string;
  actorUserId: string;
  moved: MovedRecords;
  frozenShareIds: string[];
  formerlyMergedIds: string[];
}

/** The relationships of an organization, as the kinds of record a merge reports moving. */
const MOVED_FIELD: Record<string, keyof MovedRecords> = {
  'IN SUPPLIES': 'linksAsCustomer',
  'OUT SUPPLIES': 'linksAsSupplier',
  'OUT GRANTED': 'sharesGiven',
  'IN TO': 'sharesReceived',
  'OUT PUBLISHED': 'disclosuresPublished',
  'IN ABOUT': 'disclosuresAbout',
  'OUT HAS_RISK': 'riskIndicators',
  'OUT REQUESTED': 'accessRequestsSent',
  'IN OF': 'accessRequestsReceived',
  'OUT RECORDED': 'findingsRecorded',
};

function movedRecords(moved: readonly MovedRelationship[]): MovedRecords {
  const counts: MovedRecords = {
    linksAsCustomer: 0,
    linksAsSupplier: 0,
    sharesGiven: 0,
    sharesReceived: 0,
    disclosuresPublished: 0,
    disclosuresAbout: 0,
    riskIndicators: 0,
    accessRequestsSent: 0,
    accessRequestsReceived: 0,
    findingsRecorded: 0,
    other: 0,
  };
  for (const { direction, type, count } of moved)
    counts[MOVED_FIELD[`${direction} ${type}`] ?? 'other'] += count;
  return counts;
}

/** Who merges, when, and who hears of it: one request's or one command's. */
export interface MergeOptions {
  /** Who merges: the token's subject, or the operator of the command line. */
  actorUserId: string;
  /** The request's instant: the merge is recorded at it, or later once it holds its locks. */
  at: Date;
  /** The transaction metadata of the request or command (default none). */
  context?: QueryContext;
  /** Called with the merged organization's id once it is gone: this process stops vouching for it. */
  gone?: (organizationId: string) => void;
}

export class MergeService {
  constructor(
    private readonly merges: Pick<MergeRepository, 'merge'>,
    private readonly options: MergeOptions,
  ) {}

  /** mergeOrganizations: everything of mergeId moves to keepId, in one transaction or not at all. */
  async merge(keepId: string, mergeId: string): Promise<OrganizationMerge> {
    if (keepId === mergeId)
      throw badInput(`keepId and mergeId are both ${quote(keepId)}: name two organizations`);
    const { actorUserId, at, context = {}, gone } = this.options;
    const outcome = await this.merges.merge(
      { keepId, mergeId, at, actorUserId },
      (check) => {
        const refusal = mergeRefusal(keepId, mergeId, check);
        if (refusal !== null) throw badInput(refusal);
      },
      context,
    );
    gone?.(mergeId);
    return {
      keptId: keepId,
      mergedId: mergeId,
      mergedAt: outcome.mergedAt.toISOString(),
      actorUserId,
      moved: movedRecords(outcome.moved),
      frozenShareIds: outcome.frozenShareIds,
      formerlyMergedIds: outcome.formerlyMergedIds,
    };
  }
}
