// @vitest-environment happy-dom
/// <reference lib="dom" />
// The dashboard's side of CorrectiveAction.firstDueAt: asked only of a server that has it, and shown
// as "moved from" wherever a due date is, in the evidence and the exposure panels.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  ALL_CAPABILITIES,
  disclosuresOperation,
  evidenceOperation,
  exposureOperation,
} from '../../web/src/api.ts';
import { disclosedIndicatorList } from '../../web/src/evidence.ts';
import type { DisclosedIndicator } from '../../web/src/model.ts';

describe('firstDueAt in the dashboard', () => {
  it('asks a server that has disclosures but no firstDueAt (contract v1.2) only for what it has', () => {
    const sdl = readFileSync('schema/tiersight.graphql', 'utf8');
    const field = /\n {2}"""\n {2}The due date it was first given:[\s\S]*?\n {2}firstDueAt: DateTime!/;
    expect(sdl).toMatch(field);
    const older = buildSchema(sdl.replace(field, ''));
    const can = { ...ALL_CAPABILITIES, firstDueAt: false };
    const query = { rootId: null, maxDepth: 4, asOf: '', product: '' };
    for (const operation of [
      disclosuresOperation('brand', '', can),
      evidenceOperation(can, '')!,
      exposureOperation(query, can),
    ]) {
      expect(validate(older, parse(operation.query)).map((e) => e.message)).toEqual([]);
    }
    // A server that has it is asked for it.
    expect(disclosuresOperation('brand', '', ALL_CAPABILITIES).query).toContain('firstDueAt');
  });

  it("says 'moved from' beside a disclosed indicator's postponed due date in the exposure panel", () => {
    // Exposure is where a buyer follows up open and overdue actions; a date moved to end an action's
    // being overdue shows there as a plain open action, due the new date.
    const query = exposureOperation(
      { rootId: null, maxDepth: 4, asOf: '', product: '' },
      ALL_CAPABILITIES,
    ).query;
    expect(query).toMatch(/action \{[^}]*firstDueAt/);
    const indicator = {
      kind: 'OPEN_ACTION',
      severity: 'HIGH',
      description: 'Overtime',
      disclosure: {
        id: 'd-plan',
        kind: 'CORRECTIVE_ACTION_PLAN',
        title: 'Plan',
        owner: { id: 'b', name: 'B' },
      },
      action: {
        id: 'cap-4',
        status: 'OPEN',
        dueAt: '2099-01-31T00:00:00.000Z',
        firstDueAt: '2024-01-31T00:00:00.000Z',
        overdue: false,
      },
    } as DisclosedIndicator;
    expect(disclosedIndicatorList([indicator]).textContent).toContain('moved from 2024-01-31');
  });
});
