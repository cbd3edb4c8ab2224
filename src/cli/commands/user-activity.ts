// `tiersight user-activity USER_ID`: where the store names one user, for the operator who answers a
// data subject's access request (docs/privacy.md). It reads and never writes: the audit trails are
// the organizations' record of who acted, and rewriting them is not this command's business.
import {
  UserActivityRepository,
  USER_RECORD_KINDS,
  type UserRecord,
} from '../../export/user-activity-repository.ts';
import { quote } from '../../domain/quote.ts';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { withDatabase } from '../environment.ts';

const HELP = `Usage: tiersight user-activity USER_ID [--json]

Lists every record in NEO4J_URI (or the bundled Neo4j when it is unset) that names USER_ID, the
subject (sub) of the tokens a user signed in with: share grants and revokes, sourcing changes,
access request events, disclosure versions and withdrawals, monitors' findings recorded and
withdrawn, screening decisions and merges, oldest first, each with the organization the user acted
for and the organizations the record is between. USER_ID is compared exactly as stored. The access
log names no user (docs/privacy.md), so the store is the whole answer. Read-only.

Options:
  --json   one JSON document on standard output: {"userId", "records": [{kind, recordId, action,
           at, organizationId, parties}]}`;

const LABEL: Record<UserRecord['kind'], string> = {
  SHARE_EVENT: 'share',
  SUPPLY_LINK_EVENT: 'supply link',
  ACCESS_REQUEST_EVENT: 'access request',
  DISCLOSURE_VERSION: 'disclosure',
  DISCLOSURE_WITHDRAWAL: 'disclosure',
  DISCLOSURE_REDACTION: 'disclosure',
  FINDING_RECORDED: 'finding',
  FINDING_WITHDRAWN: 'finding',
  FINDING_REDACTION: 'finding',
  SCREENING_DECISION: 'screening candidate',
  MERGE: 'merged organization',
};

function describe(userId: string, records: UserRecord[]): string {
  if (records.length === 0) return `No record names the user ${quote(userId)}.`;
  const counts = USER_RECORD_KINDS.map(
    (kind) => [kind, records.filter((r) => r.kind === kind).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`);
  const lines = records.map((r) => {
    const actingFor = r.organizationId === null ? '' : ` for ${r.organizationId}`;
    const parties = r.parties.length === 0 ? '' : ` (${r.parties.join(', ')})`;
    return `${r.at}  ${r.kind}  ${LABEL[r.kind]} ${r.recordId}: ${r.action}${actingFor}${parties}`;
  });
  const total = `${records.length} record${records.length === 1 ? '' : 's'}`;
  return [`The user ${quote(userId)} is named on ${total}: ${counts.join(', ')}.`, ...lines].join('\n');
}

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    'user-activity',
    args,
    { json: { type: 'boolean' } },
    HELP,
    true,
  );
  const [userId, ...extra] = positionals;
  if (userId === undefined || extra.length > 0)
    throw new CliError(`user-activity takes exactly one USER_ID\n\n${HELP}`, 2);
  if (userId.trim() === '')
    throw new CliError(`user-activity: USER_ID must not be empty, got ${quote(userId)}`, 2);
  const records = await withDatabase(
    ({ executor }) => new UserActivityRepository(executor).records(userId),
    'require',
  );
  console.log(
    values.json === true ? JSON.stringify({ userId, records }, null, 2) : describe(userId, records),
  );
}
