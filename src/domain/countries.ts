// ISO 3166-1 alpha-2 officially assigned codes (249). Kept as data rather than derived from Intl,
// whose region list also accepts reserved and exceptionally reserved codes.
const ASSIGNED =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
  'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
  'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
  'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
  'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
  'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE ' +
  'YT ZA ZM ZW';

const COUNTRY_CODES: ReadonlySet<string> = new Set(ASSIGNED.split(' '));

export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY_CODES.has(value);
}

/**
 * What a country code must be, for a message that ends ", got <value>". A code in the wrong case is
 * the usual slip ("se"), and its message names the code meant; any other value is told what a code
 * is, without "upper case", which would puzzle whoever sent an unassigned one in capitals ("XX").
 */
export function countryCodeRule(value: unknown): string {
  const upper = typeof value === 'string' ? value.toUpperCase() : null;
  return upper !== null && COUNTRY_CODES.has(upper)
    ? `must be an ISO 3166-1 alpha-2 code in capital letters ("${upper}")`
    : 'must be an assigned ISO 3166-1 alpha-2 code (e.g. SE, CN)';
}
