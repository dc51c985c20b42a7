import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium; playwright's own browsers are never downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, without the background traffic and updates a bench or a test does not want. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
