// Words for synthetic records: countries weighted by where each type of organization tends to be,
// cities, made-up (clearly fictional) company and place names, an IT product vocabulary, and risk
// indicator texts. Names are built from syllables so that no synthetic record names a real company.
import type { DisclosureKind, OrganizationType, RiskKind, RiskTopic, Severity } from '../domain/format.ts';
import { WeightedList, type Random } from './random.ts';

type Weights = readonly (readonly [string, number])[];

/** Where organizations of each type are, roughly as in public IT supply-chain data. */
const COUNTRY_WEIGHTS: Record<OrganizationType, Weights> = {
  FACTORY: [
    ['CN', 45],
    ['VN', 10],
    ['TW', 7],
    ['MY', 6],
    ['MX', 6],
    ['IN', 6],
    ['TH', 5],
    ['PH', 3],
    ['ID', 3],
    ['KR', 2],
    ['JP', 2],
    ['CZ', 1],
    ['HU', 1],
    ['PL', 1],
    ['BR', 1],
    ['US', 1],
  ],
  MANUFACTURER: [
    ['CN', 30],
    ['TW', 20],
    ['KR', 8],
    ['JP', 8],
    ['US', 8],
    ['VN', 5],
    ['MY', 4],
    ['MX', 4],
    ['IN', 4],
    ['DE', 3],
    ['SG', 2],
    ['TH', 2],
    ['IL', 1],
    ['CZ', 1],
  ],
  BRAND: [
    ['US', 35],
    ['CN', 15],
    ['TW', 12],
    ['JP', 10],
    ['KR', 8],
    ['DE', 5],
    ['GB', 3],
    ['NL', 2],
    ['SE', 2],
    ['FI', 2],
    ['CH', 2],
    ['FR', 2],
    ['IE', 1],
    ['DK', 1],
  ],
  RESELLER: [
    ['SE', 15],
    ['DE', 15],
    ['NO', 10],
    ['DK', 10],
    ['NL', 10],
    ['FI', 8],
    ['GB', 8],
    ['FR', 6],
    ['BE', 4],
    ['PL', 4],
    ['ES', 4],
    ['IT', 4],
    ['IE', 2],
  ],
  PURCHASER: [
    ['SE', 25],
    ['NO', 15],
    ['DK', 15],
    ['FI', 12],
    ['DE', 10],
    ['NL', 10],
    ['BE', 3],
    ['IS', 2],
    ['EE', 2],
    ['IE', 2],
    ['AT', 2],
    ['FR', 2],
  ],
  MONITOR: [
    ['SE', 2],
    ['DK', 2],
    ['NL', 2],
    ['GB', 2],
    ['DE', 1],
    ['NO', 1],
    ['US', 1],
    ['BE', 1],
    ['CH', 1],
  ],
};

/** Every country code the generator uses, so a country fits in one byte per organization. */
export const COUNTRIES: readonly string[] = [
  ...new Set(Object.values(COUNTRY_WEIGHTS).flatMap((weights) => weights.map(([code]) => code))),
].sort();
const COUNTRY_INDEX = new Map(COUNTRIES.map((code, i) => [code, i]));

const COUNTRY_LISTS = Object.fromEntries(
  Object.entries(COUNTRY_WEIGHTS).map(([type, weights]) => [
    type,
    new WeightedList(weights.map(([code, w]) => [COUNTRY_INDEX.get(code) as number, w] as const)),
  ]),
) as Record<OrganizationType, WeightedList<number>>;

/** Index into COUNTRIES of a country for an organization of `type`. */
export function drawCountry(rng: Random, type: OrganizationType): number {
  return COUNTRY_LISTS[type].sample(rng);
}

