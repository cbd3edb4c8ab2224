import { isRole, ROLES, type Role } from '../../domain/roles.ts';
import { formatTtl, maxTokenLifetime, parseTtl, signToken } from '../../auth/tokens.ts';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { commandConfig } from '../environment.ts';
import { quote } from '../../domain/quote.ts';

const HELP = `Usage: tiersight token --org ID --role ROLE [--role ROLE2] [--ttl 1h] [--sub USER]

Prints an HS256 access token signed with JWT_SECRET (or the development secret when it is unset).

Options:
  --org ID      organization the token speaks for (its id, e.g. se-region-stockholm)
  --role ROLE   ${ROLES.join(', ')}; repeat for several
  --ttl TTL     lifetime: 90s, 15m, 1h (default), 7d; at most JWT_MAX_LIFETIME (24h unless set)
  --sub USER    user id (subject); default: cli@<org>`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseCommandArgs(
    'token',
    args,
    {
      org: { type: 'string' },
      role: { type: 'string', multiple: true },
      ttl: { type: 'string', default: '1h' },
      sub: { type: 'string' },
    },
    HELP,
  );
  const org = values.org?.trim();
  if (!org) throw new CliError(`token: --org is required\n\n${HELP}`, 2);
  const roles = values.role ?? [];
  if (roles.length === 0)
    throw new CliError(`token: at least one --role is required (${ROLES.join(', ')})`, 2);
  const bad = roles.find((role) => !isRole(role));
  if (bad !== undefined)
    throw new CliError(`token: unknown role ${quote(bad)}; expected one of ${ROLES.join(', ')}`, 2);
  const ttl = parseTtl(values.ttl);
  if (ttl === null)
    throw new CliError(
      `token: --ttl must look like 90s, 15m, 1h or 7d (at most 366d), got ${quote(values.ttl)}`,
      2,
    );
  const config = commandConfig();
  const maxLifetime = maxTokenLifetime(config.jwt);
  if (ttl > maxLifetime) {
    throw new CliError(
      `token: --ttl ${values.ttl} is longer than the ${formatTtl(maxLifetime)} that the API accepts (JWT_MAX_LIFETIME)`,
      2,
    );
  }
  if (config.jwt.usingDevelopmentSecret) {
    console.error(
      'tiersight: JWT_SECRET is unset; signing with the public development secret (local use only).',
    );
  }
  const token = await signToken(
    { sub: values.sub ?? `cli@${org}`, org, roles: [...new Set(roles as Role[])] },
    config.jwt.secret,
    ttl,
  );
  console.log(token);
}
