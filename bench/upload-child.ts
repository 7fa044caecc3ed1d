// A separate client process for the ingest benchmark: starts a tus upload and prints its URL, so the
// benchmark can kill this process with SIGKILL half-way and resume the upload from another client.
import fs from 'node:fs';
import * as tus from 'tus-js-client';

const [, , endpoint = '', file = '', sizeText = '0', cookie = '', csrf = ''] = process.argv;
const size = Number(sizeText);
const upload: tus.Upload = new tus.Upload(fs.createReadStream(file, { start: 0, end: size - 1, highWaterMark: 4 * 1024 * 1024 }), {
  endpoint,
  uploadSize: size,
  chunkSize: 8 * 1024 * 1024,
  retryDelays: null,
  metadata: { filename: 'resume.mp4', kind: 'video', recordedAt: new Date().toISOString(), sensitivity: 'general' },
  headers: { cookie, 'X-CSRF-Token': csrf },
  onUploadUrlAvailable: () => {
    process.stdout.write(`URL ${upload.url ?? ''}\n`);
  },
  onProgress: (sent) => {
    process.stdout.write(`SENT ${sent}\n`);
  },
  onError: (error) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
});
upload.start();
