// The risk model as configured: the default tables of seed/risk/ (docs/risk-model.md), with the
// weights, parameters and table entries of an operator's RISK_MODEL file over them. Read once at
// start-up by src/config.ts; problems (unreadable files, unknown keys, values out of range, a table
// value with neither source nor "assumption") are reported with the rest of the configuration's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RiskModel } from '../../domain/risk-model.ts';
import { decodeSettings } from '../../domain/risk-parameters.ts';
import { decodeTables } from '../../domain/risk-tables.ts';
import { REPO_ROOT } from '../../runtime/paths.ts';

const DEFAULT_RISK_TABLES_DIR = join(REPO_ROOT, 'seed', 'risk');

const OVERRIDE_KEYS = ['weights', 'parameters', 'countries', 'productCategories', 'activities'];

function readJson(path: string, problems: string[], what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(
      `${what} ${path} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

/** The model from the default tables in `tablesDir` and the file at `overridePath` (null: none). */
export function loadRiskModel(
  overridePath: string | null,
  problems: string[],
  tablesDir = DEFAULT_RISK_TABLES_DIR,
): RiskModel {
  const table = (name: string) => readJson(join(tablesDir, `${name}.json`), problems, 'The risk table');
  const files = {
    countries: table('countries'),
    productCategories: table('product-categories'),
    activities: table('activities'),
  };
  const raw = overridePath === null ? {} : readJson(overridePath, problems, 'RISK_MODEL');
  const override = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  if (raw !== undefined && override !== raw)
    problems.push(`RISK_MODEL ${overridePath} must hold a JSON object`);
  const entries = new Map(Object.entries(override));
  for (const key of entries.keys()) {
    if (!OVERRIDE_KEYS.includes(key))
      problems.push(`RISK_MODEL has no ${JSON.stringify(key)} (known: ${OVERRIDE_KEYS.join(', ')})`);
  }
  // Only RISK_MODEL's file sets weights and parameters: name it, as its table entries' problems do.
  const settingProblems: string[] = [];
  const settings = decodeSettings(entries.get('weights'), entries.get('parameters'), settingProblems);
  problems.push(...settingProblems.map((problem) => `RISK_MODEL ${problem}`));
  const tables = decodeTables(
    files,
    {
      countries: entries.get('countries'),
      productCategories: entries.get('productCategories'),
      activities: entries.get('activities'),
    },
    problems,
  );
  return { ...settings, tables };
}

/** The model of the default tables alone; they ship with the project, so a problem is a bug. */
export function defaultRiskModel(): RiskModel {
  const problems: string[] = [];
  const model = loadRiskModel(null, problems);
  if (problems.length > 0) throw new Error(`The default risk tables are invalid:\n${problems.join('\n')}`);
  return model;
}
