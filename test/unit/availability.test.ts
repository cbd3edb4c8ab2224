// The circuit breaker in front of Neo4j (src/graph/availability.ts), on a clock the test moves.
import { describe, expect, it } from 'vitest';
import { Availability } from '../../src/graph/availability.ts';

const breaker = () => {
  const clock = { now: 0 };
  const availability = new Availability({ failureThreshold: 3, coolDownMs: 1_000 }, () => clock.now);
  const trip = () => {
    for (let i = 0; i < 3; i++) availability.settled('a', availability.admit('a'), 'unavailable');
  };
  /** Trips the breaker and lets a probe of unit `a` find Neo4j back. */
  const recover = () => {
    trip();
    clock.now += 1_000;
    availability.settled('a', availability.admit('a'), 'answered');
  };
  return { clock, availability, trip, recover };
};

const refused = (availability: Availability, unit = 'a') => {
  try {
    availability.admit(unit);
    return false;
  } catch (error) {
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    return true;
  }
};

describe('the Neo4j circuit breaker', () => {
  it('admits everything until enough consecutive failures, then refuses during the cool-down', () => {
    const { clock, availability } = breaker();
    availability.settled('a', availability.admit('a'), 'unavailable');
    availability.settled('a', availability.admit('a'), 'unavailable');
    availability.settled('a', availability.admit('a'), 'answered'); // an answer resets the count
    availability.settled('a', availability.admit('a'), 'unavailable');
    availability.settled('a', availability.admit('a'), 'unavailable');
    expect(availability.admit('a')).toBe('ordinary');
    availability.settled('a', 'ordinary', 'unavailable');
    expect(availability.open).toBe(true);
    clock.now = 999;
    expect(refused(availability)).toBe(true);
    expect(refused(availability, 'b')).toBe(true);
  });

  it('after the cool-down lets exactly one probe through and refuses the rest until it ends', () => {
    const { clock, availability, trip } = breaker();
    trip();
    clock.now = 1_000;
    expect(availability.admit('a')).toBe('probe');
    expect(availability.open).toBe(true);
    for (let i = 0; i < 20; i++) expect(refused(availability, i % 2 ? 'a' : 'b')).toBe(true);
    clock.now = 5_000; // however long the probe takes
    expect(refused(availability)).toBe(true);
  });

  it('a probe that reaches Neo4j closes the breaker', () => {
    const { availability, recover } = breaker();
    recover();
    expect(availability.open).toBe(false);
    expect(availability.admit('a')).toBe('ordinary');
    expect(availability.admit('a')).toBe('ordinary');
  });

  it('a probe that finds Neo4j unavailable opens it for another cool-down', () => {
    const { clock, availability, trip } = breaker();
    trip();
    clock.now = 1_000;
    availability.settled('a', availability.admit('a'), 'unavailable');
    clock.now = 1_500;
    expect(refused(availability)).toBe(true);
    clock.now = 2_000;
    expect(availability.admit('a')).toBe('probe');
  });

  it('a request admitted before the trip and failing late does not free a second probe', () => {
    const { clock, availability, trip } = breaker();
    const early = availability.admit('a');
    trip();
    clock.now = 1_000;
    expect(availability.admit('a')).toBe('probe');
    availability.settled('a', early, 'unavailable');
    clock.now = 2_500;
    expect(refused(availability)).toBe(true);
  });
});

describe('cold units after Neo4j came back', () => {
  it('run one at a time until one has run: the others are refused at once instead of compiling too', () => {
    const { availability, recover } = breaker();
    recover();
    expect(availability.admit('b')).toBe('pilot');
    for (let i = 0; i < 20; i++) expect(refused(availability, 'b')).toBe(true);
    expect(availability.admit('a')).toBe('ordinary'); // the probe's unit is warm
    availability.settled('b', 'pilot', 'answered');
    expect(availability.admit('b')).toBe('ordinary');
    expect(availability.admit('b')).toBe('ordinary');
  });

  it('a pilot that finds Neo4j unavailable hands the unit to the next request', () => {
    const { availability, recover } = breaker();
    recover();
    availability.settled('b', availability.admit('b'), 'unavailable');
    expect(availability.admit('b')).toBe('pilot');
  });

  it('a pilot ending in an error of Neo4j warms the unit; one that timed out does not', () => {
    const { availability, recover } = breaker();
    recover();
    availability.settled('b', availability.admit('b'), 'timed-out');
    expect(availability.open).toBe(false);
    expect(availability.admit('b')).toBe('pilot');
    availability.settled('b', 'pilot', 'answered');
    expect(availability.admit('b')).toBe('ordinary');
  });

  it('are not a thing before Neo4j has ever been away', () => {
    const { availability } = breaker();
    expect(availability.admit('b')).toBe('ordinary');
    expect(availability.admit('b')).toBe('ordinary');
  });

  it('every unit is cold again after the next outage', () => {
    const { availability, recover } = breaker();
    recover();
    availability.settled('b', availability.admit('b'), 'answered');
    recover();
    expect(availability.admit('b')).toBe('pilot');
  });
});
