import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  BAG_ALGORITHMS,
  BAGIT_TXT,
  compareCodePoints,
  formatFetch,
  formatManifest,
  formatTagFile,
  humanSize,
  tagValue,
  unsafePathReason,
} from './bag-format.js';
import { digestStream } from './bag-source.js';

export { type BagProblem, type BagVerification, verifyBag } from './bag-verify.js';

/**
 * Writes a BagIt 1.0 bag (RFC 8493) with SHA-512 and SM3 manifests and tag manifests. Payload files
 * are streamed (read once, both hashes and the copy from the same read), so size is bounded by disk,
 * not memory.
 */

export interface PayloadEntry {
  /** Relative to `data/` (e.g. `documents/决定书.docx`), `/`-separated, UTF-8, no `..`. */
  readonly path: string;
  /** Bytes, a file on disk, or a stream opened when the file is written (e.g. from the blob store); files and streams are streamed into the bag. */
  readonly content: Buffer | { readonly file: string } | { readonly open: () => Promise<Readable> };
}

/**
 * A payload file kept elsewhere (e.g. a large video in object storage): listed in the manifests and
 * fetch.txt, not copied into data/. Give its hashes, or a local file to compute them from.
 */
export type FetchEntry = { readonly url: string; readonly path: string } & (
  | { readonly length: number; readonly sha512: string; readonly sm3: string }
  | { readonly file: string }
);

/** An extra tag file at the bag's top level or in a tag directory (never under data/). */
export interface TagEntry {
  readonly path: string;
  readonly content: Buffer | string;
}

export interface WriteBagOptions {
  readonly payload: readonly PayloadEntry[];
  /** bag-info.txt fields in order (Source-Organization, External-Identifier, …); Payload-Oxum and Bag-Size are computed. */
  readonly info: readonly (readonly [string, string])[] | Readonly<Record<string, string>>;
  readonly fetch?: readonly FetchEntry[];
  readonly tags?: readonly TagEntry[];
  /** For Bagging-Date when info has none (date in Asia/Shanghai). */
  readonly now?: Date;
}

export interface BagTotals {
  /** All payload files in the manifests, fetched ones included (= Payload-Oxum). */
  readonly payloadFiles: number;
  readonly payloadOctets: number;
  readonly fetchFiles: number;
  readonly fetchOctets: number;
  readonly payloadOxum: string;
  readonly bagSize: string;
  /** Every tag file, as listed in the tag manifests. */
  readonly tagFiles: readonly string[];
}

const RESERVED_TAG = /^(bagit\.txt|bag-info\.txt|fetch\.txt|(tag)?manifest-[^/]*\.txt)$/i;

