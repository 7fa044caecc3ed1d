import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installation's root folder (where package.json is), found from this module's own location so
 * it is right whether the server runs from src/ (tsx) or from the dist/ bundle, and from any cwd.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the Sanxiang installation folder (package.json)');
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot();
