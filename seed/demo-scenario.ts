// The demo scenario (docs/demo-scenario.md, spec: design/demo-scenario.md): the public story of the
// seed texts as a `tiersight/v1` file. `tiersight seed` and `npm start` on an empty database load it.
//
// WHAT IS FACT AND WHAT IS NOT
//
// Every record that says something about a real organization carries `provenance`:
//
// - DOCUMENTED: stated in a public source, cited in `sources` (publication, publisher, date; a URL only
//   where it is certain). Only these facts are documented:
//   * Stockholm County Council (Region Stockholm since 2019) bought desktop and laptop computers from
//     Dell from 2010-09-20 to 2014-09-14; in September 2014 it signed a four-year framework contract
//     (SEK 156 million) with the reseller Atea, with Dell as Atea's subcontractor (Electronics Watch
//     case study, February 2016).
//   * DanWatch and China Labor Watch (November 2013) documented labour-rights violations in four
//     Chinese factories supplying Dell: Mingshuo (a Pegatron subsidiary, Jiangsu), Hipro Electronics
//     (Dongguan), MSI (Shenzhen) and Taida (a Delta Electronics subsidiary, Dongguan).
//   * Danwatch, "Servants of Servers" (October 2015): Wistron's factory in Zhongshan made servers for
//     HP, Dell and Lenovo, with student interns sent there by their schools.
//   * ASPI, "Uyghurs for sale" (March 2020): an OFILM factory in Nanchang received Uyghur workers
//     transferred from Xinjiang (also reported by the AP); Nanchang O-Film Tech was added to the US
//     Entity List in July 2020.
// - ILLUSTRATIVE: invented so that the demo works, and said so in `sources`. Every share is
//   illustrative (nobody has published who shares what with whom), and so is every link not listed
//   above: the Norwegian buyers' supplier (Atea AS), Adda and Svenska kyrkan buying from Atea, the
//   manufacturers as Dell's suppliers, and every continuation of a documented link past its documented
//   period. Illustrative links carry no dates, except a continuation, which
//   starts where the documented period ends.
//
// Risk indicators are all documented: this file never states a labour-rights or forced-labour finding
// that a cited source did not publish, and no illustrative link puts one on a real company's path
// where no source does (so OFILM is not linked to Dell: see the links below).
//
// DATES
//
// A link holds from validFrom (inclusive) to validTo (exclusive). Where a source documents a supply
// relationship only as observed in a report (the factories), the documented link spans that report's
// calendar year and an illustrative continuation takes over from the next day on, so that "now" shows a
// supply chain while `asOf` inside the documented period shows only what is documented.
//
// TIERS (contract section 2) — how the records below make the demo come out as the spec says
//
// The factories must be at tier 3 for Region Stockholm: Region Stockholm <- Atea Sverige (tier 1) <-
// Dell (tier 2) <- factory (tier 3). So each factory supplies Dell directly (`l-<factory>-dell…`); its
// parent group is carried in the factory's name and in a separate factory -> parent link (an owned
// production site producing for its group). If the factories reached Dell only through their parents
// (factory -> manufacturer -> Dell) they would sit at tier 4. The manufacturers also supply Dell directly
// (illustrative), so they sit at tier 3 beside the factories.
//
// - Region Stockholm (now): its own link from Atea Sverige (tier 1); Atea Sverige shares its Dell
//   links with it (`s-atea-sthlm`: Dell at tier 2); Dell shares all its own sourcing with it
//   (`s-dell-sthlm`, linkIds null: factories and manufacturers at tier 3). Factory -> parent links are
//   not shared with anybody, so they add nothing to its view.
// - Region Stockholm `asOf` 2013: only its own link from Dell holds (Dell at tier 1); Atea's link does
//   not hold yet and the shares were not yet granted (their `createdAt` is in 2015).
// - Oslo kommune: its own link from Atea AS (tier 1); Atea AS shares nothing with it: a blind spot.
//   Atea AS shares its Dell link with Sykehusinnkjøp instead (Dell at tier 2 there), which shows that
//   a share counts only for its recipient.
// - Electronics Watch (MONITOR): Dell shares its factory links with it (`s-dell-ew`), which makes Dell
//   one of its roots; with root us-dell it sees the five factories that supply Dell at tier 1 (not the manufacturers).
// - DanWatch (MONITOR): receives nothing; it researched these factories from the outside.
// - Both monitors are `listed`: any owner may name them as a share's recipient, although rule 5 does
//   not let it look them up (docs/data-model.md, "Sharing").
//
// RECORDING TIMES (transaction time: `recordedAt`, and a share's `createdAt`). `asOf: t` shows only
// what had been recorded by t, so a demo recorded on the day `tiersight seed` runs would show nothing in
// 2013. The demo is a story told from 2010 on: each record states when it was recorded in the story, the
// day it begins to hold (a link's validFrom; STORY_START for undated links; a risk indicator's
// observedAt, the day its source published it). These dates are illustrative.
//
// The share `createdAt` dates are illustrative too; they follow the documented story (the county
// council's follow-up of Atea and Dell began in February 2015 and reported more transparency from Dell
// in November 2015; Electronics Watch published its case study in February 2016). Atea AS's share with
// Sykehusinnkjøp is dated 2023, after the Norwegian buyers began their due-diligence dialogue.
import type {
  LinkRecord,
  OrganizationRecord,
  RiskRecord,
  ShareRecord,
  Sourced,
  TiersightFile,
} from '../src/domain/format.ts';

