// The import gate's bookkeeping against a scripted list of import runs and a hand-moved clock; the
// gate over HTTP and a real store is in test/api/import-gate.test.ts.
import { describe, expect, it } from 'vitest';
import { DomainError, UnavailableError } from '../../src/domain/errors.ts';
import type { ImportRun } from '../../src/domain/import-runs.ts';
import { importReadiness } from '../../src/app/health.ts';
import { ImportGate, IMPORT_INCOMPLETE_MESSAGE, type ImportTicket } from '../../src/import/import-gate.ts';

const run = (id: string, finished: boolean): ImportRun => ({
  id,
  source: '/data/graph.json',
  command: 'tiersight import /data/graph.json --reset',
  reset: true,
  total: 10,
  startedAt: new Date('2026-01-01T00:00:00Z'),
  finishedAt: finished ? new Date('2026-01-01T00:01:00Z') : null,
});

/** A gate over `runs` (changed by the test) that counts its reads. */
function setUp() {
  const state = { runs: [] as ImportRun[], reads: 0, clock: 0, local: 0, log: [] as string[] };
  const gate = new ImportGate(
    async () => {
      state.reads++;
      return state.runs;
    },
    {
      maxAgeMs: 1_000,
      now: () => state.clock,
      localChanges: () => state.local,
      log: (m) => state.log.push(m),
    },
  );
  return { state, gate };
}

const admitted = async (gate: ImportGate): Promise<ImportTicket> => {
  const ticket = await gate.admit();
  if (ticket instanceof DomainError) throw new Error(`refused: ${ticket.message}`);
  return ticket;
};

describe('the import gate', () => {
  it('reads the runs at most once per maxAgeMs while no import is running', async () => {
    const { state, gate } = setUp();
    const ticket = await admitted(gate);
    state.clock = 999;
    expect(await gate.recheck(ticket)).toBeNull();
    await admitted(gate);
    expect(state.reads).toBe(1);
    state.clock = 1_000;
    await admitted(gate);
    expect(state.reads).toBe(2);
  });

  it('refuses while a run is unfinished, reading again for every request, and admits once it finishes', async () => {
    const { state, gate } = setUp();
    state.runs = [run('r1', false)];
    for (let i = 0; i < 3; i++) {
      const refused = await gate.admit();
      expect(refused).toBeInstanceOf(UnavailableError);
      expect(refused).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: IMPORT_INCOMPLETE_MESSAGE,
        retryAfterSeconds: 10,
      });
    }
    expect(state.reads).toBe(3);
    expect(await gate.state()).toEqual({ ready: false, unfinished: state.runs[0] });
    state.runs = [run('r1', true)];
    await admitted(gate);
    expect(await gate.state()).toEqual({ ready: true, unfinished: null });
    expect(state.log).toEqual([
      expect.stringContaining(
        'Import of /data/graph.json (started 2026-01-01T00:00:00.000Z, 10 records) is unfinished',
      ),
      'Import of /data/graph.json is complete: serving the store again.',
    ]);
  });

  it('refuses an answer when a run started or finished after the request was admitted', async () => {
    const { state, gate } = setUp();
    const before = await admitted(gate);
    // An import that started and finished entirely while the request ran: the view ages out and shows
    // another generation of runs.
    state.runs = [run('r1', true)];
    state.clock = 1_500;
    const refused = await gate.recheck(before);
    expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
    // A request admitted now is answered.
    expect(await gate.recheck(await admitted(gate))).toBeNull();
  });

  it('reads again at once when this process changed the runs', async () => {
    const { state, gate } = setUp();
    await admitted(gate);
    state.runs = [run('r1', false)];
    state.local++;
    expect(await gate.admit()).toBeInstanceOf(UnavailableError);
    expect(state.reads).toBe(2);
  });

  it('shares one read among requests that arrive while it is under way', async () => {
    const { state, gate } = setUp();
    const tickets = await Promise.all([gate.admit(), gate.admit(), gate.admit()]);
    expect(tickets.every((t) => !(t instanceof DomainError))).toBe(true);
    expect(state.reads).toBe(1);
  });

  it('answers SERVICE_UNAVAILABLE when the runs cannot be read', async () => {
    const failure = new DomainError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly.');
    const gate = new ImportGate(() => Promise.reject(failure));
    expect(await gate.admit()).toBe(failure);
    await expect(gate.state()).rejects.toBe(failure);
  });
});

describe('the import readiness check', () => {
  it('fails while an import is unfinished without naming its file or command, which the log names', async () => {
    const { state, gate } = setUp();
    state.runs = [run('r1', false)];
    const check = await importReadiness(gate).run();
    expect(check.ok).toBe(false);
    expect(JSON.stringify(check)).not.toContain('/data/graph.json');
    expect(state.log.join('\n')).toContain('tiersight import /data/graph.json --reset');
  });
});
