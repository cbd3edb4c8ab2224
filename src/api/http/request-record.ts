// What the access log and the metrics learn about one request as it goes: filled in by the HTTP
// layer (id), the context (viewer's organization) and Apollo (operation name, error codes). It is
// passed along by hand, and to Apollo's hooks inside the GraphQL context, rather than through
// AsyncLocalStorage: on Node 20 that puts a hook on every promise, and GraphQL makes one per field
// that waits on a loader (a chain of 10,000 organizations spent about a fifth of its CPU time in those
// hooks and the garbage they left).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface RequestRecord {
  id: string;
  operation: string | null;
  org: string | null;
  /** Error codes of the answer, in order; empty for a clean answer. */
  codes: string[];
  /** It is a GraphQL request (a POST, or a GET with ?query=), not GraphiQL's page or a file. */
  graphql: boolean;
}

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id: the caller's x-request-id when it is a sane token (so traces join up), else new. */
export function newRequestRecord(request: IncomingMessage): RequestRecord {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
  return { id, operation: null, org: null, codes: [], graphql: false };
}
