// End-to-end support: the API in local demo mode (with /dev/token and the built dashboard) against the
// test Neo4j, and Chromium (found by test/e2e/chromium-setup.ts) driven by playwright-core, with a
// watch on the console and on every request the page makes.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject } from 'vitest';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config.ts';
import { REPO_ROOT } from '../../src/runtime/paths.ts';
import { silentLogger } from '../support/logs.ts';
import { startApp, type App } from '../../src/app/server.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { CHROMIUM_ARGS } from './chromium.ts';

const CHROMIUM = inject('chromium');
const WEB_BUILD = inject('webBuild');
export const ARTIFACTS = join(REPO_ROOT, 'test-results', 'e2e');

/** `describe` for tests that drive a browser: skipped when the run found no Chromium. */
export const describeInBrowser = describe.skipIf(CHROMIUM === null);

/** The API as `npm start` runs it in local demo mode: development secret, /dev/token, web/dist. */
export async function startDemoApp(
  db: TestDatabase,
  environment: 'development' | 'production' = 'development',
) {
  await webBuilt();
  return startApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      environment,
      jwt: { secret: DEVELOPMENT_JWT_SECRET, usingDevelopmentSecret: true },
    },
    executor: db.executor,
    devTokens: true,
    logger: silentLogger,
  });
}

/** Resolves once web/dist is built (test/e2e/web-setup.ts); throws why it could not be. */
async function webBuilt(): Promise<void> {
  for (;;) {
    if (existsSync(join(WEB_BUILD, 'done'))) return;
    const failure = await readFile(join(WEB_BUILD, 'failed'), 'utf8').catch(() => null);
    if (failure !== null) throw new Error(`web/dist could not be built: ${failure}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function launchChromium(): Promise<Browser> {
  if (CHROMIUM === null)
    throw new Error('No Chromium for the browser tests: wrap them in describeInBrowser.');
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** What a page did that a test must check: console errors, uncaught errors, requests off 127.0.0.1. */
export interface PageWatch {
  consoleErrors: string[];
  externalRequests: string[];
  requests: string[];
}

/** Where the browser is: its language and time zone. */
export type BrowserPlace = Pick<BrowserContextOptions, 'locale' | 'timezoneId'>;

/**
 * A fresh browser context (empty storage) at 1280×900 whose pages are watched. Requests to any host
 * but 127.0.0.1 are recorded and aborted, so a test fails on them instead of waiting for a timeout.
 * English by default: the CSV exports follow the browser's language (semicolons where decimals take a
 * comma), so a test of a Swedish or Norwegian user says so in `place`.
 */
export async function watchedContext(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
  place: BrowserPlace = { locale: 'en-US' },
): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...place });
  const watch: PageWatch = { consoleErrors: [], externalRequests: [], requests: [] };
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:';
    if (local) return route.continue();
    watch.externalRequests.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    watch.requests.push(request.url());
    const url = new URL(request.url());
    if (!['127.0.0.1', ''].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) {
      if (!watch.externalRequests.includes(request.url())) watch.externalRequests.push(request.url());
    }
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(`uncaught: ${error.message}`));
  return { context, page, watch };
}

/** Saves the whole page, or with `fullPage` false only what the window shows (a phone's screen). */
export const screenshot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });

/** Opens the dashboard signed out and signs in through the local demo picker. */
export async function signInAsDemo(page: Page, app: App, org: string): Promise<void> {
  await page.goto(`${app.url}/`);
  await page.locator(`.demo-picker button[data-org-id="${org}"]`).click();
  await page.locator('section.tier[data-tier="1"], .nothing-shared').first().waitFor();
}

/**
 * Signs in once as `org` and waits, patiently, until the exposure has loaded: the first answers of a
 * fresh Neo4j (query planning, cold JVM) on a loaded machine can take longer than a test's step may, so
 * a file warms up in its beforeAll rather than charging the first test with it.
 */
export async function warmUp(browser: Browser, app: App, org: string): Promise<void> {
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await page.locator(`.demo-picker button[data-org-id="${org}"]`).click({ timeout: 120_000 });
    await page.locator('#exposure .exposure-summary').waitFor({ timeout: 120_000 });
  } finally {
    await context.close();
  }
}

/** The organization names drawn in one tier column, in order. */
/**
 * GraphiQL at /graphql of `app`, its first example run once its editors are ready (the demo token
 * prefilled in the headers, as a user would wait for), until its answer names Region Stockholm.
 */
export async function runGraphiQLExample(page: Page, app: App): Promise<void> {
  await page.goto(`${app.url}/graphql`);
  await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
  await page.getByText('Headers', { exact: true }).click();
  await expect
    .poll(() => page.locator('.graphiql-editor-tool').innerText(), { timeout: 15_000 })
    .toMatch(/Authorization[\s\S]*Bearer\s+ey/);
  await page.locator('.graphiql-execute-button').click();
  await expect
    .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 30_000 })
    .toMatch(/Region\s+Stockholm/);
}

export const namesInTier = (page: Page, tier: number): Promise<string[]> =>
  page.locator(`section.tier[data-tier="${tier}"] button.org .org-name`).allTextContents();

/** The headings of the tier columns ("Root", "Tier 1", …). */
export const tierTitles = (page: Page): Promise<string[]> => page.locator('.tier-title').allTextContents();

/** What a browser test file works with; `page`, `context` and `watch` are fresh for every test. */
export class DashboardSession {
  db!: TestDatabase;
  app!: App;
  browser!: Browser;
  context!: BrowserContext;
  page!: Page;
  watch!: PageWatch;

  /**
   * Closes the test's context and opens a fresh, watched one: the next person at the same screen, or
   * at a screen in another `place` (a browser in Swedish, in Oslo's time zone).
   */
  async freshContext(place?: BrowserPlace): Promise<void> {
    await this.context.close();
    ({
      context: this.context,
      page: this.page,
      watch: this.watch,
    } = await watchedContext(this.browser, undefined, place));
  }
}

/**
 * Registers a browser test file's hooks: a test database holding `graph`, the API in local demo mode and
 * Chromium for the file (optionally warmed up as one organization); a fresh watched context per test,
 * which must end with no console error and no request off 127.0.0.1.
 */
export function dashboardSession(
  graph: Parameters<typeof loadGraph>[1],
  options: { warmUpAs?: string } = {},
): DashboardSession {
  const session = new DashboardSession();
  beforeAll(async () => {
    session.db = await openTestDatabase();
    await loadGraph(session.db, graph);
    session.app = await startDemoApp(session.db);
    session.browser = await launchChromium();
    if (options.warmUpAs !== undefined) await warmUp(session.browser, session.app, options.warmUpAs);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.close();
    await session.db?.close();
  });
  beforeEach(async () => {
    ({
      context: session.context,
      page: session.page,
      watch: session.watch,
    } = await watchedContext(session.browser));
  });
  afterEach(async () => {
    await session.context.close();
    expect(session.watch.externalRequests, 'requests that left 127.0.0.1').toEqual([]);
    expect(session.watch.consoleErrors, 'console errors').toEqual([]);
  });
  return session;
}

/** Accepts every confirm() the page shows from now on; the returned list collects their questions. */
export function acceptDialogs(page: Page): string[] {
  const questions: string[] = [];
  page.on('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.accept();
  });
  return questions;
}
