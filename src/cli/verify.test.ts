import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/sanxiang.mjs');

/** Runs the real `sanxiang` command against a data dir; resolves with its exit code and output. */
async function sanxiang(dataDir: string, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, SANXIANG_DATA_DIR: dataDir, SANXIANG_LEDGER_SM2: 'true' },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('sanxiang verify (the command, on a SQLite data dir)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-verify-cli-'));
    expect((await sanxiang(dataDir, ['seed', '--demo'])).code).toBe(0);
  }, 60_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 on a clean data dir, then 1 naming an edited event, and checks a saved checkpoint', async () => {
    const clean = await sanxiang(dataDir, ['verify']);
    expect(clean.out).toContain('核验通过');
    // The seed signs at least one: its own, and one for each 案卷 the demo archivist accepts.
    expect(clean.out).toMatch(/检查点 [1-9]\d* 个/);
    expect(clean.code).toBe(0);

    const db = new Database(path.join(dataDir, 'sanxiang.db'));
    const row = db.prepare("select id, data from events where type = 'user.created' order by ledger_index limit 1").get() as {
      id: string;
      data: string;
    };
    db.prepare('update events set data = ? where id = ?').run('{"roles":["admin"]}', row.id);
    const tampered = await sanxiang(dataDir, ['verify']);
    db.prepare('update events set data = ? where id = ?').run(row.data, row.id);
    db.close();
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`event ${row.id} (user.created) does not match its ledger entry`);

    const kept = path.join(dataDir, 'kept.checkpoint');
    const db2 = new Database(path.join(dataDir, 'sanxiang.db'));
    const note = db2.prepare('select note from ledger_checkpoints order by size desc limit 1').pluck().get();
    db2.close();
    fs.writeFileSync(kept, String(note));
    const witness = await sanxiang(dataDir, ['verify', '--checkpoint', kept]);
    expect(witness.code).toBe(0);
    expect(witness.out).toContain('已对照给定的检查点文件核验');
    fs.writeFileSync(kept, 'not a checkpoint\n');
    const bad = await sanxiang(dataDir, ['verify', '--checkpoint', kept]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('given checkpoint: unreadable');
  }, 60_000);
});