/** Ids the tests, the docs and the CLI rely on (the table of design/demo-scenario.md). */
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

const ID = DEMO_IDS;

/** Shares and risks carry provenance too; the importer ignores the extra fields (all shares are illustrative). */
export type DemoShareRecord = ShareRecord & Sourced;
export type DemoRiskRecord = RiskRecord & Sourced;
export interface DemoScenarioFile extends TiersightFile {
  shares: DemoShareRecord[];
  risks: DemoRiskRecord[];
}

// ---------------------------------------------------------------------------------------------------
// Sources

const EW_CASE_STUDY_2016 =
  'Electronics Watch, "Public Procurement and Human Rights Due Diligence to Achieve Respect for Labour ' +
  'Rights Standards in Electronics Factories: A Case Study of the Swedish County Councils and the Dell ' +
  'Computer Corporation", February 2016';
const KOMMENTUS_2015 =
  'SKL Kommentus Inköpscentral, "Sociala krav har följts upp för persondatorer" (Stockholm County ' +
  "Council's follow-up of its framework with Atea and subcontractor Dell), 23 November 2015, " +
  'http://www.kommentus.se/inkopscentral/nyheter/sociala-krav-har-foljts-upp-for-persondatorer/';
const SEED_EW_REPORT =
  'Regionernas nationella kansli för hållbar upphandling (Karin Lonaeus), "Electronics Watch publicerar ' +
  'rapport" (news item on the February 2016 Electronics Watch case study; undated copy)';
const SEED_NORWAY =
  'Regionernas nationella kansli för hållbar upphandling, "Norsk leverantörsdialog" (news item on the ' +
  'due-diligence dialogue of Sykehusinnkjøp HF, DFØ and Oslo kommune with IT suppliers, and on the work ' +
  'of Region Stockholm, Adda and Svenska kyrkan on state-imposed forced labour since 2020; undated copy)';
const DANWATCH_2013 =
  'DanWatch and China Labor Watch, "Case study of labour conditions at 4 Dell suppliers in China" ' +
  '("IT workers still pay the price for cheap computers"), by Sophie Stracke, Nina Lendal and Frederik ' +
  'Johannisson, November 2013';
const GUARDIAN_2013 =
  'The Guardian, "Dell suppliers accused of human rights violations in China", 6 November 2013, ' +
  'https://www.theguardian.com/technology/2013/nov/06/dell-suppliers-accused-of-human-rights-violations';
const REGISTER_2013 =
  'The Register, "Hey EU! Have you seen Dell\'s HORRID Chinese factories?", 7 November 2013 (names ' +
  'Mingshuo as a Pegatron subsidiary and Taida as a Delta Electronics subsidiary), ' +
  'http://www.theregister.co.uk/2013/11/07/dell_china_labour_rights_violations_suppliers/';
const GOODGEAR_2013 =
  'Good Gear Guide, "Dell faces scrutiny for alleged labor violations at factories in China", November ' +
  '2013 (the four factories are run by Mingshuo Computers, Hipro Electronics, Taida Electronics and ' +
  'Micro-Star International), ' +
  'https://www.goodgearguide.com.au/article/531216/dell_faces_scrutiny_alleged_labor_violations_factories_china/';
const DANWATCH_2015 =
  'Danwatch, "Servants of Servers: Rights violations and forced labour in the supply chain of ICT ' +
  'equipment in European universities", published with the GoodElectronics Network, 5 October 2015, ' +
  'https://old.danwatch.dk/en/undersogelse/servants-of-servers/';