export async function writeBag(dir: string, options: WriteBagOptions): Promise<BagTotals> {
  checkNames(options);
  await prepareEmptyDir(dir);
  const algorithms = [...BAG_ALGORITHMS];
  const manifest = new Map<string, { path: string; hash: string }[]>(algorithms.map((a) => [a, []]));
  const record = (bagPath: string, hashes: ReadonlyMap<string, string>) => {
    for (const a of algorithms) manifest.get(a)?.push({ path: bagPath, hash: hashes.get(a) ?? '' });
  };
  let payloadOctets = 0;
  for (const entry of options.payload) {
    const bagPath = `data/${entry.path}`;
    const target = path.join(dir, ...bagPath.split('/'));
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const source = Buffer.isBuffer(entry.content)
      ? Readable.from([entry.content])
      : 'open' in entry.content
        ? await entry.content.open()
        : fs.createReadStream(entry.content.file, { highWaterMark: 1 << 20 });
    const { hashes, octets } = await digestStream(source, algorithms, target);
    record(bagPath, hashes);
    payloadOctets += octets;
  }
  const fetchLines: { url: string; length: number; path: string }[] = [];
  for (const entry of options.fetch ?? []) {
    const bagPath = `data/${entry.path}`;
    if ('file' in entry) {
      const { hashes, octets } = await digestStream(fs.createReadStream(entry.file, { highWaterMark: 1 << 20 }), algorithms);
      record(bagPath, hashes);
      fetchLines.push({ url: entry.url, length: octets, path: bagPath });
    } else {
      if (!/^[0-9a-f]{128}$/i.test(entry.sha512) || !/^[0-9a-f]{64}$/i.test(entry.sm3)) throw new Error(`${entry.path}:校验值格式不对`);
      record(
        bagPath,
        new Map([
          ['sha512', entry.sha512.toLowerCase()],
          ['sm3', entry.sm3.toLowerCase()],
        ]),
      );
      fetchLines.push({ url: entry.url, length: entry.length, path: bagPath });
    }
  }
  const fetchOctets = fetchLines.reduce((sum, f) => sum + f.length, 0);
  const payloadFiles = options.payload.length + fetchLines.length;
  const totalOctets = payloadOctets + fetchOctets;
  const payloadOxum = `${totalOctets}.${payloadFiles}`;
  const bagSize = humanSize(totalOctets);

  const tagFiles = new Map<string, Buffer>();
  tagFiles.set('bagit.txt', Buffer.from(BAGIT_TXT));
  tagFiles.set('bag-info.txt', Buffer.from(bagInfoText(options, payloadOxum, bagSize)));
  for (const a of algorithms) tagFiles.set(`manifest-${a}.txt`, Buffer.from(formatManifest(manifest.get(a) ?? [])));
  if (fetchLines.length > 0) tagFiles.set('fetch.txt', Buffer.from(formatFetch(fetchLines)));
  for (const tag of options.tags ?? [])
    tagFiles.set(tag.path, Buffer.isBuffer(tag.content) ? tag.content : Buffer.from(tag.content, 'utf8'));
  for (const [name, content] of tagFiles) await writeNew(dir, name, content);
  // Tag manifests cover every tag file but never one another (RFC 8493 §2.2.1).
  const tagNames = [...tagFiles.keys()].sort(compareCodePoints);
  for (const a of algorithms) {
    const lines = [];
    for (const name of tagNames) {
      const { hashes } = await digestStream(Readable.from([tagFiles.get(name) ?? Buffer.alloc(0)]), [a]);
      lines.push({ path: name, hash: hashes.get(a) ?? '' });
    }
    await writeNew(dir, `tagmanifest-${a}.txt`, Buffer.from(formatManifest(lines)));
  }
  return { payloadFiles, payloadOctets: totalOctets, fetchFiles: fetchLines.length, fetchOctets, payloadOxum, bagSize, tagFiles: tagNames };
}

function bagInfoText(options: WriteBagOptions, payloadOxum: string, bagSize: string): string {
  const given: (readonly [string, string])[] = Array.isArray(options.info)
    ? [...(options.info as readonly (readonly [string, string])[])]
    : Object.entries(options.info as Readonly<Record<string, string>>);
  for (const computed of ['Payload-Oxum', 'Bag-Size'])
    if (tagValue(given, computed) !== undefined) throw new Error(`bag-info.txt 的 ${computed} 由写入程序计算,不能指定`);
  const fields = [...given];
  if (tagValue(fields, 'Bagging-Date') === undefined) fields.push(['Bagging-Date', shanghaiDate(options.now ?? new Date())]);
  fields.push(['Bag-Size', bagSize], ['Payload-Oxum', payloadOxum]);
  return formatTagFile(fields);
}

function shanghaiDate(at: Date): string {
  // en-CA formats as YYYY-MM-DD, the form §2.2.2 asks for Bagging-Date.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Every name is checked before anything is written, so a bad call leaves no half-written bag. */
function checkNames(options: WriteBagOptions): void {
  const seen = new Set<string>();
  const claim = (bagPath: string) => {
    // Case-insensitive: a bag copied to Windows or macOS must not lose a file to a name clash.
    const key = bagPath.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new Error(`${bagPath}:路径重复(不区分大小写)`);
    seen.add(key);
  };
  for (const entry of [...options.payload, ...(options.fetch ?? [])]) {
    const reason = unsafePathReason(entry.path);
    if (reason) throw new Error(`${entry.path}:${reason}`);
    claim(`data/${entry.path}`);
  }
  for (const entry of options.fetch ?? [])
    if (/\s/.test(entry.url) || entry.url === '') throw new Error(`${entry.path}:fetch.txt 的 URL 不能为空或含空白`);
  for (const tag of options.tags ?? []) {
    const reason = unsafePathReason(tag.path);
    if (reason) throw new Error(`${tag.path}:${reason}`);
    if (tag.path.split('/')[0] === 'data' || RESERVED_TAG.test(tag.path)) throw new Error(`${tag.path}:这是保留的文件名或在 data/ 下`);
    claim(tag.path);
  }
}

async function prepareEmptyDir(dir: string): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true });
  if ((await fs.promises.readdir(dir)).length > 0) throw new Error(`${dir} 不是空目录,不在其中写入归档包`);
}

async function writeNew(dir: string, name: string, content: Buffer): Promise<void> {
  const target = path.join(dir, ...name.split('/'));
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  await fs.promises.writeFile(target, content, { flag: 'wx' });
}
