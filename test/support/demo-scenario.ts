// The demo scenario for tests: seed/demo-scenario.json, the very file `tiersight seed` and `npm start`
// import, as records; and the ids the tests and the docs rely on (the table of docs/demo-scenario.md).
import { readFileSync } from 'node:fs';
import type { RiskRecord, ShareRecord, Sourced, TiersightFile } from '../../src/domain/format.ts';
import { DEMO_SCENARIO_PATH } from '../../src/runtime/paths.ts';

/** Shares and risks carry provenance too; the importer ignores the extra fields (all shares are illustrative). */
export type DemoShareRecord = ShareRecord & Sourced;
export type DemoRiskRecord = RiskRecord & Sourced;
export interface DemoScenarioFile extends TiersightFile {
  shares: DemoShareRecord[];
  risks: DemoRiskRecord[];
}

/**
 * The file as written, typed without a decoder: test/unit/demo-scenario.test.ts checks it with the
 * importer's own validation (and every field these types promise) before any other test relies on it.
 */
export const DEMO_SCENARIO: DemoScenarioFile = JSON.parse(readFileSync(DEMO_SCENARIO_PATH, 'utf8'));

export const DEMO_IDS = {
  regionStockholm: 'se-region-stockholm',
  adda: 'se-adda',
  svenskaKyrkan: 'se-svenska-kyrkan',
  osloKommune: 'no-oslo-kommune',
  sykehusinnkjop: 'no-sykehusinnkjop',
  dfo: 'no-dfo',
  atea: 'se-atea',
  ateaNorway: 'no-atea',
  dell: 'us-dell',
  pegatron: 'tw-pegatron',
  msi: 'tw-msi',
  delta: 'tw-delta',
  wistron: 'tw-wistron',
  ofilm: 'cn-ofilm',
  mingshuoJiangsu: 'cn-mingshuo-jiangsu',
  hiproDongguan: 'cn-hipro-dongguan',
  msiShenzhen: 'cn-msi-shenzhen',
  taidaDongguan: 'cn-taida-dongguan',
  wistronZhongshan: 'cn-wistron-zhongshan',
  ofilmNanchang: 'cn-ofilm-nanchang',
  electronicsWatch: 'nl-electronics-watch',
  danwatch: 'dk-danwatch',

  linkDellSthlm2010: 'l-dell-sthlm-2010',
  linkAteaSthlm2014: 'l-atea-sthlm-2014',
  linkAteaSthlm2018: 'l-atea-sthlm-2018',
  linkDellAtea2014: 'l-dell-atea-2014',
  linkDellAtea2018: 'l-dell-atea-2018',
  linkAteaNoOslo: 'l-atea-no-oslo',

  shareAteaSthlm: 's-atea-sthlm',
  shareDellSthlm: 's-dell-sthlm',
  shareDellElectronicsWatch: 's-dell-ew',
  shareAteaNoSykehusinnkjop: 's-atea-no-sykehusinnkjop',
} as const;