const ASPI_2020_URL = 'https://www.aspi.org.au/report/uyghurs-sale';
const ASPI_2020 =
  'Australian Strategic Policy Institute (ASPI), Vicky Xiuzhong Xu et al., "Uyghurs for sale: ' +
  "'Re-education', forced labour and surveillance beyond Xinjiang\", Policy Brief Report No. 26/2020, " +
  `March 2020, ${ASPI_2020_URL}`;
const AP_2020 = 'Associated Press, reporting on Uyghur workers at an OFILM factory in Nanchang, March 2020';
const ENTITY_LIST_2020 =
  'U.S. Department of Commerce, Bureau of Industry and Security, "Commerce Department Adds Eleven ' +
  'Chinese Entities Implicated in Human Rights Abuses in Xinjiang to the Entity List", press release of ' +
  '20 July 2020; Federal Register rule effective 22 July 2020';

const ILLUSTRATIVE_SHARE =
  'Illustrative: invented for the demo. No public source says what this organization discloses to whom.';

/** Note for an illustrative link that continues a documented one after its documented period. */
const continues = (linkId: string, until: string): string =>
  `Illustrative: continues the documented link ${linkId} after ${until}; that it still holds is not documented.`;

// ---------------------------------------------------------------------------------------------------
// Organizations

