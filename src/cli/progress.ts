// A one-line progress bar on stderr when it is a terminal; silent otherwise (CI logs, pipes), as the
// CLI reference promises.
import type { ImportProgress } from '../import/import-graph.ts';

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ImportProgress {
  if (!stream.isTTY) return { phase() {}, advance() {}, finish() {} };
  let name = '';
  let total: number | undefined;
  let started = 0;
  let lastDraw = 0;
  const draw = (done: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    let line = `${name}: ${done.toLocaleString('en')} records (${rate.toLocaleString('en')}/s)`;
    if (total) {
      const share = Math.min(1, done / total);
      const width = 30;
      const filled = Math.round(share * width);
      line = `${name} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(share * 100)}% ${line.slice(name.length + 2)}`;
    }
    stream.write(`\r${line}\u001b[K`);
  };
  return {
    phase(phaseName, phaseTotal) {
      name = phaseName;
      total = phaseTotal;
      started = performance.now();
      draw(0);
    },
    advance(done) {
      const now = performance.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      draw(done);
    },
    finish() {
      stream.write('\r\u001b[K');
    },
  };
}
