import { createHash } from 'node:crypto';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginAs, type Session } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit, makeUser } from '../../../test/support/factories.js';
import { sampleJpeg } from './testing.js';
import { type EvidenceTestApp, GOOD_METADATA, startEvidenceApp } from './testing-app.js';

const KiB = 1024;

describeEachDialect('evidence uploads with tus-js-client', (ctx) => {
  let env: EvidenceTestApp;
  let session: Session;

  beforeAll(async () => {
    env = await startEvidenceApp(ctx.db);
    const unit = await makeUnit(ctx.db.kysely);
    const user = await makeUser(ctx.db.kysely, { unitId: unit.id, roles: ['unit_head'] });
    session = await loginAs(env.app, user.username, user.password);
  });
  afterAll(() => env?.close());

  const options = (extra: tus.UploadOptions): tus.UploadOptions => ({
    endpoint: `${env.baseUrl}/api/uploads`,
    chunkSize: 256 * KiB,
    retryDelays: null,
    metadata: { ...GOOD_METADATA, kind: 'photo', officers: '张三,李四' },
    headers: { cookie: session.cookie, 'X-CSRF-Token': session.csrfToken },
    ...extra,
  });

  it('uploads in chunks, is aborted after the first, resumes from the server offset and gets the evidence id', async () => {
    const bytes = sampleJpeg(1000 * KiB);
    const uploadUrl = await new Promise<string>((resolve, reject) => {
      const upload: tus.Upload = new tus.Upload(
        bytes,
        options({
          onChunkComplete: () => {
            upload.abort().then(() => resolve(upload.url ?? ''), reject);
          },
          onError: reject,
        }),
      );
      upload.start();
    });
    expect(uploadUrl).toMatch(/\/api\/uploads\/[0-9a-f]{32}$/);

    let evidenceId = '';
    const offsets: number[] = [];
    await new Promise<void>((resolve, reject) => {
      const resumed = new tus.Upload(
        bytes,
        options({
          uploadUrl,
          onAfterResponse: (request, response) => {
            if (request.getMethod() === 'HEAD') offsets.push(Number(response.getHeader('Upload-Offset')));
            evidenceId = response.getHeader('X-Evidence-Id') ?? evidenceId;
          },
          onSuccess: () => resolve(),
          onError: reject,
        }),
      );
      resumed.start();
    });
    expect(offsets).toEqual([256 * KiB]);
    const res = await env.app.inject({ method: 'GET', url: `/api/evidence/${evidenceId}`, headers: { cookie: session.cookie } });
    expect(res.json()).toMatchObject({
      officers: '张三,李四',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('reports the JSON reason of a refused upload', async () => {
    const error = await new Promise<unknown>((resolve) => {
      new tus.Upload(
        Buffer.from('plain text is not evidence\n'),
        options({ onError: resolve, onSuccess: () => resolve(undefined) }),
      ).start();
    });
    expect(error).toBeInstanceOf(tus.DetailedError);
    if (!(error instanceof tus.DetailedError)) return;
    expect(error.originalResponse?.getStatus()).toBe(415);
    expect(JSON.parse(error.originalResponse?.getBody() ?? '{}').code).toBe('file_type_not_allowed');
  });
});
