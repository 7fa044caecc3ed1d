import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GRANT_TTL_MS, signGrant, verifyGrant } from './grants.js';
import { parseUploadMetadata, storedMetadata } from './metadata.js';
import { decideRange } from './range.js';
import { sniffEvidenceType } from './sniff.js';
import { sampleCfb, sampleExe, sampleJpeg, sampleOfd, samplePdf, sampleZip } from './testing.js';

describe('Range header', () => {
  it.each([
    [undefined, { kind: 'full' }],
    ['bytes=0-9', { kind: 'partial', range: { start: 0, end: 9 } }],
    ['bytes=10-', { kind: 'partial', range: { start: 10, end: 99 } }],
    ['bytes=-10', { kind: 'partial', range: { start: 90, end: 99 } }],
    ['bytes=-500', { kind: 'partial', range: { start: 0, end: 99 } }],
    ['bytes=90-500', { kind: 'partial', range: { start: 90, end: 99 } }],
    ['bytes=100-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', { kind: 'full' }],
    ['bytes=9-3', { kind: 'full' }],
    ['items=0-1', { kind: 'full' }],
    ['bytes=abc', { kind: 'full' }],
  ] as const)('%s → %j', (header, expected) => {
    expect(decideRange(header, 100)).toEqual(expected);
  });
});

describe('access grants', () => {
  const secret = 'grant-secret-grant-secret-grant-secret';
  const claims = { evidenceId: 'e1', userId: 'u1', expiresAt: Date.now() + GRANT_TTL_MS, eventId: 'ev1' };

  it('verifies only for the same evidence, the same user, before expiry, with the same secret', () => {
    const grant = signGrant(secret, claims);
    const now = Date.now();
    expect(verifyGrant(secret, grant, { evidenceId: 'e1', userId: 'u1', now })).toEqual(claims);
    expect(verifyGrant(secret, grant, { evidenceId: 'e2', userId: 'u1', now })).toBeUndefined();
    expect(verifyGrant(secret, grant, { evidenceId: 'e1', userId: 'u2', now })).toBeUndefined();
    expect(verifyGrant(secret, grant, { evidenceId: 'e1', userId: 'u1', now: claims.expiresAt })).toBeUndefined();
    expect(verifyGrant(`${secret}x`, grant, { evidenceId: 'e1', userId: 'u1', now })).toBeUndefined();
  });

  it('refuses forged and malformed grants', () => {
    const [, signature] = signGrant(secret, claims).split('.');
    const forged = `${Buffer.from(JSON.stringify({ e: 'e1', u: 'u1', x: claims.expiresAt + 1, v: 'ev1' })).toString('base64url')}.${signature}`;
    for (const grant of [forged, '', 'abc', 'a.b.c', `.${signature}`]) {
      expect(verifyGrant(secret, grant, { evidenceId: 'e1', userId: 'u1', now: Date.now() })).toBeUndefined();
    }
  });
});

describe('upload metadata', () => {
  const valid = { filename: '现场照片.jpg', kind: 'photo', recordedAt: '2026-03-01T10:20:30+08:00', sensitivity: 'general' };

  it('accepts the required keys, normalizes the time to UTC and drops empty optionals', () => {
    const parsed = parseUploadMetadata({ ...valid, device: ' DSJ-001 ', place: '', extra: 'ignored' });
    expect(parsed).toMatchObject({ filename: '现场照片.jpg', recordedAt: '2026-03-01T02:20:30.000Z', device: 'DSJ-001', place: null });
    expect(storedMetadata(parsed, 'user-1')).toEqual({
      uploaderId: 'user-1',
      filename: '现场照片.jpg',
      kind: 'photo',
      recordedAt: '2026-03-01T02:20:30.000Z',
      sensitivity: 'general',
      device: 'DSJ-001',
    });
  });

  it.each([
    [{ ...valid, filename: '' }],
    [{ ...valid, kind: 'sketch' }],
    [{ ...valid, sensitivity: 'top' }],
    [{ ...valid, recordedAt: '2026-03-01' }],
    [{ ...valid, recordedAt: '2026-13-45T99:00:00Z' }],
    [{ ...valid, description: '长'.repeat(501) }],
    [{ ...valid, filename: 'a\u0000b.jpg' }],
  ])('refuses %j', (raw) => {
    expect(() => parseUploadMetadata(raw)).toThrow(expect.objectContaining({ code: 'invalid_upload_metadata' }));
  });
});

describe('type sniffing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-sniff-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const sniff = (bytes: Buffer, filename = 'file.bin') => {
    const file = path.join(dir, `${Math.random()}`);
    fs.writeFileSync(file, bytes);
    return sniffEvidenceType(file, filename);
  };

  it('accepts photos, PDF and OFD by their bytes', async () => {
    expect(await sniff(sampleJpeg(2000), 'x.txt')).toEqual({ allowed: true, mediaType: 'image/jpeg' });
    expect(await sniff(samplePdf())).toEqual({ allowed: true, mediaType: 'application/pdf' });
    expect(await sniff(sampleOfd())).toEqual({ allowed: true, mediaType: 'application/ofd' });
  });

  it('accepts a compound file only as legacy Word, Excel or PowerPoint', async () => {
    expect(await sniff(sampleCfb(), '询问笔录.DOC')).toEqual({ allowed: true, mediaType: 'application/msword' });
    expect(await sniff(sampleCfb(), 'setup.msi')).toEqual({ allowed: false, detected: 'application/x-cfb' });
  });

  it('refuses executables, plain ZIPs, text and empty files', async () => {
    expect(await sniff(sampleExe(), 'photo.jpg')).toEqual({ allowed: false, detected: 'application/x-msdownload' });
    expect(await sniff(sampleZip({ 'ofd.xml.txt': 'x', 'Doc/OFD.xml': 'y' }))).toEqual({ allowed: false, detected: 'application/zip' });
    expect(await sniff(Buffer.from('这不是证据\n'))).toEqual({ allowed: false, detected: '无法识别' });
    expect(await sniff(Buffer.alloc(0))).toEqual({ allowed: false, detected: '无法识别' });
  });
});
