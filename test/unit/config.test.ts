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
    expect(config.jwt).toEqual({ secret: DEVELOPMENT_JWT_SECRET, usingDevelopmentSecret: true });
  });

  it('reports every bad variable with its value', () => {
    try {
      load({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', JWT_SECRET: 'short', NODE_ENV: 'staging' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/NODE_ENV .*'staging'/);
      expect(problems.join('\n')).toMatch(/NEO4J_URI .*'http:\/\/localhost:7474'/);
      expect(problems.join('\n')).toMatch(/JWT_SECRET must be at least 32 characters \(got 5\)/);
      expect(problems.join('\n')).toMatch(/PORT .*'eighty'/);
    }
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

  it('routes reads to the leader unless NEO4J_READ_ROUTING=followers', () => {
    expect(load({}).neo4j.readRouting).toBe('leader');
    expect(load({ NEO4J_READ_ROUTING: 'followers' }).neo4j.readRouting).toBe('followers');
    expect(() => load({ NEO4J_READ_ROUTING: 'secondaries' })).toThrow(
      /NEO4J_READ_ROUTING must be one of leader, followers, got 'secondaries'/,
    );
  });

  it('PORT=0 asks for any free port (serve prints the one it got)', () => {
    expect(load({ PORT: '0' }).port).toBe(0);
  });
});
