import { DEMO_SCENARIO } from '../../seed/demo-scenario.ts';
import type { ImportRepository } from '../graph/repositories/import-repository.ts';
import { importGraph, type ImportOutcome } from '../import/import-graph.ts';
import { documentSource } from '../import/read-records.ts';

/** The demo goes through the same validation and writer as every imported file. */
export function loadDemoScenario(repository: ImportRepository, reset: boolean): Promise<ImportOutcome> {
  return importGraph(documentSource({ ...DEMO_SCENARIO }), repository, { reset });
}
