// A circuit breaker in front of Neo4j. While Neo4j is down every transaction would still try to
// connect (and the driver would retry), so requests pile up; after a few failures in a row the
// breaker opens and requests are refused at once with SERVICE_UNAVAILABLE. After a short cool-down it
// lets requests through again: the first success closes it, a failure opens it for another round.
// Recovery therefore follows Neo4j's within about one cool-down, with no restart and no queue.
import { DomainError } from '../domain/errors.ts';

export interface AvailabilityOptions {
  /** Consecutive "unavailable" failures that open the breaker. */
  failureThreshold: number;
  /** How long the breaker stays open before letting requests try again. */
  coolDownMs: number;
}

export const DEFAULT_AVAILABILITY: AvailabilityOptions = { failureThreshold: 3, coolDownMs: 1_000 };

export const unavailable = (cause?: unknown): DomainError =>
  new DomainError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly.', { cause });

export class Availability {
  private consecutiveFailures = 0;
  private openUntil = 0;

  constructor(
    private readonly options: AvailabilityOptions = DEFAULT_AVAILABILITY,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while requests are refused without trying Neo4j. */
  get open(): boolean {
    return this.now() < this.openUntil;
  }

  /** Throws SERVICE_UNAVAILABLE while the breaker is open. */
  admit(): void {
    if (this.open) throw unavailable();
  }

  succeeded(): void {
    this.consecutiveFailures = 0;
    this.openUntil = 0;
  }

  failed(): void {
    this.consecutiveFailures++;
    if (this.consecutiveFailures >= this.options.failureThreshold) {
      this.openUntil = this.now() + this.options.coolDownMs;
    }
  }
}
