// Who may read GET /metrics. Without METRICS_TOKEN anyone who reaches the route may (the deployment keeps
// it to the scraper's network, docs/operations.md); with it, only a request bearing that token, as
// Prometheus sends one (`authorization.credentials` in a scrape config). The comparison takes the same
// time wherever the tokens differ: both are hashed first, so timingSafeEqual sees equal lengths.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether a request with this Authorization header may read the metrics. */
export function metricsReadable(authorization: string | undefined, token: string | null): boolean {
  if (token === null) return true;
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}
