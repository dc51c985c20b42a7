import { existsSync, mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from './chromium';
import { TestApp } from './test-app';

/**
 * What every dashboard browser spec shares: the suite that is skipped locally without
 * Chromium (never under CI), a context like a visitor's, sign-in, waiting for a page to settle
 * and axe's serious and critical violations.
 */

// Browser globals inside page.evaluate / waitForFunction callbacks (the project has no DOM lib).
declare const document: any;
declare const window: any;

export const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');
export const WIDTHS = [1280, 390] as const;
const AXE = require.resolve('axe-core/axe.min.js');
const hasChromium = existsSync(CHROMIUM);

/** `describe`, or `describe.skip` (with a warning) where Chromium is missing outside CI. */
export function browserSuite(what: string): jest.Describe {
  if (!hasChromium && process.env.CI !== 'true')
    console.warn(`SKIPPED ${what}: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  return hasChromium || process.env.CI === 'true' ? describe : describe.skip;
}

/** The app listening on a free port, and Chromium; throws under CI without Chromium. */
export async function startBrowser(test: TestApp): Promise<{ base: string; browser: Browser }> {
  if (!hasChromium) throw new Error(`${CHROMIUM} is missing: CI must install the chromium package`);
  await test.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(test.app.getHttpServer().address() as AddressInfo).port}`;
  mkdirSync(SCREENSHOTS, { recursive: true });
  return { base, browser: await launchChromium() };
}

/** A context at this width, its pages' errors (CSP, uncaught, failed scripts) kept in problems. */
export async function dashboardContext(
  browser: Browser,
  width: number,
  problems: string[],
  options: { bypassCSP?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width, height: width < 500 ? 844 : 900 },
    deviceScaleFactor: 1,
    // The browser's language picks the dashboard's (English unless a spec says otherwise).
    locale: options.locale ?? 'en-US',
    timezoneId: 'UTC',
    bypassCSP: options.bypassCSP ?? false,
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 40[134]/.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
  });
  return context;
}

/**
 * A context at this width, signed in with `key`, whose dashboard speaks `language` (stored as
 * the visitor's saved choice before any page runs); axe can be injected (bypassCSP).
 */
export async function signedInContext(
  browser: Browser,
  base: string,
  width: number,
  problems: string[],
  { key, language = 'en' }: { key: string; language?: 'en' | 'it' },
): Promise<BrowserContext> {
  const context = await dashboardContext(browser, width, problems, { bypassCSP: true });
  await context.addInitScript((chosen: string) => {
    // about:blank has no storage; the dashboard's origin does.
    if ((globalThis as any).location.protocol === 'http:')
      (globalThis as any).localStorage.setItem('halo.language', chosen);
  }, language);
  await signIn(context, base, key);
  return context;
}

/** Signs the context in with an Authorization header's key, as the sign-in page does. */
export async function signIn(context: BrowserContext, base: string, key: string): Promise<void> {
  const response = await context.request.post(`${base}/api/v1/session`, {
    data: { key: key.replace(/^Bearer /, '') },
  });
  expect(response.status()).toBe(201);
}

/** Waits until the page and every panel on it has finished loading (charts drawn too). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return Boolean(
      main &&
      !main.hasAttribute('aria-busy') &&
      !document.querySelector('.loading-block, [aria-busy="true"]') &&
      main.querySelector('h1'),
    );
  });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('figure.chart')].every((figure) => figure.childElementCount > 0),
  );
}

/** Serious and critical axe violations on the page, or inside the element `selector` names. */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (scope: string | null) => {
    const result = await window.axe.run(scope ? document.querySelector(scope) : document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((violation: any) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.slice(0, 3).map((node: any) => node.target.join(' ')),
    }));
  }, selector ?? null);
  return violations
    .filter((violation: any) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation: any) => `${violation.id} (${violation.impact}): ${violation.targets.join(', ')}`,
    );
}

/** How far the page is wider than the viewport (0 or less: no sideways scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
