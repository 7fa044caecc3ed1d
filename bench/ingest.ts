// Evidence ingest through the real server process: a large tus upload (default 2 GiB) measured
// against sha256sum and an in-process SHA-256+SM3 pass over the same file, the server's peak RSS,
// and a 1 GiB upload interrupted half-way and resumed.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import * as tus from 'tus-js-client';
import { createFsBlobStore } from '../src/platform/blobs/index.js';
import { type RunningServer, startServer } from '../test/support/server-process.js';
import type { Row } from './support.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const CHUNK = 64 * MiB;

/** An MP4-looking file (ftyp box, then pseudo-random bytes) of `size` bytes, written in 16 MiB steps. */
async function makeVideo(file: string, size: number): Promise<void> {
  const header = Buffer.from('00000018667479706973706d0000020069736f6d69736f32', 'hex');
  const block = Buffer.alloc(16 * MiB);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i);
  const out = fs.createWriteStream(file);
  out.write(header);
  for (let written = header.length, n = 0; written < size; n++) {
    block.writeUInt32LE(n, 0);
    const part = block.subarray(0, Math.min(block.length, size - written));
    if (!out.write(part)) await new Promise<void>((r) => out.once('drain', () => r()));
    written += part.length;
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

async function dualHashRate(file: string, size: number): Promise<number> {
  const sha = createHash('sha256');
  const sm3 = createHash('sm3');
  const start = performance.now();
  await pipeline(fs.createReadStream(file, { highWaterMark: 4 * MiB }), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      sha.update(chunk);
      sm3.update(chunk);
    }
  });
  sha.digest();
  sm3.digest();
  return size / MiB / ((performance.now() - start) / 1000);
}

async function signIn(server: RunningServer): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer1', password: 'Demo@2026' }),
  });
  const body: unknown = await res.json();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = typeof body === 'object' && body !== null && 'csrfToken' in body ? String(body.csrfToken) : '';
  return { cookie, csrf };
}

function upload(
  server: RunningServer,
  auth: { cookie: string; csrf: string },
  file: string,
  size: number,
  extra: Partial<tus.UploadOptions>,
): Promise<{ url: string; evidenceId: string }> {
  return new Promise((resolve, reject) => {
    let evidenceId = '';
    const u: tus.Upload = new tus.Upload(fs.createReadStream(file, { start: 0, end: size - 1, highWaterMark: 4 * MiB }), {
      endpoint: `${server.baseUrl}/api/uploads`,
      uploadSize: size,
      chunkSize: CHUNK,
      retryDelays: null,
      metadata: { filename: 'bench.mp4', kind: 'video', recordedAt: new Date().toISOString(), sensitivity: 'general' },
      headers: { cookie: auth.cookie, 'X-CSRF-Token': auth.csrf },
      onAfterResponse: (_req, res) => {
        evidenceId = res.getHeader('X-Evidence-Id') ?? evidenceId;
      },
      onSuccess: () => resolve({ url: u.url ?? '', evidenceId }),
      onError: reject,
      ...extra,
    });
    u.start();
  });
}

/** Runs bench/upload-child.ts, kills it with SIGKILL once the server holds half the bytes. */
async function uploadAndKill(server: RunningServer, auth: { cookie: string; csrf: string }, file: string, size: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'upload-child.ts'),
      `${server.baseUrl}/api/uploads`,
      file,
      String(size),
      auth.cookie,
      auth.csrf,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  // Killed once it reports having sent half the bytes; asking the server meanwhile would take the
  // upload's lock and interrupt it.
  const url = await new Promise<string>((resolve, reject) => {
    let found = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      const announced = /^URL (\S+)/m.exec(text)?.[1];
      if (announced) found = new URL(announced, server.baseUrl).toString();
      const sent = Math.max(0, ...[...text.matchAll(/^SENT (\d+)/gm)].map((m) => Number(m[1])));
      if (found && sent >= size / 2 && child.exitCode === null) {
        child.kill('SIGKILL');
        resolve(found);
      }
    });
    child.once('exit', () => reject(new Error('the upload client stopped before half of the file was sent')));
  });
  await new Promise((r) => (child.exitCode === null && child.signalCode === null ? child.once('exit', r) : r(undefined)));
  const offsetNow = async () => {
    const head = await fetch(url, { method: 'HEAD', headers: { cookie: auth.cookie, 'Tus-Resumable': '1.0.0' } });
    return Number(head.headers.get('upload-offset') ?? 0);
  };
  return { cut: url, offset: await offsetNow() };
}

