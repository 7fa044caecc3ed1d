import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { type RunningServer, startServer } from './server-process.js';

export interface DemoBrowser {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * For an end-to-end describe block: the real `sanxiang serve --demo` in a child process and one
 * Chromium, started before the block's tests and stopped after them.
 */
export function useDemoServerAndBrowser(): DemoBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(['--demo']);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the demo server is not running yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not running yet');
      return browser;
    },
  };
}

/** Signs in through the console's login page. */
export async function consoleLogin(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.waitForURL(/\/console\/login/, { timeout: 15_000 });
  await page.fill('#login_username', username);
  await page.fill('#login_password', password);
  await page.click('[data-testid="login-submit"]');
}
