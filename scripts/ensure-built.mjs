#!/usr/bin/env node
// Builds what is missing or older than its sources — the console (Vite) and the server bundle
// (esbuild) — so `npm start` and `npm test` work on a fresh clone and skip builds otherwise.
// `--force` (npm run build) always builds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTestFile, SERVER_INPUTS, sourceHash } from './source-hash.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

function ensure(name, { stamp, output, inputs, skip, command }) {
  const digest = sourceHash(root, inputs, skip);
  const stampFile = path.join(root, stamp);
  const fresh = fs.existsSync(path.join(root, output)) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === digest;
  if (fresh && !force) return;
  console.log(`Building the ${name}…`);
  const started = Date.now();
  const result = spawnSync(process.execPath, command, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stampFile, `${digest}\n`);
  console.log(`Built the ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

ensure('console', {
  stamp: 'console/dist/.source-hash',
  output: 'console/dist/index.html',
  // The console also imports pure server modules (vocabularies, the procedure table, ID checksums), so
  // the server's sources count too: a rebuild costs seconds, a stale console costs a wrong answer.
  inputs: ['console/src', 'console/public', 'console/index.html', 'console/vite.config.ts', 'src', 'package-lock.json'],
  skip: isTestFile,
  command: ['node_modules/vite/bin/vite.js', 'build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'],
});
ensure('server', {
  stamp: 'dist/.source-hash',
  output: 'dist/sanxiang.js',
  inputs: SERVER_INPUTS,
  skip: isTestFile,
  command: ['scripts/build-server.mjs'],
});
