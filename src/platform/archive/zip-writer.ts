import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

/**
 * Streams a directory as a ZIP (PKWARE APPNOTE 6.3): entries stored, not deflated (bag payloads are
 * mostly compressed media and a stored entry is read back at disk speed), names in UTF-8 (flag bit 11),
 * the CRC computed while the file streams and written in a data descriptor (flag bit 3), ZIP64 records
 * for an entry or an offset past 4 GiB. Every entry sits under `root/`, as a serialized bag should.
 */

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const MAX32 = 0xffffffff;
const FLAGS = 0x0808; // data descriptor + UTF-8 names

interface Planned {
  readonly name: Buffer;
  readonly file: string;
  readonly size: number;
}

async function listFiles(dir: string, relative = ''): Promise<{ rel: string; file: string; size: number }[]> {
  const out: { rel: string; file: string; size: number }[] = [];
  const entries = await fs.promises.readdir(path.join(dir, relative), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (entry.isFile()) out.push({ rel, file: path.join(dir, rel), size: (await fs.promises.stat(path.join(dir, rel))).size });
  }
  return out;
}

/** The ZIP's exact length, for Content-Length (stored entries make it computable before writing). */
export function zipLength(planned: readonly Planned[]): number {
  let offset = 0;
  let central = 0;
  for (const p of planned) {
    const big = p.size >= MAX32 || offset >= MAX32;
    const local = 30 + p.name.length + (big ? 20 : 0);
    const descriptor = big ? 24 : 16;
    central += 46 + p.name.length + centralExtraLength(p.size, offset);
    offset += local + p.size + descriptor;
  }
  const zip64 = offset >= MAX32 || central >= MAX32 || planned.length >= 0xffff;
  return offset + central + (zip64 ? 56 + 20 : 0) + 22;
}

function centralExtraLength(size: number, offset: number): number {
  const fields = (size >= MAX32 ? 2 : 0) + (offset >= MAX32 ? 1 : 0);
  return fields === 0 ? 0 : 4 + fields * 8;
}

export async function planZip(dir: string, root: string): Promise<Planned[]> {
  return (await listFiles(dir)).map((f) => ({ name: Buffer.from(`${root}/${f.rel}`, 'utf8'), file: f.file, size: f.size }));
}

/** The ZIP of a planned directory as a stream (it reads each file once). */
export function zipStream(planned: readonly Planned[]): Readable {
  return Readable.from(zipChunks(planned), { objectMode: false });
}

/** MS-DOS time and date (local fields, here Beijing time) of the moment the ZIP is made. */
function dosStamp(at: Date): number {
  const t = new Date(at.getTime() + 8 * 3600_000);
  const date = ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate();
  const time = (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2);
  return ((date << 16) | time) >>> 0;
}

async function* zipChunks(planned: readonly Planned[]): AsyncGenerator<Buffer> {
  const stamp = dosStamp(new Date());
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of planned) {
    const big = p.size >= MAX32 || offset >= MAX32;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL, 0);
    header.writeUInt16LE(big ? 45 : 20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt32LE(stamp, 10);
    header.writeUInt32LE(0, 14); // CRC in the descriptor
    header.writeUInt32LE(big ? MAX32 : 0, 18);
    header.writeUInt32LE(big ? MAX32 : 0, 22);
    header.writeUInt16LE(p.name.length, 26);
    header.writeUInt16LE(big ? 20 : 0, 28);
    const localExtra = big ? Buffer.alloc(20) : Buffer.alloc(0);
    if (big) {
      localExtra.writeUInt16LE(0x0001, 0);
      localExtra.writeUInt16LE(16, 2); // sizes follow in the descriptor; zeros here
    }
    yield Buffer.concat([header, p.name, localExtra]);
    let crc = 0;
    let read = 0;
    for await (const chunk of fs.createReadStream(p.file, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      crc = crc32(buf, crc);
      read += buf.length;
      yield buf;
    }
    if (read !== p.size) throw new Error(`${p.file} changed size while being zipped`);
    const descriptor = Buffer.alloc(big ? 24 : 16);
    descriptor.writeUInt32LE(DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    if (big) {
      descriptor.writeBigUInt64LE(BigInt(p.size), 8);
      descriptor.writeBigUInt64LE(BigInt(p.size), 16);
    } else {
      descriptor.writeUInt32LE(p.size, 8);
      descriptor.writeUInt32LE(p.size, 12);
    }
    yield descriptor;
    central.push(centralRecord(p, crc >>> 0, offset, big, stamp));
    offset += header.length + p.name.length + localExtra.length + p.size + descriptor.length;
  }
  const cd = Buffer.concat(central);
  yield cd;
  const zip64 = offset >= MAX32 || cd.length >= MAX32 || planned.length >= 0xffff;
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(ZIP64_EOCD, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(planned.length), 24);
    record.writeBigUInt64LE(BigInt(planned.length), 32);
    record.writeBigUInt64LE(BigInt(cd.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(ZIP64_LOCATOR, 0);
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    yield Buffer.concat([record, locator]);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(zip64 ? 0xffff : planned.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : planned.length, 10);
  end.writeUInt32LE(zip64 ? MAX32 : cd.length, 12);
  end.writeUInt32LE(zip64 ? MAX32 : offset, 16);
  yield end;
}

function centralRecord(p: Planned, crc: number, offset: number, big: boolean, stamp: number): Buffer {
  const extraLength = centralExtraLength(p.size, offset);
  const record = Buffer.alloc(46);
  record.writeUInt32LE(CENTRAL, 0);
  record.writeUInt16LE(0x031e, 4); // made by: Unix, spec 3.0
  record.writeUInt16LE(big || extraLength > 0 ? 45 : 20, 6);
  record.writeUInt16LE(FLAGS, 8);
  record.writeUInt16LE(0, 10);
  record.writeUInt32LE(stamp, 12);
  record.writeUInt32LE(crc, 16);
  record.writeUInt32LE(Math.min(p.size, MAX32), 20);
  record.writeUInt32LE(Math.min(p.size, MAX32), 24);
  record.writeUInt16LE(p.name.length, 28);
  record.writeUInt16LE(extraLength, 30);
  record.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
  record.writeUInt32LE(Math.min(offset, MAX32), 42);
  const extra = Buffer.alloc(extraLength);
  if (extraLength > 0) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(extraLength - 4, 2);
    let q = 4;
    if (p.size >= MAX32) {
      extra.writeBigUInt64LE(BigInt(p.size), q);
      extra.writeBigUInt64LE(BigInt(p.size), q + 8);
      q += 16;
    }
    if (offset >= MAX32) extra.writeBigUInt64LE(BigInt(offset), q);
  }
  return Buffer.concat([record, p.name, extra]);
}
