// The page of an audit trail a statement returns (src/domain/event-pages.ts): a statement names each
// event's place as `at` (its DateTime), `placeId`, `placeAction` and `placeKey` in a WITH, appends
// EVENT_PAGE, and then RETURNs EVENT_PLACE's projection beside the event. The key is the event's own
// random `key` (randomUUID() where it is created; migration 021 gave one to earlier events), never its
// elementId: a cursor carries it, and an element id counts the store's records, so a client paging its
// own trail would read how many records everybody else wrote meanwhile. An event a replica of an
// earlier version writes during a rolling upgrade has no key and falls back to its elementId, which
// orders it all the same.
import neo4j from 'neo4j-driver';
import type { EventPage } from '../domain/event-pages.ts';
import type { Column } from './columns.ts';
import { cypher } from './cypher.ts';
import { positional, text } from './decode.ts';

/** Keeps the events after $after (all of them when it is null), newest first, $size of them. */
export const EVENT_PAGE = cypher`
WITH *, datetime($after.at) AS afterAt
WHERE $after IS NULL OR at < afterAt
   OR (at = afterAt AND (placeId > $after.id OR (placeId = $after.id AND (placeAction > $after.action
   OR (placeAction = $after.action AND placeKey > $after.key)))))
WITH * ORDER BY at DESC, placeId, placeAction, placeKey LIMIT $size
`;

/** The event's instant and key, for its cursor. */
export const EVENT_PLACE: Column<{ at: string; key: string }> = {
  projection: cypher`[toString(at), placeKey]`,
  decode: positional({ at: text, key: text }),
};

export const eventPageParameters = (page: EventPage) => ({ after: page.after, size: neo4j.int(page.size) });
