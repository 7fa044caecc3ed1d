import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser.js';
import { consoleLogin, useDemoServerAndBrowser } from '../support/e2e.js';

const enabled = chromiumAvailable();

describe.runIf(enabled)('console and portal in Chromium (sanxiang serve --demo on SQLite)', () => {
  const demo = useDemoServerAndBrowser();
  const login = (page: Page, username: string, password: string) => consoleLogin(page, demo.server.baseUrl, username, password);

  // Generous: CI runs this beside other test files on two cores.
  it('admin creates an officer; the officer signs in, sets a password and sees the officer menu, not the admin one', {
    timeout: 90_000,
  }, async () => {
    const context = await demo.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await login(page, 'admin', 'Demo@2026');
      await page.click('[data-testid="menu-users"]');
      await page.click('[data-testid="user-create"]');
      await page.fill('#createUser_username', 'officer3');
      await page.fill('#createUser_displayName', '孙执法');
      await page.click('#createUser_unitId');
      await page.keyboard.type('劳动保障');
      await page.locator('.ant-select-tree-title', { hasText: '劳动保障监察监督局' }).click();
      await page.click('[data-testid="user-create-submit"]');
      const initialPassword = (await page.locator('[data-testid="initial-password"]').textContent())?.trim() ?? '';
      expect(initialPassword).toMatch(/^\S{14}$/);
      await page.keyboard.press('Escape');
      await page.click('[data-testid="logout"]');
      await page.waitForURL(/\/console\/login/);

      await page.fill('#login_username', 'officer3');
      await page.fill('#login_password', initialPassword);
      await page.click('[data-testid="login-submit"]');
      await page.fill('#changePassword_currentPassword', initialPassword);
      await page.fill('#changePassword_newPassword', 'Sun-Zhifa2026');
      await page.fill('#changePassword_confirmPassword', 'Sun-Zhifa2026');
      await page.getByRole('button', { name: '修改密码并继续' }).click();

      await page.locator('[data-testid="menu-dashboard"]').waitFor();
      expect(await page.locator('[data-testid="menu-profile"]').count()).toBe(1);
      expect(await page.locator('[data-testid="menu-users"]').count()).toBe(0);
      expect(await page.locator('[data-testid="menu-units"]').count()).toBe(0);
      expect(await page.locator('[data-testid="menu-events"]').count()).toBe(0);
      expect(await page.locator('[data-testid="current-user"]').textContent()).toContain('孙执法');

      // What the browser did is what the server recorded.
      const me: unknown = await (await page.request.get(`${demo.server.baseUrl}/api/me`)).json();
      expect(me).toMatchObject({
        user: { username: 'officer3', unitName: '劳动保障监察监督局', roles: ['officer'], mustChangePassword: false },
      });
    } finally {
      await context.close();
    }
  });

  it('serves the portal home page to a browser without JavaScript, on a phone-sized screen', async () => {
    const context = await demo.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(`${demo.server.baseUrl}/`);
      expect(await page.title()).toContain('石嘴山市人力资源和社会保障局');
      await expect(page.locator('h2', { hasText: '机构设置' }).count()).resolves.toBe(1);
      expect(await page.locator('.unit-list > li').count()).toBe(11);
      // Nothing wider than the screen: no sideways scrolling on a phone.
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
