// The demo scenario for tests: seed/demo-scenario.json, the very file `tiersight seed` and `npm start`
// import, as records; and the ids the tests and the docs rely on (the table of docs/demo-scenario.md).
import { readFileSync } from 'node:fs';
import type {
  ActionStatus,
  DisclosureKind,
  RiskRecord,
  Severity,
  ShareRecord,
  Sourced,
  TiersightFile,
  Verification,
} from '../../src/domain/format.ts';
import { DEMO_SCENARIO_PATH } from '../../src/runtime/paths.ts';

/** Shares and risks carry provenance too; the importer ignores the extra fields (all shares are illustrative). */
export type DemoShareRecord = ShareRecord & Sourced;
export type DemoRiskRecord = RiskRecord & Sourced;

/** A corrective action of a demo disclosure as the file states it (absent fields take the defaults). */
export interface DemoActionRecord {
  id: string;
  finding: string;
  severity: Severity;
  action: string;
  dueAt: string;
  status?: ActionStatus;
  verification?: Verification;
  closedAt?: string;
}

/** A disclosure as the file states it: one version, absent fields left out (docs/specification.md §6). */
export interface DemoDisclosureRecord extends Sourced {
  id: string;
  owner: string;
  subject: string;
  kind: DisclosureKind;
  title: string;
  summary?: string;
  issuer?: string;
  standard?: string;
  products?: string[];
  issuedAt: string;
  validUntil?: string;
  documentUrl?: string;
  documentSha256?: string;
  actions?: DemoActionRecord[];
  publishedAt?: string;
}

/** An access request record of the file (docs/specification.md §6). */
export interface DemoAccessRequestRecord extends Sourced {
  id: string;
  requester: string;
  target: string;
  scope: 'SOURCING' | 'DISCLOSURES' | 'BOTH';
  products?: string[];
  message?: string;
  sentAt: string;
  dueAt?: string;
  status?: 'OPEN' | 'GRANTED' | 'DECLINED' | 'WITHDRAWN';
}

export type DemoScenarioFile = Omit<TiersightFile, 'shares' | 'risks' | 'disclosures'> & {
  shares: DemoShareRecord[];
  risks: DemoRiskRecord[];
  disclosures: DemoDisclosureRecord[];
  accessRequests: DemoAccessRequestRecord[];
};

/**
 * "Today" in the demo's evidence: the actions and the access request that the story shows as overdue
 * are due before this day, so they are overdue on it and ever after (docs/demo-scenario.md).
 */
export const DEMO_TODAY = '2026-12-02';

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
  shareDellSthlmDisclosures: 's-dell-sthlm-disclosures',
  shareDellElectronicsWatchDisclosures: 's-dell-ew-disclosures',
  shareAteaSthlmDisclosures: 's-atea-sthlm-disclosures',

  dellImprovements: 'd-dell-improvements-2016',
  dellPlan: 'd-dell-cap-2016',
  dellAuditHipro: 'd-dell-audit-hipro-2025',
  dellCertificateMsiShenzhen: 'd-dell-cert-msi-shenzhen-2022',
  ateaSelfAssessment: 'd-atea-saq-2025',

  requestOsloAteaNorway: 'ar-oslo-atea-no',
} as const;
