import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openZipEntry, readZipDirectory, type ZipEntry } from './zip.js';

/**
 * The files of a bag, whether it is a directory or a .zip holding one: relative `/`-separated paths
 * with their sizes, read whole (tag files) or streamed (payload). The verifier sees no difference.
 */
export interface BagSource {
  /** Every regular file, relative to the bag's base directory → size in octets. */
  readonly files: ReadonlyMap<string, number>;
  read(file: string): Promise<Buffer>;
  stream(file: string): Promise<Readable>;
}

export async function openBagSource(location: string): Promise<BagSource> {
  const stat = await fs.promises.stat(location);
  return stat.isDirectory() ? directorySource(location) : zipSource(location);
}

async function directorySource(base: string): Promise<BagSource> {
  const files = new Map<string, number>();
  const walk = async (relative: string): Promise<void> => {
    const entries = await fs.promises.readdir(path.join(base, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      // Symbolic links are followed: a bag copied by a tool that links identical files stays checkable.
      else if (entry.isFile() || entry.isSymbolicLink()) {
        const stat = await fs.promises.stat(path.join(base, child));
        if (stat.isFile()) files.set(child, stat.size);
      }
    }
  };
  await walk('');
  return {
    files,
    read: (file) => fs.promises.readFile(path.join(base, file)),
    stream: async (file) => fs.createReadStream(path.join(base, file), { highWaterMark: 1 << 20 }),
  };
}

/** A zipped bag: its single top-level folder is the bag (RFC 8493 §4 serialization); a bag at the root is accepted too. */
async function zipSource(file: string): Promise<BagSource> {
  const entries = (await readZipDirectory(file)).filter((e) => !e.name.endsWith('/'));
  const tops = new Set(entries.map((e) => (e.name.includes('/') ? e.name.slice(0, e.name.indexOf('/') + 1) : '')));
  const [top] = tops;
  const prefix = tops.size === 1 && top !== undefined && !entries.some((e) => e.name === 'bagit.txt') ? top : '';
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) byName.set(entry.name.slice(prefix.length), entry);
  const files = new Map([...byName].map(([name, entry]) => [name, entry.size]));
  const entryOf = (name: string) => {
    const entry = byName.get(name);
    if (!entry) throw new Error(`${name} 不在 ZIP 中`);
    return entry;
  };
  return {
    files,
    stream: (name) => openZipEntry(file, entryOf(name)),
    read: async (name) => {
      const chunks: Buffer[] = [];
      for await (const chunk of await openZipEntry(file, entryOf(name))) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/**
 * One streaming read feeding every hash (and, when given, a copy): a file is read once whatever the
 * number of manifests, and never held in memory.
 */
export async function digestStream(
  source: Readable,
  algorithms: readonly string[],
  copyTo?: string,
): Promise<{ hashes: Map<string, string>; octets: number }> {
  const hashers = algorithms.map((a) => [a, createHash(a)] as const);
  let octets = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (const [, h] of hashers) h.update(chunk);
      octets += chunk.length;
      done(null, chunk);
    },
  });
  const sink = copyTo === undefined ? new Writable({ write: (_c, _e, done) => done() }) : fs.createWriteStream(copyTo, { flags: 'wx' });
  await pipeline(source, tap, sink);
  return { hashes: new Map(hashers.map(([a, h]) => [a, h.digest('hex')])), octets };
}
