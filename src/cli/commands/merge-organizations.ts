// `tiersight merge-organizations KEEP MERGE`: the operator's way to merge duplicate records, the same
// use case as the mergeOrganizations mutation (docs/operations.md).
import { userInfo } from 'node:os';
import { DomainError } from '../../domain/errors.ts';
import { MergeRepository } from '../../modules/merging/merge-repository.ts';
import { MergeService, type OrganizationMerge } from '../../modules/merging/merge-service.ts';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { withDatabase } from '../environment.ts';
import { quote } from '../../domain/quote.ts';

const HELP = `Usage: tiersight merge-organizations KEEP MERGE [--actor NAME]

Merges the organization MERGE into KEEP in NEO4J_URI (or the bundled Neo4j when it is unset): its
supply links, shares, disclosures, risk indicators and access requests move to KEEP, MERGE is
removed, and every later lookup of MERGE resolves to KEEP. Shares that covered all of one side's
links are frozen to the links they covered, so that nobody sees more than before. Nothing is
written when the merge is refused. See docs/operations.md.

Options:
  --actor NAME   who merges, recorded on the merge (default: cli:<your user name>)`;

function describeMerge(merge: OrganizationMerge): string {
  const moved = Object.entries(merge.moved)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`);
  return [
    `Merged ${quote(merge.mergedId)} into ${quote(merge.keptId)} at ${merge.mergedAt} (by ${merge.actorUserId}).`,
    `Moved: ${moved.length > 0 ? moved.join(', ') : 'nothing'}.`,
    `Frozen shares: ${merge.frozenShareIds.length > 0 ? merge.frozenShareIds.join(', ') : 'none'}.`,
    ...(merge.formerlyMergedIds.length > 0
      ? [`Also resolving to ${quote(merge.keptId)} now: ${merge.formerlyMergedIds.map(quote).join(', ')}.`]
      : []),
  ].join('\n');
}

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    'merge-organizations',
    args,
    { actor: { type: 'string' } },
    HELP,
    true,
  );
  const [keepId, mergeId, ...extra] = positionals;
  if (keepId === undefined || mergeId === undefined || extra.length > 0)
    throw new CliError(`merge-organizations takes exactly KEEP and MERGE\n\n${HELP}`, 2);
  const actor = values.actor ?? `cli:${userInfo().username}`;
  if (actor.trim() === '') throw new CliError('merge-organizations: --actor must not be empty', 2);
  const merge = await withDatabase(async ({ executor }) => {
    const service = new MergeService(new MergeRepository(executor), { actorUserId: actor, at: new Date() });
    try {
      return await service.merge(keepId, mergeId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'BAD_USER_INPUT')
        throw new CliError(`merge-organizations: ${error.message}; nothing was written`);
      throw error;
    }
  });
  console.log(describeMerge(merge));
}
