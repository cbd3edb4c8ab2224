// Audit trails (share events, supply-link events) read a page at a time, newest first: events of one
// millisecond in the order of the id of what they concern, then of their action, so that every event
// has one place in the list and a page resumes exactly after the last event the previous one held.
import { encodeCursor, optionalCursor } from './cursor.ts';
import { wholeNumberArgument } from './whole-number.ts';

const MAX_EVENT_PAGE = 500;

/** The place of an event in its trail: its instant in milliseconds, the id it concerns, its action. */
export interface EventPlace {
  at: number;
  id: string;
  action: string;
}

export interface EventPage {
  size: number;
  /** Where the page starts (right after this event); null for the newest events. */
  after: EventPlace | null;
}

/** The cursor of an event at `at` (an ISO 8601 instant, as events carry it). */
export const eventCursor = (at: string, id: string, action: string): string =>
  encodeCursor([Date.parse(at), id, action]);

const placeOf = ([at, id, action, ...rest]: readonly unknown[]): EventPlace | null =>
  typeof at === 'number' && Number.isSafeInteger(at) && typeof id === 'string' && typeof action === 'string'
    ? rest.length === 0
      ? { at, id, action }
      : null
    : null;

/** A trail's paging arguments. `limit` is the deprecated name of `first`: when given, it counts instead. */
export interface EventPageArguments {
  first: number;
  after?: string | null | undefined;
  limit?: number | null | undefined;
}

/** The page the arguments ask for, each refused by name when out of range or made up. */
export function eventPage({ first, after, limit }: EventPageArguments): EventPage {
  const size =
    limit === null || limit === undefined
      ? wholeNumberArgument('first', first, 1, MAX_EVENT_PAGE)
      : wholeNumberArgument('limit', limit, 1, MAX_EVENT_PAGE);
  return { size, after: optionalCursor(after, placeOf) };
}
