// Review (hostile client, no credentials, against the shipped example deployment): /metrics is public.
//
// The README and docs/operations.md say to expose GET /metrics to the scraper only ("Scrape it from
// inside the cluster only"), since the API serves it without a token. deploy/nginx.conf, the load
// balancer of deploy/docker-compose.yml, proxies `location /` whole, so anyone who reaches the load
// balancer reads /metrics: every tenant's activity by statement (`share.grant`, `disclosure.publish`,
// `accessRequest.send`, `merge.move` counts and timings), the operation names other clients chose, request
// outcomes, in-flight counts and the process's memory, a live view of the platform and of the effect of
// an attack on it. (/readyz's unready detail named an unfinished import's file and the command to
// finish it, too; it now leaves both to the server log.)
//
// Expected: the example load balancer does not serve /metrics to clients (a `location` for it that
// denies, or returns 404), and serves the probes only as needed.
//
// Fixed: `location = /metrics { deny all; … }`, with a comment on scraping the replicas directly (or
// letting the scraper's network in); the docs say the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/runtime/paths.ts';

const nginx = readFileSync(`${REPO_ROOT}deploy/nginx.conf`, 'utf8');

/** The body of the first `location` block whose match covers /metrics exactly or by prefix. */
function metricsLocation(): string | null {
  const match = /location\s+(?:=\s*|\^~\s*)?\/metrics\b[^{]*\{([^}]*)\}/.exec(nginx);
  return match?.[1] ?? null;
}

describe('the example load balancer (deploy/nginx.conf)', () => {
  it('does not proxy /metrics to clients', () => {
    const block = metricsLocation();
    // Before the fix: no such block; `location /` proxies /metrics like everything else.
    expect(block).not.toBeNull();
    expect(block!).toMatch(/deny\s+all|return\s+40[34]/);
    expect(block!).not.toMatch(/allow\s+all/);
  });
});
