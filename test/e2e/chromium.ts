// Which Chromium the browser tests drive. `npm install && npm test` must pass on a machine without
// Debian's Chromium, so the tests take, in order: TIERSIGHT_CHROMIUM when set (a path, or the word
// `@sparticuz/chromium`), Debian's /usr/bin/chromium, else the Chromium that the @sparticuz/chromium
// dev dependency ships inside its npm package (brotli-packed; unpacked to the temp dir on first use,
// so nothing is downloaded from outside the registry). A packaged browser is started once here before
// it is chosen: it relies on the machine's libnss3, which a minimal system may lack.
import { access, constants } from 'node:fs/promises';
import { chromium } from 'playwright-core';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const PACKAGED_CHROMIUM = '@sparticuz/chromium';

/** The flags this machine needs (see .library/env/machines/polyglot.md): no background networking. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type ChromiumChoice = { path: string; source: string } | { path: null; reason: string };

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function packaged(): Promise<ChromiumChoice> {
  let path: string;
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    path = await sparticuz.executablePath();
  } catch (error) {
    return { path: null, reason: `${PACKAGED_CHROMIUM} could not be unpacked (${firstLine(error)})` };
  }
  try {
    const browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true });
    await browser.close();
  } catch (error) {
    return {
      path: null,
      reason: `the Chromium of ${PACKAGED_CHROMIUM} (unpacked at ${path}) did not start: ${firstLine(error)}; if it is a stale or broken copy, delete it and run the tests again`,
    };
  }
  return { path, source: `${PACKAGED_CHROMIUM} (unpacked at ${path})` };
}

/** `override` is TIERSIGHT_CHROMIUM: when set, that browser and no other. */
export async function findChromium(override: string | undefined): Promise<ChromiumChoice> {
  if (override === PACKAGED_CHROMIUM) return packaged();
  if (override !== undefined) {
    return (await executable(override))
      ? { path: override, source: `TIERSIGHT_CHROMIUM=${override}` }
      : { path: null, reason: `TIERSIGHT_CHROMIUM=${override} is not an executable file` };
  }
  if (await executable(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: DEBIAN_CHROMIUM };
  const fallback = await packaged();
  return fallback.path === null
    ? { path: null, reason: `${DEBIAN_CHROMIUM} is absent and ${fallback.reason}` }
    : fallback;
}
