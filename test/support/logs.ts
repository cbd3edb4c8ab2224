// A logger whose lines a test can read: the JSON lines the server would write, parsed; and one that
// writes nothing, for tests whose servers' logs are beside the point.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createLogger, type Logger } from '../../src/observability/logger.ts';

export const silentLogger: Logger = pino({ level: 'silent' });

export function captureLogger(level: 'info' | 'debug' = 'info'): {
  logger: Logger;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}