/** Production cities, for factories and manufacturers. */
const CITIES: Record<string, readonly string[]> = {
  CN: [
    'Shenzhen',
    'Dongguan',
    'Suzhou',
    'Kunshan',
    'Chongqing',
    'Chengdu',
    'Zhengzhou',
    'Wuhan',
    'Huizhou',
    'Xiamen',
  ],
  VN: ['Bac Ninh', 'Bac Giang', 'Hai Phong', 'Thai Nguyen', 'Ho Chi Minh City'],
  TW: ['Taoyuan', 'Hsinchu', 'Taichung', 'Tainan', 'New Taipei'],
  MY: ['Penang', 'Kulim', 'Johor Bahru', 'Kuala Lumpur'],
  MX: ['Ciudad Juarez', 'Tijuana', 'Guadalajara', 'Reynosa', 'Monterrey'],
  IN: ['Chennai', 'Noida', 'Sriperumbudur', 'Bengaluru', 'Pune'],
  TH: ['Ayutthaya', 'Chonburi', 'Rayong', 'Pathum Thani'],
  PH: ['Laguna', 'Cebu', 'Cavite'],
  ID: ['Batam', 'Bekasi'],
  KR: ['Suwon', 'Gumi', 'Pyeongtaek'],
  JP: ['Osaka', 'Nagoya', 'Kumamoto'],
  CZ: ['Pardubice', 'Brno'],
  HU: ['Tatabanya', 'Gyor'],
  PL: ['Wroclaw', 'Lodz'],
  BR: ['Manaus', 'Sao Paulo'],
  US: ['Austin', 'San Jose', 'Round Rock'],
  DE: ['Dresden', 'Munich'],
  SG: ['Singapore'],
  IL: ['Haifa'],
};

export function drawCity(rng: Random, country: string): string | undefined {
  const cities = CITIES[country];
  return cities ? rng.pick(cities) : undefined;
}

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'kr',
  'tr',
  'st',
  'qu',
  'x',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'io'];
const CODAS = ['', '', '', 'n', 'r', 'l', 'x', 'k', 's', 'm', 'th'];

