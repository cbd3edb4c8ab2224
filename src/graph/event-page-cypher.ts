// The page of an audit trail a statement returns (src/domain/event-pages.ts): a statement names each
// event's place as `at` (epoch milliseconds), `placeId` and `placeAction` in a WITH, appends this, and
// then RETURNs.
import neo4j from 'neo4j-driver';
import type { EventPage } from '../domain/event-pages.ts';
import { cypher } from './cypher.ts';

/** Keeps the events after $after (all of them when it is null), newest first, $size of them. */
export const EVENT_PAGE = cypher`
WHERE $after IS NULL OR at < $after.at
   OR (at = $after.at AND (placeId > $after.id OR (placeId = $after.id AND placeAction > $after.action)))
WITH * ORDER BY at DESC, placeId, placeAction LIMIT $size
`;

export const eventPageParameters = (page: EventPage) => ({ after: page.after, size: neo4j.int(page.size) });
