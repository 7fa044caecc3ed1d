import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { S3Client } from '@aws-sdk/client-s3';

/**
 * s3rver 3.7.1 runs in a child process because of two bugs that a fake must not hide from us:
 *  - ListObjectsV2 continuation tokens are DES-encrypted; OpenSSL 3 (Node ≥ 17) has DES only in its
 *    legacy provider, so every second page fails with InternalError → the child gets
 *    `--openssl-legacy-provider`;
 *  - `Range: bytes=N-0` is read as "to the end" (`options.end || Infinity`), so a one-byte read of
 *    byte 0 returns everything → the child patches FilesystemStore.getObject for end 0.
 * The child prints `{"port":…}` once listening and exits when its stdin closes (parent gone).
 */
const CHILD = `
const [s3rverPath, directory, bucket] = process.argv.slice(1);
const fs = require('node:fs');
const path = require('node:path');
const S3rver = require(s3rverPath);
const FilesystemStore = require(path.join(path.dirname(s3rverPath), 'stores', 'filesystem.js'));
const getObject = FilesystemStore.prototype.getObject;
FilesystemStore.prototype.getObject = async function (bucket, key, options) {
  if (!options || options.end !== 0) return getObject.call(this, bucket, key, options);
  const object = await getObject.call(this, bucket, key, { start: options.start });
  if (object && object.content && object.range && object.range.start === 0) {
    object.content.destroy();
    object.content = fs.createReadStream(this.getResourcePath(bucket, key, 'object'), { start: 0, end: 0 });
    object.range.end = 0;
  }
  return object;
};
new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket }] })
  .run()
  .then(({ port }) => process.stdout.write(JSON.stringify({ port }) + '\\n'), (error) => { console.error(error); process.exit(1); });
process.stdin.on('end', () => process.exit(0)).resume();
`;

export interface TestS3Server {
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  /** s3rver checks SigV4 signatures against these fixed credentials. */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** A plain client on the same server, for tests that reach behind the store (tampering). */
  readonly client: S3Client;
  stop(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 (a free port) over a fresh temp directory, with one empty bucket. */
export async function startS3Server(bucket = 'sanxiang-test'): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'sanxiang-s3rver-'));
  const s3rverPath = createRequire(import.meta.url).resolve('s3rver');
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', CHILD, s3rverPath, directory, bucket], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let port: number;
  try {
    port = await readPort(child);
  } catch (error) {
    child.kill();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    region: 'us-east-1',
    bucket,
    ...credentials,
    client,
    async stop() {
      client.destroy();
      const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve();
      child.stdin?.end();
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function readPort(child: ChildProcess): Promise<number> {
  const { stdout } = child;
  if (!stdout) return Promise.reject(new Error('s3rver child has no stdout'));
  return new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: stdout });
    const onExit = (code: number | null) => reject(new Error(`s3rver exited before listening (code ${String(code)})`));
    child.once('exit', onExit);
    lines.once('line', (line) => {
      child.off('exit', onExit);
      lines.close();
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed === 'object' && parsed !== null && 'port' in parsed && typeof parsed.port === 'number') resolve(parsed.port);
      else reject(new Error(`unexpected s3rver output: ${line}`));
    });
  });
}
