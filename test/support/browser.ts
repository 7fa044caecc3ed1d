import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.SANXIANG_CHROMIUM ?? '/usr/bin/chromium';

/** Whether end-to-end tests can run; under CI=true a missing browser fails instead of skipping. */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true')
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} and CI=true (apt-get install chromium fonts-noto-cjk)`);
  console.warn(`\n⚠ Chromium not found at ${CHROMIUM_PATH}; end-to-end tests are SKIPPED.\n`);
  return false;
}

/** Debian's Chromium, headless, with the flags this closed network needs and a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