const organizations: OrganizationRecord[] = [
  // Buyers
  {
    id: ID.regionStockholm,
    name: 'Region Stockholm (Stockholms läns landsting until 2019)',
    type: 'PURCHASER',
    country: 'SE',
    city: 'Stockholm',
    aliases: ['Stockholms läns landsting', 'Stockholm County Council'],
    provenance: 'DOCUMENTED',
    sources: [EW_CASE_STUDY_2016, SEED_EW_REPORT, SEED_NORWAY],
  },
  {
    id: ID.adda,
    name: 'Adda Inköpscentral',
    type: 'PURCHASER',
    country: 'SE',
    provenance: 'DOCUMENTED',
    sources: [SEED_NORWAY],
  },
  {
    id: ID.svenskaKyrkan,
    name: 'Svenska kyrkan',
    type: 'PURCHASER',
    country: 'SE',
    aliases: ['Church of Sweden'],
    provenance: 'DOCUMENTED',
    sources: [SEED_NORWAY],
  },
  {
    id: ID.osloKommune,
    name: 'Oslo kommune',
    type: 'PURCHASER',
    country: 'NO',
    city: 'Oslo',
    aliases: ['City of Oslo'],
    provenance: 'DOCUMENTED',
    sources: [SEED_NORWAY],
  },
  {
    id: ID.sykehusinnkjop,
    name: 'Sykehusinnkjøp HF',
    type: 'PURCHASER',
    country: 'NO',
    provenance: 'DOCUMENTED',
    sources: [SEED_NORWAY],
  },
  {
    id: ID.dfo,
    name: 'DFØ – Statens innkjøpssenter',
    type: 'PURCHASER',
    country: 'NO',
    provenance: 'DOCUMENTED',
    sources: [SEED_NORWAY],
  },

  // Resellers
  {
    id: ID.atea,
    name: 'Atea Sverige AB',
    type: 'RESELLER',
    country: 'SE',
    aliases: ['Atea'],
    provenance: 'DOCUMENTED',
    sources: [EW_CASE_STUDY_2016, KOMMENTUS_2015, SEED_EW_REPORT],
  },
  {
    // A real company (the Atea group's Norwegian company); no cited source names it, and everything
    // the demo says about it (its customers, its supplier, its shares) is illustrative.
    id: ID.ateaNorway,
    name: 'Atea AS',
    type: 'RESELLER',
    country: 'NO',
    aliases: ['Atea'],
    sources: [
      'Illustrative role: no cited source documents the customers, suppliers or shares given to Atea AS here.',
    ],
  },

  // Brand
  {
    id: ID.dell,
    name: 'Dell Technologies',
    type: 'BRAND',
    country: 'US',
    city: 'Round Rock',
    region: 'Texas',
    aliases: ['Dell', 'Dell Computer Corporation'],
    provenance: 'DOCUMENTED',
    sources: [EW_CASE_STUDY_2016, DANWATCH_2013, DANWATCH_2015, ASPI_2020],
  },

  // Manufacturers (the groups the factories belong to)
  {
    id: ID.pegatron,
    name: 'Pegatron',
    type: 'MANUFACTURER',
    country: 'TW',
    aliases: ['Pegatron Corporation'],
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, REGISTER_2013],
  },
  {
    id: ID.msi,
    name: 'Micro-Star International',
    type: 'MANUFACTURER',
    country: 'TW',
    aliases: ['MSI'],
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, GOODGEAR_2013],
  },
  {
    id: ID.delta,
    name: 'Delta Electronics',
    type: 'MANUFACTURER',
    country: 'TW',
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, REGISTER_2013],
  },
  {
    id: ID.wistron,
    name: 'Wistron',
    type: 'MANUFACTURER',
    country: 'TW',
    aliases: ['Wistron Corporation'],
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2015],
  },
  {
    id: ID.ofilm,
    name: 'O-Film Technology',
    type: 'MANUFACTURER',
    country: 'CN',
    aliases: ['OFILM', 'O-Film Tech'],
    provenance: 'DOCUMENTED',
    sources: [ASPI_2020, AP_2020],
  },

  // Factories (production sites)
  {
    id: ID.mingshuoJiangsu,
    name: 'Mingshuo (Pegatron subsidiary), Jiangsu',
    type: 'FACTORY',
    country: 'CN',
    region: 'Jiangsu',
    aliases: ['Mingshuo Computers'],
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, GUARDIAN_2013, REGISTER_2013],
  },
  {
    id: ID.hiproDongguan,
    name: 'Hipro Electronics, Dongguan',
    type: 'FACTORY',
    country: 'CN',
    city: 'Dongguan',
    region: 'Guangdong',
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, REGISTER_2013],
  },
  {
    id: ID.msiShenzhen,
    name: 'MSI Computer (Shenzhen) Co., Ltd.',
    type: 'FACTORY',
    country: 'CN',
    city: 'Shenzhen',
    region: 'Guangdong',
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, GOODGEAR_2013],
  },
  {
    id: ID.taidaDongguan,
    name: 'Taida (Delta Electronics subsidiary), Dongguan',
    type: 'FACTORY',
    country: 'CN',
    city: 'Dongguan',
    region: 'Guangdong',
    aliases: ['Taida Electronics'],
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, REGISTER_2013],
  },
  {
    id: ID.wistronZhongshan,
    name: 'Wistron, Zhongshan',
    type: 'FACTORY',
    country: 'CN',
    city: 'Zhongshan',
    region: 'Guangdong',
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2015],
  },
  {
    // Stands for OFILM's operations in Nanchang: the AP visited one OFILM factory there; the Entity
    // List names the legal entity "Nanchang O-Film Tech".
    id: ID.ofilmNanchang,
    name: 'OFILM, Nanchang',
    type: 'FACTORY',
    country: 'CN',
    city: 'Nanchang',
    region: 'Jiangxi',
    aliases: ['Nanchang O-Film Tech'],
    provenance: 'DOCUMENTED',
    sources: [ASPI_2020, AP_2020, ENTITY_LIST_2020],
  },

  // Monitors
  {
    id: ID.electronicsWatch,
    name: 'Electronics Watch',
    type: 'MONITOR',
    country: 'NL',
    city: 'Amsterdam',
    listed: true,
    provenance: 'DOCUMENTED',
    sources: [EW_CASE_STUDY_2016, SEED_EW_REPORT],
  },
  {
    id: ID.danwatch,
    name: 'DanWatch',
    type: 'MONITOR',
    country: 'DK',
    city: 'Copenhagen',
    aliases: ['Danwatch'],
    listed: true,
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, DANWATCH_2015],
  },
];

// ---------------------------------------------------------------------------------------------------
// Links (supplier -> customer)

const PCS = ['desktop computers', 'laptop computers'];

/** The four DanWatch 2013 factories: documented as supplying Dell in 2013. */
const DANWATCH_2013_FACTORIES = [
  {
    factory: ID.mingshuoJiangsu,
    key: 'mingshuo',
    products: ['motherboards'],
    parent: { id: ID.pegatron, key: 'pegatron', source: REGISTER_2013 },
  },
  { factory: ID.hiproDongguan, key: 'hipro', products: ['computer components'], parent: null },
  {
    factory: ID.msiShenzhen,
    key: 'msi-shenzhen',
    products: ['computer components'],
    parent: { id: ID.msi, key: 'msi', source: GOODGEAR_2013 },
  },
  {
    factory: ID.taidaDongguan,
    key: 'taida',
    products: ['computer components'],
    parent: { id: ID.delta, key: 'delta', source: REGISTER_2013 },
  },
] as const;

