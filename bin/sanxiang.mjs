#!/usr/bin/env node
// The `sanxiang` command. It runs the server bundle (dist/, built by `npm run build`, `npm start`
// or `npm test`) when that bundle was built from the current sources; otherwise it runs the
// TypeScript sources through tsx's loader, so a developer's edit is never masked by a stale build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTestFile, SERVER_INPUTS, sourceHash } from '../scripts/source-hash.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist/.source-hash');
const bundled = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === sourceHash(root, SERVER_INPUTS, isTestFile);
let main;
if (bundled) {
  ({ main } = await import('../dist/sanxiang.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
