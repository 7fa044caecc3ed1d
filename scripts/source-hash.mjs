// Content hash of a set of files and folders: build stamps compare it to decide whether a build is stale.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function* files(root, entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) yield* files(root, path.join(entry, name));
  } else {
    yield entry;
  }
}

export function sourceHash(root, inputs, skip = () => false) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of files(root, input)) {
      if (skip(file)) continue;
      hash
        .update(file)
        .update('\0')
        .update(fs.readFileSync(path.join(root, file)))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

/** The server bundle's inputs; tests are not part of it. */
export const SERVER_INPUTS = ['src', 'package-lock.json'];
export const isTestFile = (file) => /\.test\.ts$|[\\/]testing(-app)?\.ts$/.test(file);