async function evidenceSha(server: RunningServer, cookie: string, id: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/evidence/${id}`, { headers: { cookie } });
  const body: unknown = await res.json();
  return typeof body === 'object' && body !== null && 'sha256' in body ? String(body.sha256) : '';
}

function peakRssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

export async function benchIngest(): Promise<Row[]> {
  const size = Number(process.env.SANXIANG_BENCH_INGEST_MIB ?? 2048) * MiB;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-ingest-'));
  const file = path.join(dir, 'bench.mp4');
  const server = await startServer(['--demo'], { SANXIANG_LOG_LEVEL: 'warn' });
  try {
    await makeVideo(file, size);
    let start = performance.now();
    const expected = (await run('sha256sum', [file])).stdout.split(' ')[0] ?? '';
    const sha256sumRate = size / MiB / ((performance.now() - start) / 1000);
    const dualRate = await dualHashRate(file, size);
    // The server's own step once the last byte is in: what onUploadFinish does with the file.
    const staged = path.join(dir, 'staged.mp4');
    fs.copyFileSync(file, staged);
    const store = createFsBlobStore(path.join(dir, 'blobs'));
    start = performance.now();
    await store.adoptFile(staged);
    const adoptRate = size / MiB / ((performance.now() - start) / 1000);
    fs.rmSync(path.join(dir, 'blobs'), { recursive: true, force: true });
    const auth = await signIn(server);
    const rssAfterStart = peakRssMiB(server.pid);
    // Reset the peak (Linux: 5 → clear_refs resets VmHWM), so the peak below belongs to the uploads,
    // not to start-up (the demo seed's scrypt hashing and module loading).
    fs.writeFileSync(`/proc/${server.pid}/clear_refs`, '5');

    start = performance.now();
    const whole = await upload(server, auth, file, size, {});
    const ingestRate = size / MiB / ((performance.now() - start) / 1000);
    const wholeOk = (await evidenceSha(server, auth.cookie, whole.evidenceId)) === expected;

    // A 1 GiB upload whose client process is killed (SIGKILL) half-way, then resumed by a new client.
    const half = Math.min(size, 1024 * MiB);
    const partExpected = createHash('sha256');
    await pipeline(fs.createReadStream(file, { start: 0, end: half - 1 }), async (source: AsyncIterable<Buffer>) => {
      for await (const c of source) partExpected.update(c);
    });
    const { cut, offset } = await uploadAndKill(server, auth, file, half);
    const resumed = await upload(server, auth, file, half, { uploadUrl: cut });
    const resumedOk = (await evidenceSha(server, auth.cookie, resumed.evidenceId)) === partExpected.digest('hex');
    const rss = peakRssMiB(server.pid);
    const gib = (size / 1024 / MiB).toFixed(1);
    return [
      {
        suite: 'ingest',
        dialect: 'sqlite',
        name: `sha256sum of the ${gib} GiB file`,
        value: `${sha256sumRate.toFixed(0)} MB/s`,
        target: '',
      },
      {
        suite: 'ingest',
        dialect: 'sqlite',
        name: 'single-pass SHA-256+SM3 (node, same file)',
        value: `${dualRate.toFixed(0)} MB/s`,
        target: '',
      },
      {
        suite: 'ingest',
        dialect: 'sqlite',
        name: `server ingest step: hash, fsync, move into the store (${gib} GiB)`,
        value: `${adoptRate.toFixed(0)} MB/s (${((adoptRate / dualRate) * 100).toFixed(0)} %)`,
        target: '≥ 70 % of SHA-256+SM3',
      },
      {
        suite: 'ingest',
        dialect: 'sqlite',
        name: `whole tus upload + ingest over loopback (${wholeOk ? 'sha256 ok' : 'SHA-256 MISMATCH'})`,
        value: `${ingestRate.toFixed(0)} MB/s`,
        target: '',
      },
      {
        suite: 'ingest',
        dialect: 'sqlite',
        name: 'server peak RSS during the uploads',
        value: `${rss.toFixed(0)} MiB (start-up peak ${rssAfterStart.toFixed(0)})`,
        target: '< 200 MiB',
      },
      {
        suite: 'ingest',
        dialect: 'sqlite',
        name: `1 GiB, client process killed at ${((offset / half) * 100).toFixed(0)} %, resumed (${resumedOk ? 'sha256 ok' : 'SHA-256 MISMATCH'})`,
        value: `resumed from ${(offset / MiB).toFixed(0)} MiB`,
        target: 'resumes, right SHA-256',
      },
    ];
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
