import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
export function useDemoServerAndBrowser(env: Record<string, string> = {}): DemoBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(['--demo'], env);
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

/**
 * One signed-in page per demo account, kept for the whole describe block (Beijing time, so date pickers
 * default to the server's today). `as` runs a person's part and, when it fails, keeps a screenshot of
 * their page in the temp directory.
 */
export function usePersonas(
  demo: DemoBrowser,
  options: { password: string; readyTestId: string; screenshotPrefix: string; timeoutMs: number },
) {
  const contexts = new Map<string, { context: BrowserContext; page: Page }>();
  afterAll(async () => {
    for (const { context } of contexts.values()) await context.close();
  });

  async function pageOf(username: string): Promise<Page> {
    const known = contexts.get(username);
    if (known) return known.page;
    const context = await demo.browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(options.timeoutMs);
    const page = await context.newPage();
    await consoleLogin(page, demo.server.baseUrl, username, options.password);
    await page.locator(`[data-testid="${options.readyTestId}"]`).waitFor({ timeout: options.timeoutMs });
    contexts.set(username, { context, page });
    return page;
  }

  async function as(username: string, part: (page: Page) => Promise<void>): Promise<void> {
    const page = await pageOf(username);
    try {
      await part(page);
    } catch (error) {
      const file = path.join(os.tmpdir(), `${options.screenshotPrefix}-${username}-${Date.now()}.png`);
      await page
        .screenshot({ path: file, fullPage: true })
        .then(() => console.error(`screenshot: ${file}`))
        .catch(() => undefined);
      throw error;
    }
  }

  return { pageOf, as };
}

export type Call = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>;

/** An API session of a demo account (cookie and CSRF token), for the setup that is not under test. */
export async function apiSession(baseUrl: string, username: string, password: string): Promise<Call> {
  const origin = new URL(baseUrl).origin;
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${p}`, {
      method,
      headers: { Cookie: cookie, Origin: origin, 'X-CSRF-Token': csrfToken, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
}
