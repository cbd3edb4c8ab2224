// Sourcing kept by its parties (specification, section 9): the checks of a declaration, an amendment
// and an end, as pure functions of the arguments and the request's instant. Each bad value is
// BAD_USER_INPUT naming its field, raised before anything is read or written, so a refusal never
// depends on the data.
import { countryCodeRule, isCountryCode } from './countries.ts';
import { badInput, refuseProblems } from './errors.ts';
import {
  ORGANIZATION_TYPES,
  type OrganizationType,
  type SupplyLinkAction,
  type SupplyLinkState,
} from './format.ts';
import { parseInstant } from './instants.ts';
import { checkText } from './field-checks.ts';
import { checkedProducts, productsArgument } from './products.ts';
import { quote } from './quote.ts';

// The audit trail's vocabulary is part of the bulk format (a link record carries its trail).
export { SUPPLY_LINK_ACTIONS, type SupplyLinkAction, type SupplyLinkState } from './format.ts';

export interface SupplyLinkEvent {
  action: SupplyLinkAction;
  at: string;
  actorUserId: string;
  actorOrganizationId: string;
  customerId: string;
  linkId: string;
  successorId: string | null;
  supplierCreated: boolean;
  before: SupplyLinkState | null;
  after: SupplyLinkState;
  /** Its place in the trail, for the next page (src/domain/event-pages.ts). */
  cursor: string;
}

/** A supplier described by the declaring customer, checked: absent optional fields are left out. */
export interface NewSupplier {
  name: string;
  type: OrganizationType;
  country: string;
  city?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  osId?: string;
}

export interface NewSupplierInput {
  name: string;
  type: OrganizationType;
  country: string;
  city?: string | null | undefined;
  address?: string | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  osId?: string | null | undefined;
}

/** The validity of a link, as instants (null: open). */
interface Validity {
  validFrom: Date | null;
  validTo: Date | null;
}

const MAX_NAME = 300;
const MAX_CITY = 200;
const MAX_ADDRESS = 500;
/** Open Supply Hub ids: country, year and day of registration, six letters or digits (CN2019303BQ3FZP). */
const OS_ID = /^[A-Z]{2}\d{7}[A-Z0-9]{6}$/;

/**
 * What a supplier declared as new cites as its source. Not the declaring customer's id: the record is
 * shown whole to whoever may look it up (its other customers once a merge joins their records of the
 * same factory, anyone once it is listed, its own suppliers), and naming the customer there told them
 * who else buys from it, which rule 5 never shows. The link keeps "declared by <customer>": it is seen
 * only by whom rule 1 shows the link, which names its customer anyway; the customer's trail
 * (`supplierCreated`) says which declaration created the record.
 */
export const DECLARED_SUPPLIER_SOURCE = 'declared by a customer';

/** Products trimmed and deduplicated, each non-empty and bounded. */
export const checkProducts = (products: readonly string[] | null | undefined): string[] =>
  productsArgument('products', products);

/** An optional date argument (the DateTime scalar already checked its form). */
export function dateArgument(field: string, value: string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const instant = parseInstant(value);
  if (instant === null) throw badInput(`${field} must be an ISO 8601 date-time, got ${quote(value)}`);
  return instant;
}

/** The problem of a validity whose validFrom does not come before its validTo, else null. */
const orderProblem = ({ validFrom, validTo }: Validity): string | null =>
  validFrom !== null && validTo !== null && !(validFrom < validTo)
    ? `validFrom ${validFrom.toISOString()} must be before validTo ${validTo.toISOString()}`
    : null;

/**
 * A link recorded at `now` must end after it: `asOf` shows a link only from its recording on, so one
 * that ended before it was recorded would never show.
 */
export function endsAfter(validTo: Date | null, now: Date): void {
  if (validTo !== null && validTo <= now)
    throw badInput(
      `validTo must be in the future, got ${validTo.toISOString()}: a link recorded now that ended before now would never show; end links with endSupplyLink`,
    );
}

/** The validity of a link recorded at `now`: ordered, and ending after `now`. */
export function checkValidity(validity: Validity, now: Date): Validity {
  const problem = orderProblem(validity);
  if (problem !== null) throw badInput(problem);
  endsAfter(validity.validTo, now);
  return validity;
}

