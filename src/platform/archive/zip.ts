import fs from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * A minimal read-only ZIP reader (PKWARE APPNOTE): the central directory, ZIP64 sizes and offsets,
 * stored and deflated entries, each entry streamed from the file so a 2 GiB video is never held in
 * memory. Enough to verify a zipped bag without a dependency; CRCs are not checked because every
 * payload byte is checked against the bag's SHA-512 and SM3 manifests anyway.
 */

export interface ZipEntry {
  /** Name as stored, `/`-separated (UTF-8; names from very old tools in CP437 are read as UTF-8 too). */
  readonly name: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly method: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipError extends Error {}

export async function readZipDirectory(file: string): Promise<ZipEntry[]> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('不是 ZIP 文件(找不到中央目录结尾)');
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const locatorAt = size - tailLength + eocd - 20;
      const locator = locatorAt >= 0 ? await readAt(handle, locatorAt, 20) : Buffer.alloc(0);
      if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipError('ZIP64 结构缺失');
      const z64 = await readAt(handle, big(locator, 8), 56);
      if (z64.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError('ZIP64 中央目录结尾损坏');
      count = big(z64, 32);
      cdSize = big(z64, 40);
      cdOffset = big(z64, 48);
    }
    const cd = await readAt(handle, cdOffset, cdSize);
    return parseCentralDirectory(cd, count);
  } finally {
    await handle.close();
  }
}

function parseCentralDirectory(cd: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ZipError('ZIP 中央目录损坏');
    const flags = cd.readUInt16LE(p + 8);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let compressedSize = cd.readUInt32LE(p + 20);
    let size = cd.readUInt32LE(p + 24);
    let localHeaderOffset = cd.readUInt32LE(p + 42);
    const name = cd.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    // ZIP64 extended information (0x0001): only the fields whose 32-bit slot is saturated, in this order.
    const extra = cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const length = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) [size, q] = [big(extra, q), q + 8];
        if (compressedSize === 0xffffffff) [compressedSize, q] = [big(extra, q), q + 8];
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = big(extra, q);
      }
      e += 4 + length;
    }
    entries.push({ name, size, compressedSize, method: cd.readUInt16LE(p + 10), localHeaderOffset, encrypted: (flags & 1) === 1 });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's uncompressed bytes as a stream. */
export async function openZipEntry(file: string, entry: ZipEntry): Promise<Readable> {
  if (entry.encrypted) throw new ZipError(`${entry.name}:加密的 ZIP 条目无法读取`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`${entry.name}:不支持的压缩方式 ${entry.method}`);
  const handle = await fs.promises.open(file, 'r');
  let header: Buffer;
  try {
    header = await readAt(handle, entry.localHeaderOffset, 30);
  } finally {
    await handle.close();
  }
  if (header.readUInt32LE(0) !== LOCAL) throw new ZipError(`${entry.name}:ZIP 本地文件头损坏`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  raw.on('error', (error) => inflate.destroy(error));
  return raw.pipe(inflate);
}

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new ZipError('ZIP 文件被截断');
  return buffer;
}

function big(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('ZIP64 数值过大');
  return Number(value);
}