const links: LinkRecord[] = [
  // --- Region Stockholm's own sourcing: Dell directly until 2014, then Atea (documented) ---
  {
    id: ID.linkDellSthlm2010,
    supplier: ID.dell,
    customer: ID.regionStockholm,
    products: [...PCS],
    validFrom: '2010-09-20',
    validTo: '2014-09-15', // the contract ran to 2014-09-14 inclusive
    provenance: 'DOCUMENTED',
    sources: [EW_CASE_STUDY_2016],
  },
  {
    id: ID.linkAteaSthlm2014,
    supplier: ID.atea,
    customer: ID.regionStockholm,
    products: [...PCS],
    validFrom: '2014-09-15',
    validTo: '2018-09-15',
    provenance: 'DOCUMENTED',
    sources: [
      EW_CASE_STUDY_2016,
      KOMMENTUS_2015,
      SEED_EW_REPORT,
      'Four-year framework contract (SEK 156 million) signed in September 2014; the exact dates are taken ' +
        'as the day after the Dell contract ended and four years later.',
    ],
  },
  {
    id: ID.linkAteaSthlm2018,
    supplier: ID.atea,
    customer: ID.regionStockholm,
    products: [...PCS],
    validFrom: '2018-09-15',
    provenance: 'ILLUSTRATIVE',
    sources: [
      continues(ID.linkAteaSthlm2014, 'the four-year framework') + ' Treating it as renewed is illustrative.',
    ],
  },
  {
    id: ID.linkDellAtea2014,
    supplier: ID.dell,
    customer: ID.atea,
    products: [...PCS],
    validFrom: '2014-09-15',
    validTo: '2018-09-15',
    provenance: 'DOCUMENTED',
    sources: [
      EW_CASE_STUDY_2016,
      KOMMENTUS_2015,
      SEED_EW_REPORT,
      "Dell as Atea's subcontractor for the county council's 2014-2018 framework contract.",
    ],
  },
  {
    id: ID.linkDellAtea2018,
    supplier: ID.dell,
    customer: ID.atea,
    products: [...PCS],
    validFrom: '2018-09-15',
    provenance: 'ILLUSTRATIVE',
    sources: [continues(ID.linkDellAtea2014, 'the four-year framework')],
  },

  // --- Other buyers (illustrative) ---
  {
    id: 'l-atea-adda',
    supplier: ID.atea,
    customer: ID.adda,
    products: [...PCS],
    provenance: 'ILLUSTRATIVE',
    sources: ['Illustrative: no cited source says that Adda buys from Atea Sverige.'],
  },
  {
    id: 'l-atea-svenska-kyrkan',
    supplier: ID.atea,
    customer: ID.svenskaKyrkan,
    products: [...PCS],
    provenance: 'ILLUSTRATIVE',
    sources: ['Illustrative: no cited source says that Svenska kyrkan buys from Atea Sverige.'],
  },
  {
    id: ID.linkAteaNoOslo,
    supplier: ID.ateaNorway,
    customer: ID.osloKommune,
    products: [...PCS],
    provenance: 'ILLUSTRATIVE',
    sources: ['Illustrative: no cited source says that Oslo kommune buys from Atea AS.'],
  },
  {
    id: 'l-atea-no-sykehusinnkjop',
    supplier: ID.ateaNorway,
    customer: ID.sykehusinnkjop,
    products: [...PCS],
    provenance: 'ILLUSTRATIVE',
    sources: ['Illustrative: no cited source says that Sykehusinnkjøp HF buys from Atea AS.'],
  },
  {
    id: 'l-atea-no-dfo',
    supplier: ID.ateaNorway,
    customer: ID.dfo,
    products: [...PCS],
    provenance: 'ILLUSTRATIVE',
    sources: ['Illustrative: no cited source says that DFØ buys from Atea AS.'],
  },
  {
    id: 'l-dell-atea-no',
    supplier: ID.dell,
    customer: ID.ateaNorway,
    products: [...PCS],
    provenance: 'ILLUSTRATIVE',
    sources: ['Illustrative: no cited source says that Atea AS resells Dell products.'],
  },

  // --- The DanWatch 2013 factories: documented as supplying Dell in 2013 ---
  ...DANWATCH_2013_FACTORIES.flatMap(({ factory, key, products }): LinkRecord[] => [
    {
      id: `l-${key}-dell-2013`,
      supplier: factory,
      customer: ID.dell,
      products: [...products],
      validFrom: '2013-01-01',
      validTo: '2014-01-01',
      provenance: 'DOCUMENTED',
      sources: [
        DANWATCH_2013,
        ...(key === 'mingshuo' ? [GUARDIAN_2013] : []),
        REGISTER_2013,
        GOODGEAR_2013,
        'Documented as producing for Dell at the time of the investigation (April to September 2013); ' +
          'the dates span the report year, not the start or end of the relationship.',
      ],
    },
    {
      id: `l-${key}-dell`,
      supplier: factory,
      customer: ID.dell,
      products: [...products],
      validFrom: '2014-01-01',
      provenance: 'ILLUSTRATIVE',
      sources: [continues(`l-${key}-dell-2013`, '2013')],
    },
  ]),

  // --- Wistron Zhongshan: documented as making servers for Dell in 2015 ---
  {
    id: 'l-wistron-zhongshan-dell-2015',
    supplier: ID.wistronZhongshan,
    customer: ID.dell,
    products: ['servers'],
    validFrom: '2015-01-01',
    validTo: '2016-01-01',
    provenance: 'DOCUMENTED',
    sources: [
      DANWATCH_2015,
      "Wistron's Zhongshan factory made servers for HP, Dell and Lenovo at the time of the report; the " +
        'dates span the report year, not the start or end of the relationship.',
    ],
  },
  {
    id: 'l-wistron-zhongshan-dell',
    supplier: ID.wistronZhongshan,
    customer: ID.dell,
    products: ['servers'],
    validFrom: '2016-01-01',
    provenance: 'ILLUSTRATIVE',
    sources: [continues('l-wistron-zhongshan-dell-2015', '2015')],
  },

  // --- No OFILM -> Dell link: ASPI (2020) named Dell among 83 brands linked to factories using Uyghur
  // labour transfers, but no source here ties Dell to OFILM, and the demo never invents a forced-labour
  // link for a real company. OFILM Nanchang's documented risks stand on their own.

  // --- Factory -> parent group (owned production sites producing for their group) ---
  ...DANWATCH_2013_FACTORIES.flatMap(({ factory, key, products, parent }): LinkRecord[] =>
    parent === null
      ? []
      : [
          {
            id: `l-${key}-${parent.key}-2013`,
            supplier: factory,
            customer: parent.id,
            products: [...products],
            validFrom: '2013-01-01',
            validTo: '2014-01-01',
            provenance: 'DOCUMENTED',
            sources: [
              DANWATCH_2013,
              parent.source,
              'Models the documented ownership in 2013 (the factory belongs to, or is run by, this group) as ' +
                'a supply link from the production site to its group.',
            ],
          },
          {
            id: `l-${key}-${parent.key}`,
            supplier: factory,
            customer: parent.id,
            products: [...products],
            validFrom: '2014-01-01',
            provenance: 'ILLUSTRATIVE',
            sources: [continues(`l-${key}-${parent.key}-2013`, '2013')],
          },
        ],
  ),
  {
    id: 'l-wistron-zhongshan-wistron-2015',
    supplier: ID.wistronZhongshan,
    customer: ID.wistron,
    products: ['servers'],
    validFrom: '2015-01-01',
    validTo: '2016-01-01',
    provenance: 'DOCUMENTED',
    sources: [
      DANWATCH_2015,
      "Models the documented ownership in 2015 (Wistron's factory in Zhongshan) as a supply link from the " +
        'production site to its group.',
    ],
  },
  {
    id: 'l-wistron-zhongshan-wistron',
    supplier: ID.wistronZhongshan,
    customer: ID.wistron,
    products: ['servers'],
    validFrom: '2016-01-01',
    provenance: 'ILLUSTRATIVE',
    sources: [continues('l-wistron-zhongshan-wistron-2015', '2015')],
  },
  {
    id: 'l-ofilm-nanchang-ofilm-2020',
    supplier: ID.ofilmNanchang,
    customer: ID.ofilm,
    products: ['camera modules'],
    validFrom: '2020-01-01',
    validTo: '2021-01-01',
    provenance: 'DOCUMENTED',
    sources: [
      ASPI_2020,
      AP_2020,
      'Models the documented ownership in 2020 (an OFILM factory in Nanchang) as a supply link from the ' +
        'production site to its group.',
    ],
  },
  {
    id: 'l-ofilm-nanchang-ofilm',
    supplier: ID.ofilmNanchang,
    customer: ID.ofilm,
    products: ['camera modules'],
    validFrom: '2021-01-01',
    provenance: 'ILLUSTRATIVE',
    sources: [continues('l-ofilm-nanchang-ofilm-2020', '2020')],
  },

  // --- Manufacturers as Dell's suppliers (illustrative) ---
  ...(
    [
      [
        ID.pegatron,
        'pegatron',
        ['motherboards'],
        'its subsidiary Mingshuo produced for Dell in 2013 (DanWatch)',
      ],
      [ID.msi, 'msi', ['computer components'], 'its Shenzhen factory produced for Dell in 2013 (DanWatch)'],
      [
        ID.delta,
        'delta',
        ['computer components'],
        'its subsidiary Taida produced for Dell in 2013 (DanWatch)',
      ],
      [ID.wistron, 'wistron', ['servers'], 'its Zhongshan factory made servers for Dell in 2015 (Danwatch)'],
    ] as const
  ).map(([supplier, key, products, documented]): LinkRecord => ({
    id: `l-${key}-dell`,
    supplier,
    customer: ID.dell,
    products: [...products],
    provenance: 'ILLUSTRATIVE',
    sources: [`Illustrative: the group as a direct Dell supplier is not documented; ${documented}.`],
  })),
];

