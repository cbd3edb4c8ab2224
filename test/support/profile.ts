// Neo4j's own count of a statement's work (PROFILE db hits), for the abuse tests that show a lookup of
// something hidden costs what a lookup of something missing costs (visibility rule 6). A count, unlike
// a time, is exact on a loaded machine.
import type { ProfiledPlan, Record as Neo4jRecord } from 'neo4j-driver';
import { expect } from 'vitest';
import { registeredStatements } from '../../src/graph/cypher.ts';
import type { TestDatabase } from './database.ts';

/**
 * Operators that write. Their db hits follow the store rather than what was asked: under one plan, the
 * `SET v._lock` and `REMOVE v._lock` of accessRequest.send on the same requester cost 1 hit each on
 * some asks and 2 on others (whether the property record freed by the ask before can be used again
 * yet), and they run before the target is looked at. What a hidden value must not write at all, the
 * tests check by counting what is stored. So the work compared is the reading.
 */
const WRITES = /^(Set|Remove|Create|Merge|Delete|DetachDelete)/;

/** The db hits of every operator that reads. */
const dbHits = (plan: ProfiledPlan): number =>
  (WRITES.test(plan.operatorType) ? 0 : plan.dbHits) +
  plan.children.reduce((sum, child) => sum + dbHits(child), 0);

/** A plan as lines of operator and, with `hits`, db hits, indented by depth. */
const outline = (plan: ProfiledPlan, hits: boolean, depth = 0): string =>
  [
    `${'  '.repeat(depth)}${plan.operatorType}${hits ? ` ${plan.dbHits}` : ''}`,
    ...plan.children.map((c) => outline(c, hits, depth + 1)),
  ].join('\n');

/**
 * Runs the registered statement `name` (its module must have been imported) under PROFILE: its records,
 * the db hits of its reading operators, the plan with every operator's db hits (what a failed comparison
 * shows) and its shape (the operators alone).
 */
export async function profiled(
  db: TestDatabase,
  name: string,
  params: Record<string, unknown>,
  options: { keepPlan?: boolean } = {},
): Promise<{ hits: number; records: Neo4jRecord[]; plan: string; shape: string }> {
  const found = registeredStatements().find((s) => s.name === name);
  if (found === undefined) throw new Error(`the statement ${name} is not registered`);
  // keepPlan: the plan already cached, though the data's statistics moved since (what a comparison of
  // work before and after adding data means; a new plan would differ whatever the data hides).
  const prefix = options.keepPlan === true ? 'CYPHER replan=skip PROFILE' : 'PROFILE';
  const result = await db.driver.executeQuery(`${prefix} ${found.text}`, params);
  const profile = result.summary.profile;
  if (profile === false) throw new Error(`no profile of ${name}`);
  return {
    hits: dbHits(profile),
    records: result.records,
    plan: outline(profile, true),
    shape: outline(profile, false),
  };
}

/** One PROFILE run's cost, rows and plan. */
interface Asked {
  hits: number;
  rows: Record<string, unknown>[];
  plan: string;
  shape: string;
}

/** Tries at three asks of one plan and steady cost; each try is three PROFILE runs of a few ms. */
const ATTEMPTS = 16;

/**
 * A missing value as long as `value`: Neo4j's plan cache keys a string parameter by its size as well as
 * its type, so a 5-character id and a 20-character one can run under two plans of one statement (seen
 * in full runs: accessRequest.send asked about 'brand' ran, every time, under a plan with one
 * CacheProperties operator fewer than 'no-such-organization''s, at 12 db hits each). No id is tildes.
 */
const missingLike = (missing: string, value: string) =>
  missing.length === value.length ? missing : '~'.repeat(value.length);

/**
 * Statement `name` asked about `missing` and about each of `hidden`, with `params(value)`: each hidden
 * value must give the rows and the db hits of a missing one (visibility rule 6). The Neo4j that a full
 * test run shares may plan a statement again between two asks, and has been seen to run one ask under
 * another plan than the asks just before and after it (all three of the same statement, in one file),
 * and the first asks on a new store have cost a few db hits more than the later ones under the same
 * plan. So each hidden value is asked between two asks of a missing one of its length (missingLike),
 * again until both missing asks cost the same and either the three ran under one plan or all three
 * cost the same: a hidden value that costs more under some plan still shows beside a missing one under
 * that plan. A steady triple whose middle ask costs more is asked again too, and fails only if no try
 * found the costs equal: db hits of a plan are the same for the same data, so a hidden value that costs
 * more does so every time, while a full run has shown one operator's count move by one between
 * identical asks (accessRequest.send about 'monitor': 13 db hits between two of 12, under one plan,
 * one more in the Expand of the viewer's incoming shares, which runs before the value is used).
 * Returns the rows of the missing value. A statement whose answer names the value asked (a refusal
 * that lists the ids it refused) gives `asAsked`, which writes each row as if any value had been asked:
 * the rows are compared through it.
 */
export async function expectSameWorkAsMissing(
  db: TestDatabase,
  name: string,
  missing: string,
  hidden: readonly string[],
  params: (value: string) => Record<string, unknown>,
  asAsked: (row: Record<string, unknown>, value: string) => Record<string, unknown> = (row) => row,
): Promise<Record<string, unknown>[]> {
  const ask = async (value: string): Promise<Asked> => {
    const { hits, records, plan, shape } = await profiled(db, name, params(value));
    return { hits, rows: records.map((r) => asAsked(r.toObject(), value)), plan, shape };
  };
  const beside = async (value: string) => {
    const absent = missingLike(missing, value);
    await ask(absent); // plans the statement outside the measurement
    const tries: string[] = [];
    let costlier: { absent: string; missing: Asked; answer: Asked } | null = null;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const [before, answer, after] = [await ask(absent), await ask(value), await ask(absent)];
      const onePlan = before.shape === answer.shape && answer.shape === after.shape;
      const steady = before.hits === after.hits;
      if (steady && answer.hits === before.hits) return { absent, missing: before, answer };
      if (steady && onePlan) {
        costlier = { absent, missing: before, answer };
        continue;
      }
      tries.push(
        `${onePlan ? 'one plan' : 'plans differ'}, hits ${before.hits} / ${answer.hits} / ${after.hits}\n` +
          `--- ${absent} before\n${before.plan}\n--- ${value}\n${answer.plan}\n--- ${absent} after\n${after.plan}`,
      );
    }
    if (costlier !== null) return costlier;
    throw new Error(
      `${name}: no three asks around ${value} ran under one plan at a steady cost in ${ATTEMPTS} tries:\n${tries.join('\n\n')}`,
    );
  };
  let rows: Record<string, unknown>[] = [];
  for (const value of hidden) {
    const { absent, missing: expected, answer } = await beside(value);
    // The plans go into the message only: when the counts differ they say where.
    const shown = `${value}\n--- ${value}\n${answer.plan}\n--- ${absent}\n${expected.plan}`;
    expect({ hits: answer.hits, rows: answer.rows }, shown).toEqual({
      hits: expected.hits,
      rows: expected.rows,
    });
    rows = expected.rows;
  }
  return rows;
}
