// Prometheus metrics at GET /metrics (prom-client, the standard client). One registry per app, so two
// servers in one process (tests) never share counters. Label values are bounded: operation names are
// client-chosen, so only the first MAX_OPERATIONS distinct well-formed names get their own label.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Executor } from '../graph/executor.ts';
import { MAX_OPERATION_NAME } from './client-text.ts';

const MAX_OPERATIONS = 200;
const OPERATION_NAME = new RegExp(`^[A-Za-z_][A-Za-z0-9_]{0,${MAX_OPERATION_NAME - 1}}$`);
const SECONDS_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly requests = new Counter({
    name: 'tiersight_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (OK or the first error code).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly requestSeconds = new Histogram({
    name: 'tiersight_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to the end of its response.',
    labelNames: ['operation'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({
    name: 'tiersight_http_requests_in_flight',
    help: 'HTTP requests being handled right now.',
    registers: [this.registry],
  });
  readonly refused = new Counter({
    name: 'tiersight_http_refused_total',
    help: 'Requests refused before any work (rate, concurrency, body_too_large, media_type), and connections refused at a connection cap (connections).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly neo4jSeconds = new Histogram({
    name: 'tiersight_neo4j_transaction_duration_seconds',
    help: 'Neo4j units of work by statement name and outcome; its _count is the number of statements run.',
    labelNames: ['statement', 'outcome'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });

  private readonly detach: () => void;

  constructor(executor: Executor) {
    collectDefaultMetrics({ register: this.registry, prefix: 'tiersight_' });
    new Gauge({
      name: 'tiersight_neo4j_sessions_in_use',
      help: "Neo4j sessions open right now (this process's share of the driver's connection pool).",
      registers: [this.registry],
      collect() {
        this.set(executor.sessionsInUse);
      },
    });
    new Gauge({
      name: 'tiersight_neo4j_circuit_open',
      help: '1 while requests are refused without trying Neo4j (it failed repeatedly), else 0.',
      registers: [this.registry],
      collect() {
        this.set(executor.availability.open ? 1 : 0);
      },
    });
    this.detach = executor.observe((statement, seconds, outcome) =>
      this.neo4jSeconds.observe({ statement: statement.replace(/\.depth\d+$/, ''), outcome }, seconds),
    );
  }

  /** The label for a client-chosen operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(name);
    return name;
  }

  close(): void {
    this.detach();
  }
}