// ---------------------------------------------------------------------------------------------------
// Shares (all illustrative)

/** The links in which Dell is the customer and a factory the supplier. */
const dellFactoryLinkIds = (): string[] => {
  const factories = new Set(organizations.filter((o) => o.type === 'FACTORY').map((o) => o.id));
  return links.filter((l) => l.customer === ID.dell && factories.has(l.supplier)).map((l) => l.id);
};

const shares: DemoShareRecord[] = [
  {
    id: ID.shareAteaSthlm,
    owner: ID.atea,
    recipient: ID.regionStockholm,
    linkIds: [ID.linkDellAtea2014, ID.linkDellAtea2018],
    createdAt: '2015-02-01',
    provenance: 'ILLUSTRATIVE',
    sources: [ILLUSTRATIVE_SHARE + " Atea discloses its Dell sourcing to the county council's follow-up."],
  },
  {
    id: ID.shareDellSthlm,
    owner: ID.dell,
    recipient: ID.regionStockholm,
    linkIds: null,
    createdAt: '2015-11-01',
    provenance: 'ILLUSTRATIVE',
    sources: [ILLUSTRATIVE_SHARE + ' Dell discloses all its own sourcing (factories and manufacturers).'],
  },
  {
    id: ID.shareDellElectronicsWatch,
    owner: ID.dell,
    recipient: ID.electronicsWatch,
    linkIds: dellFactoryLinkIds(),
    createdAt: '2016-02-01',
    provenance: 'ILLUSTRATIVE',
    sources: [ILLUSTRATIVE_SHARE + ' Dell discloses its factory links to the monitor.'],
  },
  {
    id: ID.shareAteaNoSykehusinnkjop,
    owner: ID.ateaNorway,
    recipient: ID.sykehusinnkjop,
    linkIds: ['l-dell-atea-no'],
    createdAt: '2023-01-01',
    provenance: 'ILLUSTRATIVE',
    sources: [
      ILLUSTRATIVE_SHARE +
        ' Atea AS shares its Dell link with Sykehusinnkjøp but not with Oslo kommune, which therefore sees a blind spot.',
    ],
  },
];

