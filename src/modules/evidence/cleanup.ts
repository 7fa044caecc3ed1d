import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { deleteExpiredLocks } from './upload-locks-repository.js';
import { discardUpload, UPLOAD_EXPIRY_MS, uploadDirOf } from './uploads.js';

const DATA_FILE = /^[0-9a-f]{32}$/;
const INFO_FILE = /^([0-9a-f]{32})\.json$/;

/**
 * For the scheduler: removes uploads created more than 24 h ago that never finished (finished ones
 * are removed at ingest), stray files left by a crash between writing an upload and its info file,
 * and upload locks whose holders died. Returns how many of each it removed.
 */
export async function cleanUpExpiredUploads(
  db: Kysely<Database>,
  dataDir: string,
  now: Date = new Date(),
): Promise<{ uploads: number; locks: number }> {
  const dir = uploadDirOf(dataDir);
  const names = await readdir(dir).catch(() => []);
  const ids = new Set<string>();
  for (const name of names) {
    const id = DATA_FILE.test(name) ? name : INFO_FILE.exec(name)?.[1];
    if (id !== undefined) ids.add(id);
  }
  let uploads = 0;
  for (const id of ids) {
    const created = await creationTime(dir, id);
    if (created !== undefined && now.getTime() - created > UPLOAD_EXPIRY_MS) {
      await discardUpload(dir, id);
      uploads += 1;
    }
  }
  return { uploads, locks: await deleteExpiredLocks(db, now) };
}

/** When the upload was created: from its info file, else (info lost) the data file's last change. */
async function creationTime(dir: string, id: string): Promise<number | undefined> {
  try {
    const info: unknown = JSON.parse(await readFile(path.join(dir, `${id}.json`), 'utf8'));
    if (typeof info === 'object' && info !== null && 'creation_date' in info && typeof info.creation_date === 'string') {
      const ms = Date.parse(info.creation_date);
      if (!Number.isNaN(ms)) return ms;
    }
  } catch {
    // No readable info file: fall back to the data file.
  }
  const stats = await stat(path.join(dir, id)).catch(() => undefined);
  return stats?.mtimeMs;
}
