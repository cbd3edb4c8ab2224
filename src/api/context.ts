// What every resolver may rely on, whichever module it belongs to. Each module widens it with the
// request-scoped services and loaders of its own (src/modules/*/context.ts); src/app/context.ts joins
// them for the request.
import type { Viewer } from '../auth/policy.ts';
import type { RequestRecord } from './http/request-record.ts';

export interface BaseContext {
  viewer: Viewer;
  /** When the request started; "now" for every query in it (specification, section 2: one instant per query). */
  instant: Date;
  /** The HTTP request's record, for Apollo's hooks; absent for a context made outside a request. */
  record?: RequestRecord;
}