// ---------------------------------------------------------------------------------------------------
// Risk indicators (all documented)

const DANWATCH_2013_SUMMARY =
  'Across the four factories the report describes overtime far beyond the legal limit, low wages, heavy ' +
  'use of student interns, poor protection from chemicals and cramped dormitories.';

const risks: DemoRiskRecord[] = [
  {
    id: 'r-mingshuo-danwatch-2013',
    organization: ID.mingshuoJiangsu,
    kind: 'REPORT',
    source: DANWATCH_2013,
    severity: 'HIGH',
    description:
      'One of four Dell suppliers where DanWatch and China Labor Watch documented labour-rights violations ' +
      '(investigated April to September 2013). An investigator worked undercover in the factory building ' +
      'that made motherboards for Dell; the report says over a third of the workers on that floor were ' +
      'aged 16 to 18, hired through schools and recruiting agencies that charged fees, and that student ' +
      'interns usually worked 10.5 hours a day, 6 to 7 days a week. ' +
      DANWATCH_2013_SUMMARY,
    evidenceUrl:
      'https://www.theguardian.com/technology/2013/nov/06/dell-suppliers-accused-of-human-rights-violations',
    observedAt: '2013-11-05',
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, GUARDIAN_2013],
  },
  {
    id: 'r-hipro-danwatch-2013',
    organization: ID.hiproDongguan,
    kind: 'REPORT',
    source: DANWATCH_2013,
    severity: 'HIGH',
    description:
      'One of four Dell suppliers where DanWatch and China Labor Watch documented labour-rights violations ' +
      '(investigated April to September 2013). ' +
      DANWATCH_2013_SUMMARY,
    observedAt: '2013-11-05',
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, REGISTER_2013, GOODGEAR_2013],
  },
  {
    id: 'r-msi-shenzhen-danwatch-2013',
    organization: ID.msiShenzhen,
    kind: 'REPORT',
    source: DANWATCH_2013,
    severity: 'HIGH',
    description:
      'One of four Dell suppliers where DanWatch and China Labor Watch documented labour-rights violations ' +
      '(investigated April to September 2013). ' +
      DANWATCH_2013_SUMMARY,
    observedAt: '2013-11-05',
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, REGISTER_2013, GOODGEAR_2013],
  },
  {
    id: 'r-taida-danwatch-2013',
    organization: ID.taidaDongguan,
    kind: 'REPORT',
    source: DANWATCH_2013,
    severity: 'HIGH',
    description:
      'One of four Dell suppliers where DanWatch and China Labor Watch documented labour-rights violations ' +
      '(investigated April to September 2013); Taida is a Delta Electronics subsidiary. ' +
      DANWATCH_2013_SUMMARY,
    observedAt: '2013-11-05',
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2013, REGISTER_2013],
  },
  {
    id: 'r-wistron-zhongshan-danwatch-2015',
    organization: ID.wistronZhongshan,
    kind: 'REPORT',
    source: DANWATCH_2015,
    severity: 'HIGH',
    description:
      "Danwatch reported that students were sent by their schools to work as interns on Wistron's server " +
      'assembly lines in Zhongshan (servers for HP, Dell and Lenovo) for up to five months, 10 to 12 hours ' +
      'a day with overtime and night shifts; nine of the 25 interns interviewed said their school had ' +
      'threatened to fail them if they refused. Experts quoted in the report describe such compulsory ' +
      'internships as forced labour. HP and Dell were reported to have suspended the use of student ' +
      'interns at the factory.',
    evidenceUrl: 'https://old.danwatch.dk/en/undersogelse/servants-of-servers/',
    observedAt: '2015-10-05',
    provenance: 'DOCUMENTED',
    sources: [DANWATCH_2015],
  },
  {
    id: 'r-ofilm-nanchang-aspi-2020',
    organization: ID.ofilmNanchang,
    kind: 'REPORT',
    source: ASPI_2020,
    severity: 'CRITICAL',
    description:
      'ASPI documented the government-facilitated transfer of Uyghur workers from Xinjiang to factories across ' +
      'China under conditions that strongly suggest forced labour, and reported that an OFILM factory in ' +
      'Nanchang received transferred Uyghur workers. The Associated Press also reported on Uyghur workers ' +
      'at an OFILM factory in Nanchang (March 2020).',
    evidenceUrl: ASPI_2020_URL,
    observedAt: '2020-03-01',
    provenance: 'DOCUMENTED',
    sources: [ASPI_2020, AP_2020],
  },
  {
    id: 'r-ofilm-nanchang-entity-list-2020',
    organization: ID.ofilmNanchang,
    kind: 'WATCHLIST',
    source: ENTITY_LIST_2020,
    severity: 'CRITICAL',
    description:
      "Nanchang O-Film Tech was added to the US Commerce Department's Entity List (effective 22 July " +
      '2020), one of eleven Chinese companies the Department said were implicated in human-rights abuses ' +
      'in Xinjiang; the Bureau of Industry and Security named it among nine of them engaged, through the ' +
      'practice of forced labour involving members of Muslim minority groups from Xinjiang, in activities ' +
      'contrary to US foreign policy interests.',
    observedAt: '2020-07-22',
    provenance: 'DOCUMENTED',
    sources: [ENTITY_LIST_2020],
  },
];

/** When the story begins: the county council's direct contract with Dell (see RECORDING TIMES). */
const STORY_START = '2010-09-20';

/** The demo scenario as a `tiersight/v1` file (only the format key and the four sections). */
export const DEMO_SCENARIO: DemoScenarioFile = {
  format: 'tiersight/v1',
  organizations,
  links: links.map((l) => ({ ...l, recordedAt: l.validFrom ?? STORY_START })),
  shares,
  risks: risks.map((r) => ({ ...r, recordedAt: r.observedAt ?? STORY_START })),
};
