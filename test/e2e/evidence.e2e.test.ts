import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser.js';
import { consoleLogin, useDemoServerAndBrowser } from '../support/e2e.js';

const enabled = chromiumAvailable();
const WAIT = { timeout: 15_000 };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A real, renderable 16×16 RGB PNG (a colour gradient), encoded by hand. */
function makePng(size = 16): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  // compression, filter and interlace methods: 0
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < size; x++) rows.push((x * 255) / (size - 1), (y * 255) / (size - 1), 128);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

interface EvidenceItem {
  id: string;
  filename: string;
  sha256: string;
  sensitivity: string;
  ledgerIndex: number | null;
}

describe.runIf(enabled)('evidence in Chromium: tus upload, 调阅 with a purpose, access log, ledger (sanxiang serve --demo)', () => {
  const demo = useDemoServerAndBrowser();

  async function login(page: Page, username: string, password: string) {
    await consoleLogin(page, demo.server.baseUrl, username, password);
    await page.locator('[data-testid="menu-evidence"]').waitFor(WAIT);
  }

  async function getJson<T>(page: Page, url: string): Promise<T> {
    const res = await page.request.get(`${demo.server.baseUrl}${url}`);
    expect(res.status(), url).toBe(200);
    return (await res.json()) as T;
  }

  /** Runs a step; on failure keeps a screenshot of the page in the temp directory. */
  async function withScreenshot(context: BrowserContext, name: string, step: (page: Page) => Promise<void>) {
    context.setDefaultTimeout(WAIT.timeout);
    const page = await context.newPage();
    try {
      await step(page);
    } catch (error) {
      const file = path.join(os.tmpdir(), `sanxiang-e2e-${name}-${Date.now()}.png`);
      await page
        .screenshot({ path: file, fullPage: true })
        .then(() => console.error(`screenshot: ${file}`))
        .catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  }

  it('officer uploads a personal-data photo, must state a purpose to view it; the unit head sees the 调阅 and the ledger holds the hash', async () => {
    const png = makePng();
    const sha256 = createHash('sha256').update(png).digest('hex');
    const filename = `现场照片-${Date.now()}.png`;
    const purpose = '核对现场照片';
    let evidence: EvidenceItem | undefined;

    const newContext = async () => {
      const context = await demo.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.server.baseUrl });
      return context;
    };

    await withScreenshot(await newContext(), 'officer', async (page) => {
      await login(page, 'officer1', 'Demo@2026');
      await page.click('[data-testid="menu-evidence"]');
      await page.locator('[data-testid="evidence-table"]').waitFor(WAIT);

      // 1. Upload through the real form and the real tus client.
      await page.click('[data-testid="evidence-upload"]');
      const modal = page.locator('.ant-modal', { hasText: '上传证据' });
      await modal.waitFor(WAIT);
      await modal.locator('input[type="file"]').setInputFiles({ name: filename, mimeType: 'image/png', buffer: png });
      await modal.locator('.ant-upload-list', { hasText: filename }).waitFor(WAIT);
      // The kind is guessed from the file type.
      await expect(modal.locator('.ant-form-item', { hasText: '证据类型' }).textContent()).resolves.toContain('照片');
      await page.click('#uploadEvidence_sensitivity');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '涉及个人隐私' }).click();
      await page.fill('#uploadEvidence_place', '大武口区某建筑工地');
      // The tus client creates the upload (POST) and sends the bytes (PATCH); the final PATCH names the evidence.
      const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/uploads'), WAIT);
      const finished = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/uploads/'), WAIT);
      await page.click('[data-testid="evidence-upload-submit"]');
      expect((await created).status()).toBe(201);
      const finalPatch = await finished;
      expect(finalPatch.status()).toBe(204);
      const evidenceId = finalPatch.headers()['x-evidence-id'];
      expect(evidenceId).toMatch(/^[0-9a-f-]{36}$/);

      // On success the dialog closes, the list reloads and the new evidence opens in the drawer.
      await modal.waitFor({ state: 'hidden', ...WAIT });
      const row = page.locator('[data-testid="evidence-table"] tr.ant-table-row', { hasText: filename });
      await row.waitFor(WAIT);
      await expect(row.textContent()).resolves.toContain('涉及个人隐私');
      await expect(row.textContent()).resolves.toContain('张明');
      // 2. The table shows the start of the digest; the drawer shows all of it.
      await expect(row.textContent()).resolves.toContain(sha256.slice(0, 12));
      const drawer = page.locator('.ant-drawer', { hasText: '证据详情' });
      await drawer.locator('[data-testid="evidence-filename"]', { hasText: filename }).waitFor(WAIT);
      const shown = (await drawer.locator('[data-testid="evidence-sha256"]').textContent())?.trim();
      expect(shown).toBe(sha256);
      // Its copy button copies the whole digest.
      await drawer.locator('[data-testid="evidence-sha256"] .ant-typography-copy').click();
      await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(sha256);

      const list = await getJson<{ items: EvidenceItem[] }>(page, `/api/evidence?q=${encodeURIComponent(filename)}&page=1&pageSize=20`);
      evidence = list.items.find((item) => item.filename === filename);
      expect(evidence).toMatchObject({ id: evidenceId, sha256, sensitivity: 'personal' });
      expect(page.url()).toContain(`id=${evidenceId}`);

      // 3. 查看 asks for a purpose; an empty one is refused in the form, and nothing is recorded.
      await drawer.locator('[data-testid="evidence-view"]').click();
      const purposeModal = page.locator('.ant-modal', { hasText: '调阅证据' });
      await purposeModal.waitFor(WAIT);
      await expect(purposeModal.textContent()).resolves.toContain('调阅须说明事由');
      await page.click('[data-testid="evidence-purpose-submit"]');
      await purposeModal.locator('.ant-form-item-explain-error', { hasText: '请填写调阅事由' }).waitFor(WAIT);
      // Blanks are no purpose either.
      await page.fill('[data-testid="evidence-purpose"]', '   ');
      await page.click('[data-testid="evidence-purpose-submit"]');
      await purposeModal.locator('.ant-form-item-explain-error', { hasText: '请填写调阅事由' }).waitFor(WAIT);
      expect(await purposeModal.isVisible()).toBe(true);
      expect(await page.locator('img[src*="/content?grant="]').count()).toBe(0);
      const before = await getJson<{ total: number }>(page, '/api/me/events?type=evidence.accessed&page=1&pageSize=20');
      expect(before.total).toBe(0);

      await page.fill('[data-testid="evidence-purpose"]', purpose);
      await page.click('[data-testid="evidence-purpose-submit"]');
      await purposeModal.waitFor({ state: 'hidden', ...WAIT });
      await page.waitForFunction(
        'document.querySelector(\'img[src*="/content?grant="]\')?.complete && document.querySelector(\'img[src*="/content?grant="]\').naturalWidth > 0',
        undefined,
        WAIT,
      );
      expect(await page.evaluate('document.querySelector(\'img[src*="/content?grant="]\').naturalWidth')).toBe(16);
      expect(await drawer.locator('[data-testid="evidence-view-failed"]').count()).toBe(0);
      await expect(drawer.locator('[data-testid="evidence-view"]').textContent()).resolves.toContain('重新调阅');

      const after = await getJson<{ total: number }>(page, '/api/me/events?type=evidence.accessed&page=1&pageSize=20');
      expect(after.total).toBe(1);

      // The drawer covers the header: close it (the URL loses ?id=), then sign out.
      await drawer.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden', ...WAIT });
      expect(page.url()).not.toContain('id=');
      await page.click('[data-testid="logout"]');
      await page.waitForURL(/\/console\/login/, WAIT);
    });

    const id = evidence?.id ?? '';
    await withScreenshot(await newContext(), 'unithead', async (page) => {
      // 4. The unit head opens the same evidence; its 调阅记录 names the officer and the purpose.
      await login(page, 'unithead', 'Demo@2026');
      await page.click('[data-testid="menu-evidence"]');
      await page.locator('[data-testid="evidence-table"] tr.ant-table-row', { hasText: filename }).click();
      const drawer = page.locator('.ant-drawer', { hasText: '证据详情' });
      await drawer.locator('[data-testid="evidence-filename"]', { hasText: filename }).waitFor(WAIT);
      await drawer.locator('[data-testid="evidence-access-log-tab"]').click();
      const logRow = drawer.locator('[data-testid="evidence-access-log"] tr.ant-table-row', { hasText: '张明' });
      await logRow.waitFor(WAIT);
      await expect(logRow.textContent()).resolves.toContain(purpose);
      // Exactly one 调阅: the empty attempt was never recorded.
      expect(await drawer.locator('[data-testid="evidence-access-log"] tr.ant-table-row').count()).toBe(1);
      const log = await getJson<{ total: number; items: { actorName: string; purpose: string | null }[] }>(
        page,
        `/api/evidence/${id}/access-log?page=1&pageSize=10`,
      );
      expect(log).toMatchObject({ total: 1, items: [{ actorName: '张明', purpose }] });

      // 5. The ledger entry of the upload names the content's SHA-256 (a public API; no session needed).
      const ledgerIndex = evidence?.ledgerIndex;
      expect(ledgerIndex).toEqual(expect.any(Number));
      const body = await getJson<{ index: number; entry: string }>(page, `/api/ledger/entries/${ledgerIndex}`);
      expect(body.index).toBe(ledgerIndex);
      const entry = JSON.parse(body.entry) as { type: string; subject: string; blobs: string[] };
      expect(entry).toMatchObject({ type: 'evidence.ingested', subject: `evidence:${id}` });
      expect(entry.blobs).toContain(sha256);
    });
  }, 90_000);
});
