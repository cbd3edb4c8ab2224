// Audit trails (share events, supply-link events) read a page at a time, newest first: events of one
// instant in the order of the id of what they concern, then of their action, then of the record
// itself, so that every event has exactly one place in the list (an import keeps instants to the
// nanosecond, and two events may agree on everything else) and a page resumes right after the last
// event the previous one held.
import { encodeCursor, optionalCursor } from './cursor.ts';
import { parseInstant } from './instants.ts';
import { wholeNumberArgument } from './whole-number.ts';

const MAX_EVENT_PAGE = 500;

/** The place of an event in its trail. */
interface EventPlace {
  /** Its instant as Neo4j writes it, to the nanosecond and with its offset. */
  at: string;
  /** What it concerns (a share's or a link's id), and its action. */
  id: string;
  action: string;
  /** The stored record's own key, which only breaks ties. */
  key: string;
}

export interface EventPage {
  size: number;
  /** Where the page starts (right after this event); null for the newest events. */
  after: EventPlace | null;
}

export const eventCursor = ({ at, id, action, key }: EventPlace): string =>
  encodeCursor([at, id, action, key]);

const placeOf = (parts: readonly unknown[]): EventPlace | null => {
  const [at, id, action, key, ...rest] = parts;
  // The instant goes to Neo4j's datetime(): one this module's parser reads, as the import's are.
  return typeof at === 'string' &&
    parseInstant(at) !== null &&
    typeof id === 'string' &&
    typeof action === 'string' &&
    typeof key === 'string' &&
    rest.length === 0
    ? { at, id, action, key }
    : null;
};

/** A trail's paging arguments. `limit` is the deprecated name of `first`: when given, it counts instead. */
export interface EventPageArguments {
  /** Null only as a client's unset variable (GraphQL passes an explicit null past the default). */
  first: number | null;
  after?: string | null | undefined;
  limit?: number | null | undefined;
}

/**
 * The page the arguments ask for, each refused by name when out of range or made up (`first` too when
 * `limit` counts instead: a bad value is never passed over in silence).
 */
export function eventPage({ first, after, limit }: EventPageArguments): EventPage {
  if (limit === null || limit === undefined)
    return {
      size: wholeNumberArgument('first', first, 1, MAX_EVENT_PAGE),
      after: optionalCursor(after, placeOf),
    };
  // A null `first` beside `limit` is how a client sends its unset variable: limit counts, as it did.
  if (first !== null) wholeNumberArgument('first', first, 1, MAX_EVENT_PAGE);
  return {
    size: wholeNumberArgument('limit', limit, 1, MAX_EVENT_PAGE),
    after: optionalCursor(after, placeOf),
  };
}
