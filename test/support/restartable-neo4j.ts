// A bundled Neo4j that a test or benchmark kills and starts again where it was (same port, same
// store), and what a restart costs Neo4j itself before the API is involved.
import { startBundledNeo4j, type BundledNeo4j, type StartOptions } from '../../src/db/bundled-neo4j.ts';
import { createDriver } from '../../src/graph/driver.ts';
import { Executor } from '../../src/graph/executor.ts';
import { OrganizationRepository } from '../../src/modules/organizations/organization-repository.ts';
import { SupplyChainRepository } from '../../src/modules/supply-chain/supply-chain-repository.ts';

/** A Neo4j this process may kill and start again where it was (same port, same store). */
export class RestartableNeo4j {
  private constructor(
    private current: BundledNeo4j,
    private readonly options: StartOptions,
  ) {}

  static async start(options: StartOptions): Promise<RestartableNeo4j> {
    return RestartableNeo4j.adopt(await startBundledNeo4j(options), options);
  }

  /** Takes over one that is already running (started with `options`). */
  static adopt(running: BundledNeo4j, options: StartOptions): RestartableNeo4j {
    return new RestartableNeo4j(running, { ...options, port: running.port });
  }

  get uri(): string {
    return this.current.uri;
  }

  /** SIGKILL, as a crashed host or an OOM killer would: no shutdown, no goodbye to the clients. */
  async kill(): Promise<void> {
    process.kill(this.current.pid, 'SIGKILL');
    await this.current.exited;
  }

  /** Starts it again; resolves at the instant it reports ready (performance.now()). */
  async restart(): Promise<number> {
    this.current = await startBundledNeo4j(this.options);
    return performance.now();
  }

  stop(): Promise<void> {
    return this.current.stop();
  }
}

/**
 * Neo4j's own share of a recovery: kills and restarts it, then times from readiness the statements a
 * supplyChain request runs (the token's organization, then the chain), straight through a new driver
 * with no API and no other load. A restarted Neo4j compiles each plan afresh on a cold JVM, so no
 * client can be served sooner than this after a restart.
 */
export async function coldStartFloorMs(
  neo4j: RestartableNeo4j,
  viewer: string,
  maxDepth = 10,
): Promise<number> {
  await neo4j.kill();
  const readyAt = await neo4j.restart();
  const driver = createDriver(neo4j.uri, { user: 'neo4j', password: '' });
  try {
    const executor = new Executor(driver, { transactionTimeoutMs: 120_000 });
    await new OrganizationRepository(executor).byIds([viewer], {});
    const scope = { viewerId: viewer, instant: new Date(), historical: false, context: {} };
    await new SupplyChainRepository(executor).supplyChain(scope, viewer, maxDepth);
    return performance.now() - readyAt;
  } finally {
    await driver.close();
  }
}
