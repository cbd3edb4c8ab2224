import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config.ts';

const load = (env: Record<string, string>) => loadConfig(env, { dataDir: '/tmp/data' });

describe('config', () => {
  it('defaults to local demo mode', () => {
    const config = load({});
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      environment: 'development',
      dataDir: '/tmp/data',
    });
    expect(config.neo4j.uri).toBeNull();
    expect(config.jwt).toEqual({
      secret: DEVELOPMENT_JWT_SECRET,
      usingDevelopmentSecret: true,
      maxLifetimeSeconds: 86_400,
      oidc: null,
    });
  });

  it('reports every bad variable with its value', () => {
    try {
      load({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', JWT_SECRET: 'short', NODE_ENV: 'staging' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/NODE_ENV .*"staging"/);
      expect(problems.join('\n')).toMatch(/NEO4J_URI .*"http:\/\/localhost:7474"/);
      expect(problems.join('\n')).toMatch(/JWT_SECRET must be at least 32 characters \(got 5\)/);
      expect(problems.join('\n')).toMatch(/PORT .*"eighty"/);
    }
  });

  it('METRICS_TOKEN: 32 characters or more without spaces, never echoed', () => {
    expect(load({}).metricsToken).toBeNull();
    const token = 'prometheus-scrape-token-0123456789';
    expect(load({ METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(() => load({ METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN must be at least 32 characters without spaces \(got 5 characters\)/,
    );
    expect(() => load({ METRICS_TOKEN: `${token} two` })).toThrow(
      /METRICS_TOKEN must be .*\(got 38 characters\)/,
    );
  });

  it('production requires JWT_SECRET', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required when NODE_ENV=production/);
    const config = load({
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(40),
      NEO4J_URI: 'neo4j+s://x.databases.neo4j.io',
    });
    expect(config.jwt.usingDevelopmentSecret).toBe(false);
  });

  it('caps connections per address (256 by default, 0 for none, as behind a load balancer)', () => {
    expect(load({}).http.maxConnectionsPerAddress).toBe(256);
    expect(load({ HTTP_MAX_CONNECTIONS_PER_ADDRESS: '0' }).http.maxConnectionsPerAddress).toBe(0);
    expect(() => load({ HTTP_MAX_CONNECTIONS_PER_ADDRESS: '-1' })).toThrow(
      /HTTP_MAX_CONNECTIONS_PER_ADDRESS must be a whole number from 0 to 1000000, got "-1"/,
    );
  });

  it('reads trusted proxies as addresses and CIDR ranges, none by default', () => {
    expect(load({}).http.trustedProxies).toEqual([]);
    expect(load({ HTTP_TRUSTED_PROXIES: '10.0.0.0/8, fd00::1' }).http.trustedProxies).toEqual([
      '10.0.0.0/8',
      'fd00::1',
    ]);
    expect(() => load({ HTTP_TRUSTED_PROXIES: '10.0.0.0/8,nginx' })).toThrow(
      /HTTP_TRUSTED_PROXIES must list IP addresses or CIDR ranges \(10.0.0.0\/8\), got "nginx"/,
    );
  });

  it('reads the maximum token lifetime', () => {
    expect(load({ JWT_MAX_LIFETIME: '15m' }).jwt.maxLifetimeSeconds).toBe(900);
    expect(() => load({ JWT_MAX_LIFETIME: 'forever' })).toThrow(
      /JWT_MAX_LIFETIME must look like .*"forever"/,
    );
  });

  it('reads an OpenID Connect provider with its claim mapping', () => {
    const config = load({
      OIDC_ISSUER: 'https://sso.example.org/realms/buyers',
      OIDC_AUDIENCE: 'tiersight',
      OIDC_JWKS_URL: 'https://sso.example.org/realms/buyers/protocol/openid-connect/certs',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_ROLE_MAP: 'buyer=analyst, supplier-admin=supplier_admin,supplier-admin=analyst',
      OIDC_ORG_MAP: 'tenant-1=se-region-stockholm',
    });
    expect(config.jwt.oidc).toEqual({
      issuer: 'https://sso.example.org/realms/buyers',
      audience: 'tiersight',
      jwksUrl: 'https://sso.example.org/realms/buyers/protocol/openid-connect/certs',
      orgClaim: 'org',
      rolesClaim: 'realm_access.roles',
      roleMap: new Map([
        ['buyer', ['analyst']],
        ['supplier-admin', ['supplier_admin', 'analyst']],
      ]),
      orgMap: new Map([['tenant-1', 'se-region-stockholm']]),
    });
  });

  it('reports every OpenID Connect problem at once', () => {
    const problems = (env: Record<string, string>) => {
      try {
        load(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ OIDC_AUDIENCE: 'x', OIDC_ROLES_CLAIM: 'roles' })).toEqual([
      'OIDC_AUDIENCE, OIDC_ROLES_CLAIM set but OIDC_ISSUER is not',
    ]);
    expect(
      problems({
        OIDC_ISSUER: 'not a url',
        OIDC_JWKS_URL: 'http://idp.example.org/keys',
        OIDC_ORG_CLAIM: 'a..b',
        OIDC_ROLE_MAP: 'admins=root,viewers',
      }),
    ).toEqual([
      'OIDC_ISSUER must be a URL, got "not a url"',
      'OIDC_AUDIENCE is required with OIDC_ISSUER',
      'OIDC_JWKS_URL must use https (http only on a loopback host), got "http://idp.example.org/keys"',
      'OIDC_ORG_CLAIM must be a claim name or dotted path, got "a..b"',
      'OIDC_ROLE_MAP: "root" in "admins=root" is not one of analyst, supplier_admin, platform_admin, screening_admin',
      'OIDC_ROLE_MAP: entry "viewers" is not provider-value=tiersight-value',
    ]);
    expect(
      problems({
        OIDC_ISSUER: 'http://127.0.0.1:8080/realms/x',
        OIDC_AUDIENCE: 'a',
        OIDC_JWKS_URL: 'http://127.0.0.1:8080/certs',
      }),
    ).toEqual([]);
  });

  it('routes reads to the leader unless NEO4J_READ_ROUTING=followers', () => {
    expect(load({}).neo4j.readRouting).toBe('leader');
    expect(load({ NEO4J_READ_ROUTING: 'followers' }).neo4j.readRouting).toBe('followers');
    expect(() => load({ NEO4J_READ_ROUTING: 'secondaries' })).toThrow(
      /NEO4J_READ_ROUTING must be one of leader, followers, got "secondaries"/,
    );
  });

  it('PORT=0 asks for any free port (serve prints the one it got)', () => {
    expect(load({ PORT: '0' }).port).toBe(0);
  });
});
