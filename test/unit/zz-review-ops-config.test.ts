// Operator review (configuration): what an operator can set that start-up lets through, and what the
// deploy examples do to the configuration. No database: an unreachable Neo4j is a closed port.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/runtime/database.ts';

const load = (env: Record<string, string>) => loadConfig(env, { dataDir: '/tmp/data' });
const SECRET = 'x'.repeat(48);

function problemsOf(env: Record<string, string>): string[] {
  try {
    load(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('operator review: NEO4J_URI that is not a usable URI', () => {
  // `NEO4J_URI=bolt://` passes; serve then dies with the driver's "Error: Illegal host" and a stack
  // trace from createDriver (src/graph/driver.ts:15), outside the friendly error handling.
  it('refuses NEO4J_URI=bolt:// (no host) at start-up, naming the variable', () => {
    expect(problemsOf({ NEO4J_URI: 'bolt://' }).join('\n')).toMatch(/NEO4J_URI/);
  });

  // `bolt://localhost:99999` passes; serve then retries it as "not reachable yet" for
  // NEO4J_CONNECT_TIMEOUT_MS (60 s by default) before failing with the driver's port message.
  it('refuses a NEO4J_URI whose port is out of range, naming the variable', () => {
    expect(problemsOf({ NEO4J_URI: 'bolt://localhost:99999' }).join('\n')).toMatch(/NEO4J_URI/);
  });
});

describe('operator review: HOST is not validated', () => {
  // Every other variable is checked; HOST goes straight to server.listen, whose getaddrinfo error
  // is not turned into a message naming HOST (serve.ts only translates EADDRINUSE).
  it('refuses HOST that is not an address or a host name', () => {
    expect(problemsOf({ HOST: 'no such host!' }).join('\n')).toMatch(/HOST/);
  });
  it('refuses HOST with a port in it (HOST=0.0.0.0:4000)', () => {
    expect(problemsOf({ HOST: '0.0.0.0:4000' }).join('\n')).toMatch(/HOST/);
  });
});

describe('operator review: conflicting HTTP timeouts', () => {
  // Node itself refuses headersTimeout > requestTimeout when they are given to createServer
  // (ERR_OUT_OF_RANGE); server.ts sets them as properties afterwards, so the conflict passes silently
  // and the effective headers timeout is the request timeout.
  it('refuses HTTP_HEADERS_TIMEOUT_MS above HTTP_REQUEST_TIMEOUT_MS', () => {
    const problems = problemsOf({ HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '30000' });
    expect(problems.join('\n')).toMatch(/HTTP_HEADERS_TIMEOUT_MS/);
  });
});

describe('operator review: the Kubernetes example Secret', () => {
  const configYaml = readFileSync(new URL('../../deploy/kubernetes/config.yaml', import.meta.url), 'utf8');
  const placeholder = /^\s*JWT_SECRET:\s*(\S+)\s*$/m.exec(configYaml)?.[1];

  // config.yaml says: create the real Secret with `kubectl create secret generic tiersight …`, "and
  // apply the rest with: kubectl apply -f deploy/kubernetes/". The rest includes this very file's
  // Secret named tiersight, so the apply replaces the real values with the placeholders.
  it('the documented apply of deploy/kubernetes/ does not carry a Secret that overwrites the real one', () => {
    expect(configYaml).toMatch(/kubectl create secret generic tiersight/);
    expect(configYaml).toMatch(/kubectl apply -f deploy\/kubernetes\//);
    expect(configYaml).not.toMatch(/kind: Secret[\s\S]*name: tiersight/);
  });

  // And the placeholder is 61 characters, so production starts with it: a public HS256 secret with
  // which anyone can sign a platform_admin token.
  it('production refuses the placeholder JWT_SECRET of the example', () => {
    expect(placeholder).toBeDefined();
    const problems = problemsOf({
      NODE_ENV: 'production',
      NEO4J_URI: 'neo4j+s://xxxxxxxx.databases.neo4j.io',
      JWT_SECRET: placeholder!,
    });
    expect(problems.join('\n')).toMatch(/JWT_SECRET/);
  });
});

describe('operator review: credentials in NEO4J_URI reach the log', () => {
  // describeTarget (src/runtime/database.ts:33) strips user:password from the URI it prints, but the
  // retry line (database.ts:68) and DatabaseUnreachableError (src/graph/driver.ts:53) print the URI
  // whole; so does serve's "Tiersight GraphQL API at … (Neo4j: <uri>)" line.
  it('no line and no error message written while Neo4j is unreachable holds the password', async () => {
    const config = load({
      NEO4J_URI: 'bolt://neo4j:s3cret-pw@127.0.0.1:1',
      NEO4J_CONNECT_TIMEOUT_MS: '600',
      JWT_SECRET: SECRET,
    });
    const lines: string[] = [];
    const error = await openDatabase(config, (line) => lines.push(line)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(lines.length).toBeGreaterThan(1);
    expect([...lines, (error as Error).message].filter((line) => line.includes('s3cret-pw'))).toEqual([]);
  });
});
