#!/usr/bin/env node
// Builds the console when its build is missing or older than its sources, so `npm start` and
// `npm test` work on a fresh clone without a separate build step, and skip the build otherwise.
// `--force` (npm run build) always builds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'console/dist/.source-hash');
const inputs = ['console/src', 'console/public', 'console/index.html', 'console/vite.config.ts', 'package-lock.json'];

function* files(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) yield* files(path.join(entry, name));
  } else {
    yield entry;
  }
}

const hash = createHash('sha256');
for (const input of inputs) {
  for (const file of files(input)) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  }
}
const digest = hash.digest('hex');
const built =
  fs.existsSync(path.join(root, 'console/dist/index.html')) &&
  fs.existsSync(stampFile) &&
  fs.readFileSync(stampFile, 'utf8').trim() === digest;
if (built && !process.argv.includes('--force')) process.exit(0);

console.log('Building the console (vite)…');
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(stampFile, `${digest}\n`);
console.log(`Console built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
