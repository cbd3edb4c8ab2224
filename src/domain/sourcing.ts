// Sourcing kept by its parties (specification, section 9): the checks of a declaration, an amendment
// and an end, as pure functions of the arguments and the request's instant. Each bad value is
// BAD_USER_INPUT naming its field, raised before anything is read or written, so a refusal never
// depends on the data.
import { countryCodeRule, isCountryCode } from './countries.ts';
import { badInput } from './errors.ts';
import {
  ORGANIZATION_TYPES,
  type OrganizationType,
  type SupplyLinkAction,
  type SupplyLinkState,
} from './format.ts';
import { parseInstant } from './instants.ts';
import { productsArgument } from './products.ts';
import { optionalTextArgument } from './optional-text.ts';
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

/** A validity whose validFrom comes before its validTo. */
export function orderedValidity({ validFrom, validTo }: Validity): Validity {
  if (validFrom !== null && validTo !== null && !(validFrom < validTo))
    throw badInput(`validFrom ${validFrom.toISOString()} must be before validTo ${validTo.toISOString()}`);
  return { validFrom, validTo };
}

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
  const checked = orderedValidity(validity);
  endsAfter(checked.validTo, now);
  return checked;
}

/** Checks a new supplier's fields; `field` prefixes the names in messages ("newSupplier"). */
export function checkNewSupplier(input: NewSupplierInput, field = 'newSupplier'): NewSupplier {
  const name = optionalTextArgument(`${field}.name`, input.name, MAX_NAME, 'one-line');
  if (name === null) throw badInput(`${field}.name is required: 1..${MAX_NAME} characters, not blank`);
  if (!(ORGANIZATION_TYPES as readonly string[]).includes(input.type) || input.type === 'MONITOR')
    throw badInput(
      `${field}.type must be a supplier type (not MONITOR: monitors have no supply links), got ${quote(input.type)}`,
    );
  if (!isCountryCode(input.country))
    throw badInput(`${field}.country ${countryCodeRule(input.country)}, got ${quote(input.country)}`);
  const supplier: NewSupplier = { name, type: input.type, country: input.country };
  const city = optionalTextArgument(`${field}.city`, input.city, MAX_CITY, 'one-line');
  // One line, as Open Supply Hub's addresses and schema.org's streetAddress (the facility record) are.
  const address = optionalTextArgument(`${field}.address`, input.address, MAX_ADDRESS, 'one-line');
  if (city !== null) supplier.city = city;
  if (address !== null) supplier.address = address;
  const { latitude, longitude } = input;
  const hasLatitude = latitude !== null && latitude !== undefined;
  const hasLongitude = longitude !== null && longitude !== undefined;
  if (hasLatitude !== hasLongitude)
    throw badInput(
      `${field}.latitude and ${field}.longitude must be given together, got only ${hasLatitude ? 'latitude' : 'longitude'}`,
    );
  if (hasLatitude && hasLongitude) {
    if (!(latitude >= -90 && latitude <= 90))
      throw badInput(`${field}.latitude must be a number from -90 to 90, got ${latitude}`);
    if (!(longitude >= -180 && longitude <= 180))
      throw badInput(`${field}.longitude must be a number from -180 to 180, got ${longitude}`);
    supplier.latitude = latitude;
    supplier.longitude = longitude;
  }
  const osId = checkOsId(`${field}.osId`, input.osId);
  if (osId !== null) supplier.osId = osId;
  return supplier;
}

/** An Open Supply Hub id, or null when absent. */
export function checkOsId(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!OS_ID.test(value))
    throw badInput(`${field} must be an Open Supply Hub id such as CN2019303BQ3FZP, got ${quote(value)}`);
  return value;
}