export interface DeclarationInput {
  newSupplier?: NewSupplierInput | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  products?: readonly string[] | null | undefined;
}

/**
 * What a declaration states, checked: a new supplier's fields, the validity's order and the products,
 * every problem of them in one refusal (a form learns all it must fix at once). Whether validTo is
 * still ahead is judged apart, for a new idempotency key only (a retry answers what the first call did).
 */
export function checkDeclaration(input: DeclarationInput): {
  newSupplier: NewSupplier | null;
  validity: Validity;
  products: string[];
} {
  const problems: string[] = [];
  const newSupplier = input.newSupplier ? checkNewSupplier(problems, input.newSupplier) : null;
  const validity = {
    validFrom: dateArgument('validFrom', input.validFrom),
    validTo: dateArgument('validTo', input.validTo),
  };
  const order = orderProblem(validity);
  if (order !== null) problems.push(order);
  const products = checkedProducts('products', input.products, 'one-line');
  problems.push(...products.problems);
  refuseProblems(problems);
  return { newSupplier, validity, products: products.products };
}

const isSupplierType = (type: string): type is OrganizationType =>
  (ORGANIZATION_TYPES as readonly string[]).includes(type) && type !== 'MONITOR';

/** A place given by both coordinates, each in range; null when neither is given or one is wrong. */
function coordinates(
  problems: string[],
  field: string,
  { latitude, longitude }: NewSupplierInput,
): { latitude: number; longitude: number } | null {
  const hasLatitude = latitude !== null && latitude !== undefined;
  const hasLongitude = longitude !== null && longitude !== undefined;
  if (hasLatitude !== hasLongitude) {
    problems.push(
      `${field}.latitude and ${field}.longitude must be given together, got only ${hasLatitude ? 'latitude' : 'longitude'}`,
    );
    return null;
  }
  if (!hasLatitude || !hasLongitude) return null;
  const before = problems.length;
  if (!(latitude >= -90 && latitude <= 90))
    problems.push(`${field}.latitude must be a number from -90 to 90, got ${latitude}`);
  if (!(longitude >= -180 && longitude <= 180))
    problems.push(`${field}.longitude must be a number from -180 to 180, got ${longitude}`);
  return problems.length === before ? { latitude, longitude } : null;
}

/**
 * Checks a new supplier's fields, each problem added to `problems` naming the field under `field`
 * ("newSupplier.country"): the supplier, or null when it has any.
 */
function checkNewSupplier(
  problems: string[],
  input: NewSupplierInput,
  field = 'newSupplier',
): NewSupplier | null {
  const before = problems.length;
  const name = checkText(problems, `${field}.name`, input.name, MAX_NAME, false, 'one-line');
  if (name === null && problems.length === before)
    problems.push(`${field}.name is required: 1..${MAX_NAME} characters, not blank`);
  if (!isSupplierType(input.type))
    problems.push(
      `${field}.type must be a supplier type (not MONITOR: monitors have no supply links), got ${quote(input.type)}`,
    );
  if (!isCountryCode(input.country))
    problems.push(`${field}.country ${countryCodeRule(input.country)}, got ${quote(input.country)}`);
  const city = checkText(problems, `${field}.city`, input.city, MAX_CITY, false, 'one-line');
  // One line, as Open Supply Hub's addresses and schema.org's streetAddress (the facility record) are.
  const address = checkText(problems, `${field}.address`, input.address, MAX_ADDRESS, false, 'one-line');
  const place = coordinates(problems, field, input);
  const osId = input.osId ?? null;
  const osIdWrong = osId === null ? null : osIdProblem(`${field}.osId`, osId);
  if (osIdWrong !== null) problems.push(osIdWrong);
  if (name === null || problems.length > before) return null;
  return {
    name,
    type: input.type,
    country: input.country,
    ...(city !== null && { city }),
    ...(address !== null && { address }),
    ...place,
    ...(osId !== null && { osId }),
  };
}

const osIdProblem = (field: string, value: string): string | null =>
  OS_ID.test(value)
    ? null
    : `${field} must be an Open Supply Hub id such as CN2019303BQ3FZP, got ${quote(value)}`;

/** An Open Supply Hub id, or null when absent. */
export function checkOsId(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const problem = osIdProblem(field, value);
  if (problem !== null) throw badInput(problem);
  return value;
}
