// Creating the driver and waiting for the database: production may start Tiersight before Neo4j is
// reachable (a cluster rolling, Aura waking up), so `serve` retries with backoff and then fails with a
// message that names the URI instead of a driver stack trace.
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { DEFAULT_FAIL_FAST, type Neo4jConfig, type Neo4jFailFast } from '../config.ts';
import './bolt-messages.ts';
import './bolt-writes.ts';
import { withoutCredentials } from './neo4j-uri.ts';

export function createDriver(
  uri: string,
  config: Pick<Neo4jConfig, 'user' | 'password'>,
  failFast: Neo4jFailFast = DEFAULT_FAIL_FAST,
): Driver {
  // A server with auth disabled (the bundled one) ignores the credentials.
  const auth = neo4j.auth.basic(config.user, config.password);
  return neo4j.driver(uri, auth, {
    // Integers come back as JS numbers: counts and tiers never approach 2^53.
    disableLosslessIntegers: true,
    userAgent: 'tiersight/0.1',
    // The driver's defaults (30 s of retries, 60 s to acquire a connection) make every request hang
    // while Neo4j is down; an API should say "unavailable" within a couple of seconds instead.
    connectionTimeout: failFast.connectionTimeoutMs,
    connectionAcquisitionTimeout: failFast.acquisitionTimeoutMs,
    maxTransactionRetryTime: failFast.maxRetryMs,
  });
}

export class DatabaseUnreachableError extends Error {}

/**
 * Whether a unit of work failed (its DomainError's cause) because the server has no database of the
 * name it was run against: Neo4j's codes stay in src/graph.
 */
export function namedNoDatabase(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof Neo4jError && cause.code === 'Neo.ClientError.Database.DatabaseNotFound';
}

/**
 * What to do about an unreachable NEO4J_URI: unsetting it starts the bundled Neo4j only where the
 * launcher is installed (a checkout); the Docker image has neither it nor Java.
 */
export function unreachableAdvice(bundledNeo4jPresent: boolean): string {
  return bundledNeo4jPresent
    ? 'Check NEO4J_URI, or unset it to use the bundled Neo4j.'
    : 'Check NEO4J_URI, and that Neo4j is running there and reachable from this host (this installation has no bundled Neo4j to fall back on).';
}

export async function waitForDatabase(
  driver: Driver,
  uri: string,
  timeoutMs: number,
  onRetry: (attempt: number, delayMs: number, reason: string) => void = () => {},
  advice = unreachableAdvice(true),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    try {
      await driver.getServerInfo();
      return;
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      if (/authentication|unauthorized/i.test(reason)) {
        throw new DatabaseUnreachableError(
          `Neo4j at ${withoutCredentials(uri)} refused the credentials (check NEO4J_USER/NEO4J_PASSWORD): ${reason}`,
        );
      }
      if (Date.now() + delay > deadline) {
        throw new DatabaseUnreachableError(
          `Neo4j at ${withoutCredentials(uri)} is unreachable after ${attempt} attempt(s): ${reason}. ${advice}`,
        );
      }
      onRetry(attempt, delay, reason);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}
