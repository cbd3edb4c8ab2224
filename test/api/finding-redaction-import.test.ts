// Review of redactFinding against `tiersight import`: an import that runs while an erasure commits
// must not bring the erased texts back (the import reads a finding's erasure in the statement that
// writes it; read before the erasure's lock is released, it would restore the file's texts).
import { describe, expect, it } from 'vitest';
import type { TiersightFile } from '../../src/domain/format.ts';
import { Executor, type Transaction } from '../../src/graph/executor.ts';
import { FindingRepository } from '../../src/modules/findings/finding-repository.ts';
import { ok } from '../support/api.ts';
import { backupAndRestore, exportFile, importFile } from '../support/backup.ts';
import { loadGraph, rowsOf } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';
import { useApi } from '../support/harness.ts';
import { NAMING_FINDING } from '../support/redaction-fixtures.ts';

const t = useApi();
const ADMIN = ['supplier_admin'] as const;

const NAMING = NAMING_FINDING;
const RECORD = `mutation($input: FindingInput!) { recordFinding(input: $input) { id } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawFinding(id: $id) { id } }`;

/** An executor whose write transactions wait for `release` right after statement `after`, still open. */
class HeldExecutor extends Executor {
  held: Promise<void> | null = null;
  reached: () => void = () => undefined;

  hold(after: string): { reached: Promise<void>; release: () => void } {
    let release = () => undefined as void;
    this.held = new Promise<void>((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (this.reached = resolve));
    this.after = after;
    return { reached, release };
  }

  private after = '';

  override writeTransaction<T>(
    name: string,
    context: Parameters<Executor['writeTransaction']>[1],
    work: (tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return super.writeTransaction(name, context, (tx) =>
      work({
        run: async (query, params) => {
          const rows = await tx.run(query, params);
          if (query.name === this.after && this.held !== null) {
            this.reached();
            await this.held;
          }
          return rows;
        },
      }),
    );
  }
}

/** A file of no record but those the test gives: the others are the database's. */
const NO_RECORDS = (): Omit<TiersightFile, 'risks'> => ({
  format: 'tiersight/v1',
  organizations: [],
  links: [],
  shares: [],
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('redactFinding raced with an import of a file written before it', () => {
  it('keeps the erasure when the import writes the finding while the erasure commits', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('brand', 'BRAND')
        .org('factory', 'FACTORY')
        .org('ew', 'MONITOR')
        .link('factory', 'brand')
        .share('brand', 'ew')
        .build(),
    );
    const { id } = ok<{ id: string }>(
      await t.api.query('ew', RECORD, { input: NAMING }, [...ADMIN]),
      'recordFinding',
    );
    ok(await t.api.query('ew', WITHDRAW, { id }, [...ADMIN]), 'withdrawFinding');
    const older = await exportFile(t.db);

    const held = new HeldExecutor(t.db.driver, { transactionTimeoutMs: 60_000 });
    const gate = held.hold('finding.redact');
    const erasure = new FindingRepository(held).redact(
      { monitorId: 'ew', id, now: new Date(), actorUserId: 'u-ew' },
      {},
    );
    await gate.reached;
    // The import validates (the erasure is not committed yet) and reaches the finding's write.
    // Only the risk record (its organizations are the database's): the import locks nothing the erasure
    // holds before it reaches the finding itself.
    const imported = importFile(t.db, { ...NO_RECORDS(), risks: older.risks ?? [] });
    await pause(1_500);
    gate.release();
    expect(await erasure).toMatchObject({ id, source: '', description: null });
    expect((await imported).ok).toBe(true);

    const [stored] = await rowsOf(
      t.db,
      `MATCH (r:RiskIndicator {id: $id}) RETURN r.source AS source, r.description AS description,
         r.evidenceUrl AS evidenceUrl, r.redactedAt IS NOT NULL AS redacted, r.withdrawnAt IS NOT NULL AS withdrawn`,
      { id },
    );
    expect(stored).toEqual({
      source: '',
      description: null,
      evidenceUrl: null,
      redacted: true,
      withdrawn: true,
    });
  });
});

describe('an erased finding moved to another organization by an import', () => {
  it('stays restorable: its withdrawal and erasure do not come before its recording', async () => {
    await loadGraph(
      t.db,
      graph()
        .org('brand', 'BRAND')
        .org('factory', 'FACTORY')
        .org('mill', 'FACTORY')
        .org('ew', 'MONITOR')
        .link('factory', 'brand')
        .link('mill', 'brand')
        .share('brand', 'ew')
        .build(),
    );
    const { id } = ok<{ id: string }>(
      await t.api.query('ew', RECORD, { input: NAMING }, [...ADMIN]),
      'recordFinding',
    );
    const standing = await exportFile(t.db);
    ok(await t.api.query('ew', WITHDRAW, { id }, [...ADMIN]), 'withdrawFinding');
    ok(
      await t.api.query('ew', `mutation($id: ID!) { redactFinding(id: $id) { id } }`, { id }, [...ADMIN]),
      'redactFinding',
    );
    await pause(20);
    // The record as it stood, said of another organization, without its recording time.
    const risks = (standing.risks ?? []).map(({ recordedAt: _r, ...r }) =>
      r.id === id ? { ...r, organization: 'mill' } : r,
    );
    const outcome = await importFile(t.db, { ...NO_RECORDS(), risks });
    expect(outcome.ok).toBe(true);
    const [stored] = await rowsOf(
      t.db,
      `MATCH (o:Organization)-[:HAS_RISK]->(r:RiskIndicator {id: $id})
       RETURN o.id AS organization, r.source AS source,
         r.recordedAt <= r.withdrawnAt AND r.withdrawnAt <= r.redactedAt AS ordered`,
      { id },
    );
    expect(stored).toEqual({ organization: 'mill', source: '', ordered: true });
    expect(await backupAndRestore(t.db)).toEqual([]);
  });
});
