// What an operator can set that start-up must refuse, naming the variable, and what the deploy examples
// do to the configuration; each case found by an operator's review (December 2026). No database: an
// unreachable Neo4j is a closed port.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config.ts';
import { unreachableAdvice } from '../../src/graph/driver.ts';
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

describe('NEO4J_URI that is not a usable URI', () => {
  // Let through, `NEO4J_URI=bolt://` made serve die with the driver's "Error: Illegal host" and a
  // stack trace, outside the friendly error handling.
  it('refuses NEO4J_URI=bolt:// (no host) at start-up, naming the variable', () => {
    expect(problemsOf({ NEO4J_URI: 'bolt://' }).join('\n')).toMatch(/NEO4J_URI/);
  });

  // Let through, `bolt://localhost:99999` was retried as "not reachable yet" for
  // NEO4J_CONNECT_TIMEOUT_MS (60 s by default) before failing with the driver's port message.
  it('refuses a NEO4J_URI whose port is out of range, naming the variable', () => {
    expect(problemsOf({ NEO4J_URI: 'bolt://localhost:99999' }).join('\n')).toMatch(/NEO4J_URI/);
  });
});

describe('HOST is not validated', () => {
  // Let through, HOST went straight to server.listen, whose getaddrinfo error named no variable.
  it('refuses HOST that is not an address or a host name', () => {
    expect(problemsOf({ HOST: 'no such host!' }).join('\n')).toMatch(/HOST/);
  });
  it('refuses HOST with a port in it (HOST=0.0.0.0:4000)', () => {
    expect(problemsOf({ HOST: '0.0.0.0:4000' }).join('\n')).toMatch(/HOST/);
  });
});

describe('conflicting HTTP timeouts', () => {
  // Node itself refuses headersTimeout > requestTimeout when they are given to createServer
  // (ERR_OUT_OF_RANGE); server.ts sets them as properties afterwards, where the request timeout won.
  it('refuses HTTP_HEADERS_TIMEOUT_MS above HTTP_REQUEST_TIMEOUT_MS', () => {
    const problems = problemsOf({ HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '30000' });
    expect(problems.join('\n')).toMatch(/HTTP_HEADERS_TIMEOUT_MS/);
  });
});

describe('the Kubernetes example Secret', () => {
  const configYaml = readFileSync(new URL('../../deploy/kubernetes/config.yaml', import.meta.url), 'utf8');

  // config.yaml says: create the real Secret with `kubectl create secret generic tiersight …`, "and
  // apply the rest with: kubectl apply -f deploy/kubernetes/". A Secret named tiersight in the folder
  // would replace the real values with its placeholders.
  it('the documented apply of deploy/kubernetes/ does not carry a Secret that overwrites the real one', () => {
    expect(configYaml).toMatch(/kubectl create secret generic tiersight/);
    expect(configYaml).toMatch(/kubectl apply -f deploy\/kubernetes\//);
    expect(configYaml).not.toMatch(/kind: Secret[\s\S]*name: tiersight/);
  });

  // A placeholder long enough to pass the length check, or the development secret set by hand, is a
  // public HS256 secret with which anyone can sign a platform_admin token.
  it.each(['replace-with-48-random-bytes-in-base64-at-least-32-characters', DEVELOPMENT_JWT_SECRET])(
    'production refuses the public JWT_SECRET %s',
    (secret) => {
      const problems = problemsOf({
        NODE_ENV: 'production',
        NEO4J_URI: 'neo4j+s://xxxxxxxx.databases.neo4j.io',
        JWT_SECRET: secret,
      });
      expect(problems.join('\n')).toMatch(/JWT_SECRET is the public development secret or a placeholder/);
    },
  );
  it('a random secret passes', () => {
    expect(problemsOf({ NODE_ENV: 'production', NEO4J_URI: 'neo4j://db:7687', JWT_SECRET: SECRET })).toEqual(
      [],
    );
  });
});

describe('credentials in NEO4J_URI reach the log', () => {
  // Every line that names the URI (the target, the retries, the unreachable error, serve's ready line)
  // prints it without credentials (withoutCredentials, src/graph/neo4j-uri.ts).
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

describe('an unreachable NEO4J_URI', () => {
  // The advice was always "unset it to use the bundled Neo4j", which the Docker image (no launcher,
  // no Java) cannot do.
  it('suggests the bundled Neo4j only where it is installed', async () => {
    expect(unreachableAdvice(true)).toMatch(/unset it to use the bundled Neo4j/);
    expect(unreachableAdvice(false)).not.toMatch(/bundled Neo4j\./);
    expect(unreachableAdvice(false)).toMatch(/no bundled Neo4j to fall back on/);
    const config = load({
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_CONNECT_TIMEOUT_MS: '300',
      JWT_SECRET: SECRET,
    });
    const error = await openDatabase(config, () => {}).catch((e: unknown) => e);
    // This checkout has the launcher.
    expect((error as Error).message).toMatch(
      /is unreachable after \d+ attempt\(s\): .*unset it to use the bundled Neo4j\.$/,
    );
  });
});

describe('the bundled Neo4j heap', () => {
  it('refuses a heap of nothing (0g), naming the variable', () => {
    expect(problemsOf({ TIERSIGHT_NEO4J_HEAP: '0g' })).toEqual([
      'TIERSIGHT_NEO4J_HEAP must look like 512m or 2g (more than 0), got "0g"',
    ]);
  });
});