/** A pronounceable made-up word of 2-3 syllables, capitalized (Varokel, Triman, ...). */
export function fakeWord(rng: Random): string {
  const syllables = rng.chance(0.35) ? 3 : 2;
  let word = '';
  for (let i = 0; i < syllables; i++) {
    word += rng.pick(ONSETS) + rng.pick(VOWELS);
    if (i === syllables - 1 || rng.chance(0.2)) word += rng.pick(CODAS);
  }
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const PURCHASER_FORMS: Record<string, readonly ((w: string) => string)[]> = {
  SE: [(w) => `${w} kommun`, (w) => `Region ${w}`, (w) => `${w} universitet`],
  NO: [(w) => `${w} kommune`, (w) => `${w} fylkeskommune`],
  DK: [(w) => `${w} Kommune`, (w) => `Region ${w}`],
  FI: [(w) => `${w}n kaupunki`, (w) => `${w} hyvinvointialue`],
  DE: [(w) => `Stadt ${w}`, (w) => `Landkreis ${w}`, (w) => `Universitatsklinikum ${w}`],
  NL: [(w) => `Gemeente ${w}`, (w) => `Provincie ${w}`],
  BE: [(w) => `Stad ${w}`, (w) => `Ville de ${w}`],
  FR: [(w) => `Ville de ${w}`, (w) => `Region ${w}`],
  AT: [(w) => `Stadt ${w}`, (w) => `Land ${w}`],
};
const PURCHASER_DEFAULT = [(w: string) => `${w} City Council`, (w: string) => `${w} University Hospital`];

const RESELLER_SUFFIX: Record<string, readonly string[]> = {
  SE: ['IT AB', 'Data AB', 'Teknik AB'],
  NO: ['IT AS', 'Data AS'],
  DK: ['IT ApS', 'Data A/S'],
  FI: ['IT Oy', 'Data Oy'],
  DE: ['Systemhaus GmbH', 'IT GmbH'],
  NL: ['ICT B.V.', 'IT Services B.V.'],
  GB: ['IT Solutions Ltd', 'Technology Ltd'],
  IE: ['IT Solutions Ltd'],
  FR: ['Informatique SAS'],
  BE: ['ICT NV'],
  PL: ['IT Sp. z o.o.'],
  ES: ['Informatica S.L.'],
  IT: ['Informatica S.r.l.'],
};

const BRAND_SUFFIXES = [
  'tek',
  'tronix',
  'ware',
  'ix',
  'on',
  'ara',
  'ium',
  'lux',
  'via',
  'com',
  'nova',
  'byte',
];
const MANUFACTURER_FORMS = [
  (w: string) => `${w} Electronics Co., Ltd.`,
  (w: string) => `${w} Precision Industry Co., Ltd.`,
  (w: string) => `${w} Technology Corp.`,
  (w: string) => `${w} Components Inc.`,
  (w: string) => `${w} Electronic Manufacturing Services`,
];
const MONITOR_FORMS = [
  (w: string) => `${w} Watch`,
  (w: string) => `${w} Labour Rights Monitor`,
  (w: string) => `${w} Institute for Supply Chain Research`,
  (w: string) => `${w} Audit Collective`,
];

/** A made-up name for an organization of `type` in `country`; `specialty` names what a factory makes. */
export function drawName(
  rng: Random,
  type: OrganizationType,
  country: string,
  specialty: string,
  city?: string,
): string {
  const word = fakeWord(rng);
  switch (type) {
    case 'PURCHASER':
      return rng.pick(PURCHASER_FORMS[country] ?? PURCHASER_DEFAULT)(word);
    case 'RESELLER':
      return `${word} ${rng.pick(RESELLER_SUFFIX[country] ?? ['IT Ltd'])}`;
    case 'BRAND':
      return word.length > 7 ? word : word + rng.pick(BRAND_SUFFIXES);
    case 'MANUFACTURER':
      return rng.pick(MANUFACTURER_FORMS)(word);
    case 'FACTORY': {
      const what = specialty.charAt(0).toUpperCase() + specialty.slice(1);
      return `${word} ${what} Plant ${rng.between(1, 12)}${city ? ` (${city})` : ''}`;
    }
    case 'MONITOR':
      return rng.pick(MONITOR_FORMS)(word);
  }
}

/** What factories make: raw components. */
export const COMPONENTS = [
  'printed circuit boards',
  'lithium-ion battery cells',
  'LCD panels',
  'OLED panels',
  'camera modules',
  'power supplies',
  'keyboards',
  'aluminium chassis',
  'plastic housings',
  'cables',
  'connectors',
  'memory chips',
  'NAND flash',
  'capacitors',
  'cooling fans',
  'hinges',
  'speakers',
  'touchpads',
  'antennas',
  'chargers',
  'cover glass',
  'magnesium alloy frames',
  'copper foil',
  'solder paste',
  'screws and fasteners',
  'packaging',
  'rare-earth magnets',
  'semiconductor wafers',
] as const;

/** What sub-tier manufacturers make for other manufacturers. */
export const SUBASSEMBLIES = [
  'mainboards',
  'display modules',
  'battery packs',
  'power supply units',
  'camera modules',
  'keyboard assemblies',
  'solid-state drives',
  'memory modules',
  'thermal modules',
  'chargers',
  'touch panels',
  'wireless modules',
  'hard disk drives',
  'graphics cards',
  'backlight units',
] as const;

/** Finished IT products, roughly most common first. */
export const FINISHED = [
  'laptops',
  'monitors',
  'desktop computers',
  'servers',
  'tablets',
  'smartphones',
  'docking stations',
  'printers',
  'network switches',
  'keyboards and mice',
  'headsets',
  'projectors',
  'thin clients',
  'storage arrays',
  'all-in-one computers',
  'wireless access points',
  'UPS systems',
  'interactive whiteboards',
] as const;

export const RISK_KINDS_WEIGHTED = new WeightedList<RiskKind>([
  ['REGION', 35],
  ['AUDIT_FINDING', 30],
  ['REPORT', 20],
  ['WATCHLIST', 15],
]);

export const SEVERITIES_WEIGHTED = new WeightedList<Severity>([
  ['LOW', 30],
  ['MEDIUM', 35],
  ['HIGH', 25],
  ['CRITICAL', 10],
]);

/**
 * What a synthetic indicator says, by kind, with the topics its words are about (RiskTopic): what an
 * analyst reading the sentence would file it under. The import-restriction listing is a forced-labour
 * one (as the UFLPA Entity List is); a trade watch list says nothing of what for, so has none.
 */
export const RISK_DESCRIPTIONS: Record<RiskKind, readonly { description: string; topics: RiskTopic[] }[]> = {
  REGION: [
    {
      description: 'Located in a region listed for elevated forced-labour risk (synthetic example)',
      topics: ['FORCED_LABOUR'],
    },
    {
      description:
        'Located in an industrial zone with reported restrictions on freedom of association (synthetic example)',
      topics: ['FREEDOM_OF_ASSOCIATION'],
    },
    { description: 'Sources minerals from a conflict-affected area (synthetic example)', topics: [] },
  ],
  AUDIT_FINDING: [
    {
      description: 'Audit found working weeks above 60 hours in peak season (synthetic example)',
      topics: ['WAGES_AND_HOURS'],
    },
    {
      description: 'Audit found recruitment fees charged to migrant workers (synthetic example)',
      topics: ['FORCED_LABOUR'],
    },
    { description: 'Audit found blocked emergency exits (synthetic example)', topics: ['HEALTH_AND_SAFETY'] },
    {
      description: 'Audit found student interns on production lines (synthetic example)',
      topics: ['CHILD_LABOUR', 'WAGES_AND_HOURS'],
    },
  ],
  REPORT: [
    {
      description: 'NGO report describes wage deductions as punishment (synthetic example)',
      topics: ['HARSH_TREATMENT', 'WAGES_AND_HOURS'],
    },
    {
      description:
        'Investigative report describes excessive overtime before product launches (synthetic example)',
      topics: ['WAGES_AND_HOURS'],
    },
  ],
  WATCHLIST: [
    { description: 'Named on a trade watch list (synthetic example)', topics: [] },
    {
      description: 'Named on an import restriction entity list (synthetic example)',
      topics: ['FORCED_LABOUR'],
    },
  ],
};

/** What an organization publishes about itself, and what a customer publishes about its supplier. */
export const OWN_DISCLOSURE_KINDS = new WeightedList<DisclosureKind>([
  ['SELF_ASSESSMENT', 35],
  ['CERTIFICATE', 20],
  ['CORRECTIVE_ACTION_PLAN', 20],
  ['IMPROVEMENT', 15],
  ['AUDIT_REPORT', 10],
]);
export const CUSTOMER_DISCLOSURE_KINDS = new WeightedList<DisclosureKind>([
  ['AUDIT_REPORT', 45],
  ['CORRECTIVE_ACTION_PLAN', 40],
  ['SELF_ASSESSMENT', 15],
]);

export const DISCLOSURE_TITLES: Record<DisclosureKind, string> = {
  SELF_ASSESSMENT: 'Working-conditions self-assessment',
  AUDIT_REPORT: 'Social audit report',
  CORRECTIVE_ACTION_PLAN: 'Corrective action plan',
  IMPROVEMENT: 'Improvement programme',
  CERTIFICATE: 'Management system certificate',
};

/** Made-up audit firms and standard names (synthetic examples, no real body). */
export const ISSUERS = ['Synthetic Audit Services', 'Example Assurance Group', 'Placeholder Inspections'];
export const STANDARDS = ['Synthetic Labour Code 2.0', 'Example Safety Standard', 'Sample Ethics Charter'];

/** Findings with what is done about them, and how serious they tend to be. */
export const FINDINGS: readonly { finding: string; action: string; severity: Severity }[] = [
  {
    finding: 'Working weeks above 60 hours in peak season (synthetic example)',
    action: 'Cap overtime and plan peak-season staffing',
    severity: 'HIGH',
  },
  {
    finding: 'Recruitment fees charged to migrant workers (synthetic example)',
    action: 'Repay the fees and pay recruitment costs',
    severity: 'CRITICAL',
  },
  {
    finding: 'Emergency exits blocked by stock (synthetic example)',
    action: 'Clear exits and check them every shift',
    severity: 'HIGH',
  },
  {
    finding: 'Identity documents kept by the employer (synthetic example)',
    action: 'Return documents and offer personal lockers',
    severity: 'CRITICAL',
  },
  {
    finding: 'No working grievance channel (synthetic example)',
    action: 'Set up an anonymous grievance channel',
    severity: 'MEDIUM',
  },
  {
    finding: 'Protective equipment missing at soldering stations (synthetic example)',
    action: 'Provide and train on protective equipment',
    severity: 'MEDIUM',
  },
  {
    finding: 'Wage slips not given to workers (synthetic example)',
    action: 'Issue itemised wage slips every month',
    severity: 'LOW',
  },
];
