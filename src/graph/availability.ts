// A circuit breaker in front of Neo4j. While Neo4j is down every transaction would still try to
// connect (and the driver would retry), so requests pile up; after a few failures in a row the
// breaker opens and requests are refused at once with SERVICE_UNAVAILABLE. After a short cool-down it
// lets one request through as a probe and keeps refusing the others until the probe ends: an answer
// from Neo4j closes the breaker, "unavailable" opens it for another round.
//
// A Neo4j that comes back has usually restarted, with an empty plan cache and a cold JVM: each
// statement's first run compiles its plan, which takes seconds for the chain traversals. A crowd of
// requests running the same cold statement would compile it side by side, each slower for the others,
// until they all hit the transaction timeout together. So after the breaker has opened, each unit of
// work is cold until it has run once: one transaction of a cold unit (its pilot, which the executor
// runs in the background as a warm-up) runs, and the others of that unit are refused at once until the
// pilot has run to the end. Recovery therefore follows Neo4j's within
// about one cool-down and one compilation per statement, with no restart and no queue.
import { DomainError } from '../domain/errors.ts';

interface AvailabilityOptions {
  /** Consecutive "unavailable" failures that open the breaker. */
  failureThreshold: number;
  /** How long the breaker stays open before letting a probe through. */
  coolDownMs: number;
}

const DEFAULT_AVAILABILITY: AvailabilityOptions = { failureThreshold: 3, coolDownMs: 1_000 };

export const unavailable = (cause?: unknown): DomainError =>
  new DomainError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly.', { cause });

/**
 * How `admit` let a transaction through: as one of many, as the only one of its cold unit (pilot),
 * or as the only one at all while the breaker is open (probe, also the pilot of its unit).
 */
export type Admission = 'ordinary' | 'pilot' | 'probe';

/**
 * How an admitted transaction ended: Neo4j answered (a result, or an error of its own), ran out of
 * time (reachable, but a cold unit may still be compiling), or was unavailable.
 */
export type Reach = 'answered' | 'timed-out' | 'unavailable';

export class Availability {
  private consecutiveFailures = 0;
  private openUntil = 0;
  private probing = false;
  /** Units that have run since Neo4j last came back; null until the breaker first opens. */
  private warm: Set<string> | null = null;
  private readonly pilots = new Set<string>();

  constructor(
    private readonly options: AvailabilityOptions = DEFAULT_AVAILABILITY,
    private readonly now: () => number = Date.now,
  ) {}

  private get tripped(): boolean {
    return this.consecutiveFailures >= this.options.failureThreshold;
  }

  /** True while requests are refused without trying Neo4j. */
  get open(): boolean {
    return this.tripped && (this.probing || this.now() < this.openUntil);
  }

  /**
   * Throws SERVICE_UNAVAILABLE if `unit` may not run now; otherwise tell `settled` how it ended.
   * `mustAnswer`: the request has committed a write, so a refusal would tell its client that nothing
   * happened; a cold unit then runs beside its pilot rather than being refused (only an open breaker,
   * Neo4j away, refuses it).
   */
  admit(unit: string, mustAnswer = false): Admission {
    if (this.tripped) {
      if (this.open) throw unavailable();
      this.probing = true;
      this.pilots.add(unit);
      return 'probe';
    }
    if (this.warm === null || this.warm.has(unit)) return 'ordinary';
    if (this.pilots.has(unit)) {
      if (mustAnswer) return 'ordinary';
      throw unavailable();
    }
    this.pilots.add(unit);
    return 'pilot';
  }

  settled(unit: string, admission: Admission, reach: Reach): void {
    if (admission !== 'ordinary') this.pilots.delete(unit);
    if (admission === 'probe') this.probing = false;
    if (reach === 'unavailable') {
      this.consecutiveFailures++;
      if (this.tripped) {
        this.openUntil = this.now() + this.options.coolDownMs;
        this.warm = new Set();
      }
      return;
    }
    this.consecutiveFailures = 0;
    this.openUntil = 0;
    // A timed-out first run may have been stopped before its plan was compiled and cached.
    if (reach === 'answered') this.warm?.add(unit);
  }
}
