// What the dashboard asks when it opens, for a viewer with both roles on a server with every
// capability and nothing yet selected (web/src/app.ts: `start`, then `Dashboard.mount`). The demo's
// warm-up (src/runtime/dashboard-warm-up.ts) sends these to a freshly started bundled Neo4j, which
// plans each statement on its first run, so that the first visitor does not wait seconds for that;
// test/e2e/first-load.test.ts checks that the list is what the dashboard sends. Not imported by the
// dashboard itself: My disclosures is a chunk of its own.
import {
  ALL_CAPABILITIES,
  CAPABILITIES,
  evidenceOperation,
  exposureOperation,
  ME,
  supplyChainOperation,
} from './api.ts';
import { FIRST_QUERY } from './model.ts';
import { myDisclosuresOperation } from './my-disclosures.ts';
import { sourcingOperation } from './my-suppliers.ts';
import { riskOperation } from './risk.ts';
import { SHARE_EVENTS } from './share-history.ts';

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

/** The first load's operations, the Neo4j-heavy ones first (the chain, exposure, the ranking). */
export function firstLoadOperations(): Operation[] {
  const can = ALL_CAPABILITIES;
  const evidence = evidenceOperation(can, FIRST_QUERY.asOf);
  return [
    supplyChainOperation(FIRST_QUERY, can),
    exposureOperation(FIRST_QUERY, can),
    riskOperation(FIRST_QUERY, can),
    ...(evidence === null ? [] : [evidence]),
    { query: sourcingOperation(can.disclosures), variables: {} },
    { query: myDisclosuresOperation(can), variables: {} },
    { query: SHARE_EVENTS, variables: { after: null } },
    { query: ME, variables: {} },
    { query: CAPABILITIES, variables: {} },
  ];
}
