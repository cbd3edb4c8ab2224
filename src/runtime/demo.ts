import { DEMO_SCENARIO } from '../../seed/demo-scenario.ts';
import type { ImportRepository } from '../import/import-repository.ts';
import { importGraph, type ImportOrigin, type ImportOutcome } from '../import/import-graph.ts';
import { documentSource } from '../import/read-records.ts';

export const DEMO_ORIGIN: ImportOrigin = { source: 'the demo scenario', command: 'tiersight seed' };

/** The demo goes through the same validation, writer and import run as every imported file. */
export function loadDemoScenario(repository: ImportRepository, reset: boolean): Promise<ImportOutcome> {
  return importGraph(documentSource({ ...DEMO_SCENARIO }), repository, { origin: DEMO_ORIGIN, reset });
}
