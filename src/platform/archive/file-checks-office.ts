import { crc32, inflateRawSync } from 'node:zlib';
import type { Probe, RandomAccessSource } from './file-checks.js';

// Office probes of the four-properties check: the ZIP-based OOXML and OFD, and legacy OLE Office
// files. Besides "does it open" they look for the active content that makes a record unsafe to keep:
// macros, ActiveX controls, embedded objects and executables, and links that fetch from outside.

function probe(format: string): Probe {
  return { format, usable: true, details: {}, problems: [], active: [] };
}

function broken(p: Probe, problem: string): Probe {
  p.usable = false;
  p.problems.push(problem);
  return p;
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const MAX_CENTRAL_DIRECTORY = 64 << 20;
const MAX_PART = 64 << 20;

function big(b: Buffer, at: number): number {
  const value = b.readBigUInt64LE(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
}

/** The central directory from the end-of-central-directory record (ZIP64 too), or the problem that prevents it. */
async function centralDirectory(src: RandomAccessSource): Promise<{ entries: ZipEntry[]; cdOffset: number } | string> {
  const tailFrom = Math.max(0, src.size - (22 + 0xffff));
  const tail = await src.read(tailFrom, src.size - tailFrom);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0 && eocd < 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) eocd = i;
  if (eocd < 0) return 'ZIP 文件找不到中央目录结尾记录,文件可能已截断';
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = await src.read(tailFrom + eocd - 20, 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== 0x07064b50) return 'ZIP64 中央目录定位记录缺失,文件已损坏';
    const z64 = await src.read(big(locator, 8), 56);
    if (z64.length < 56 || z64.readUInt32LE(0) !== 0x06064b50) return 'ZIP64 中央目录结尾记录损坏';
    [count, cdSize, cdOffset] = [big(z64, 32), big(z64, 40), big(z64, 48)];
  }
  if (cdOffset + cdSize > src.size) return 'ZIP 中央目录超出文件末尾,文件可能已截断';
  if (cdSize > MAX_CENTRAL_DIRECTORY) return 'ZIP 中央目录过大,无法检查';
  const cd = await src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  for (let at = 0, n = 0; n < count; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) return 'ZIP 中央目录损坏';
    const [nameLength, extraLength, commentLength] = [cd.readUInt16LE(at + 28), cd.readUInt16LE(at + 30), cd.readUInt16LE(at + 32)];
    let [compressedSize, size, localOffset] = [cd.readUInt32LE(at + 20), cd.readUInt32LE(at + 24), cd.readUInt32LE(at + 42)];
    // ZIP64 extra field (0x0001) holds, in this order, just the values whose 32-bit slot is saturated.
    const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
      if (extra.readUInt16LE(e) !== 0x0001) continue;
      let q = e + 4;
      if (size === 0xffffffff) [size, q] = [big(extra, q), q + 8];
      if (compressedSize === 0xffffffff) [compressedSize, q] = [big(extra, q), q + 8];
      if (localOffset === 0xffffffff) localOffset = big(extra, q);
    }
    const name = cd.toString('utf8', at + 46, at + 46 + nameLength);
    const [flags, method, crc] = [cd.readUInt16LE(at + 8), cd.readUInt16LE(at + 10), cd.readUInt32LE(at + 16)];
    entries.push({ name, method, encrypted: (flags & 1) === 1, crc, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, cdOffset };
}

/** Where the entry's data starts, after checking its local header is where the central directory says. */
async function entryData(src: RandomAccessSource, entry: ZipEntry, cdOffset: number): Promise<number | string> {
  const local = await src.read(entry.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50)
    return `ZIP 条目 ${entry.name} 的本地文件头不在中央目录所指位置,文件已损坏`;
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + entry.compressedSize > cdOffset) return `ZIP 条目 ${entry.name} 的数据超出其应有范围,文件可能已截断`;
  return start;
}

/** The entry's bytes, inflated and CRC-checked, or the problem. */
async function readEntry(src: RandomAccessSource, entry: ZipEntry, cdOffset: number): Promise<Buffer | string> {
  if (entry.encrypted) return `${entry.name} 已加密,无法检查`;
  if (entry.compressedSize > MAX_PART) return `${entry.name} 过大,无法检查`;
  const start = await entryData(src, entry, cdOffset);
  if (typeof start === 'string') return start;
  const raw = await src.read(start, entry.compressedSize);
  let data: Buffer;
  try {
    if (entry.method === 0) data = raw;
    else if (entry.method === 8) data = inflateRawSync(raw, { maxOutputLength: 4 * MAX_PART });
    else return `${entry.name} 使用了不支持的压缩方式 ${entry.method}`;
  } catch {
    return `${entry.name} 无法解压,文件已损坏`;
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc) return `${entry.name} 解压后校验(CRC)不符,文件已损坏`;
  return data;
}

function isXml(data: Buffer): boolean {
  return /^(\uFEFF)?\s*<[?A-Za-z]/.test(data.toString('utf8', 0, 256));
}

const OOXML: Readonly<Record<string, { readonly main: string; readonly dir: string; readonly count?: RegExp }>> = {
  docx: { main: 'word/document.xml', dir: 'word/', count: /<Pages>(\d+)<\/Pages>/ },
  xlsx: { main: 'xl/workbook.xml', dir: 'xl/' },
  pptx: { main: 'ppt/presentation.xml', dir: 'ppt/', count: /<Slides>(\d+)<\/Slides>/ },
};
const DECLARED_ZIP_FORMAT: Readonly<Record<string, string>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/ofd': 'ofd',
};
const EXECUTABLE = /\.(exe|dll|scr|com|bat|cmd|ps1|vbs|vbe|js|jse|wsf|hta|jar|msi|lnk|sh)$/i;
const MAX_ENTRIES_CHECKED = 20_000;

/** OOXML (docx, xlsx, pptx) and OFD: the ZIP structure, the main part, and active content. Other ZIPs are only named. */
export async function probeZip(src: RandomAccessSource, declaredType: string): Promise<Probe> {
  const p = probe('zip');
  const directory = await centralDirectory(src);
  if (typeof directory === 'string') {
    p.format = DECLARED_ZIP_FORMAT[declaredType] ?? 'zip';
    return broken(p, directory);
  }
  const { entries, cdOffset } = directory;
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const has = (name: string) => byName.has(name.toLowerCase());
  const ooxml = has('[Content_Types].xml')
    ? Object.keys(OOXML).find((k) => entries.some((e) => e.name.startsWith(OOXML[k]?.dir ?? '')))
    : undefined;
  const found = has('OFD.xml') ? 'ofd' : ooxml;
  p.format = found ?? DECLARED_ZIP_FORMAT[declaredType] ?? 'zip';
  p.details.entries = entries.length;
  let damaged = 0;
  for (const entry of entries.slice(0, MAX_ENTRIES_CHECKED)) {
    const at = await entryData(src, entry, cdOffset);
    if (typeof at === 'string' && damaged++ < 3) broken(p, at);
  }
  if (damaged > 3) p.problems.push(`另有 ${damaged - 3} 个 ZIP 条目损坏`);
  for (const entry of entries) {
    const lower = entry.name.toLowerCase();
    if (lower.endsWith('vbaproject.bin')) p.active.push(`文件含有 VBA 宏(${entry.name})`);
    else if (lower.includes('activex/') && lower.endsWith('.bin')) p.active.push(`文件含有 ActiveX 控件(${entry.name})`);
    else if (/oleobject\d*\.bin$/.test(lower)) p.active.push(`文件含有嵌入的 OLE 对象(${entry.name})`);
    else if (/\.(docm|xlsm|pptm)$/.test(lower)) p.active.push(`文件嵌入了启用宏的文档(${entry.name})`);
    else if (EXECUTABLE.test(lower)) p.active.push(`文件中含有可执行文件(${entry.name})`);
  }
  const part = async (name: string, label = name): Promise<Buffer | undefined> => {
    const entry = byName.get(name.toLowerCase());
    if (!entry) return void broken(p, `${p.format.toUpperCase()} 文件缺少 ${label}`);
    const data = await readEntry(src, entry, cdOffset);
    if (typeof data === 'string') return void broken(p, data);
    if (!isXml(data)) return void broken(p, `${entry.name} 不是 XML,文件已损坏`);
    return data;
  };
  if (p.format === 'ofd') {
    const ofd = (await part('OFD.xml'))?.toString('utf8') ?? '';
    // Each DocRoot names a document whose Pages list its pages.
    let pages = 0;
    for (const root of ofd.matchAll(/<(?:\w+:)?DocRoot>\s*\/?([^<\s]+)\s*</g)) {
      const document = await part(root[1] ?? '', `文档根 ${root[1]}`);
      pages += [...(document?.toString('utf8') ?? '').matchAll(/<(?:\w+:)?Page[\s/>]/g)].length;
    }
    if (p.usable && pages > 0) p.details.pages = pages;
    return p;
  }
  const kind = OOXML[p.format];
  if (!kind) return p;
  const types = await part('[Content_Types].xml');
  if (types?.toString('utf8').includes('macroEnabled')) p.active.push('文件声明为启用宏的文档(macroEnabled)');
  await part(kind.main);
  const app = byName.get('docprops/app.xml');
  const appXml = app && kind.count ? await readEntry(src, app, cdOffset) : undefined;
  // The producer's own page or slide count, as it recorded it when saving; OOXML has no layout to count.
  const count = appXml instanceof Buffer ? kind.count?.exec(appXml.toString('utf8')) : undefined;
  if (count && Number(count[1]) > 0) p.details.pages = Number(count[1]);
  await checkRelationships(src, entries, cdOffset, p);
  return p;
}

/**
 * External relationships fetch from outside when the file is opened: a remote template (the
 * settings.xml.rels injection), linked OLE objects, remote images. Hyperlinks are external too but
 * only followed on a click, so they are allowed.
 */
async function checkRelationships(src: RandomAccessSource, entries: readonly ZipEntry[], cdOffset: number, p: Probe): Promise<void> {
  const external: string[] = [];
  for (const entry of entries.filter((e) => e.name.endsWith('.rels')).slice(0, 2000)) {
    const data = await readEntry(src, entry, cdOffset);
    if (typeof data === 'string') {
      p.problems.push(data);
      continue;
    }
    for (const [tag] of data.toString('utf8').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      if (!/TargetMode\s*=\s*["']External["']/.test(tag)) continue;
      const type = /Type\s*=\s*["'][^"']*\/([^"'/]+)["']/.exec(tag)?.[1] ?? '未知';
      if (type === 'hyperlink') continue;
      external.push(`${type} → ${/Target\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? ''}`);
    }
  }
  if (external.length > 0)
    p.active.push(`文件含有打开时访问外部的关联:${external.slice(0, 3).join(';')}${external.length > 3 ? ' 等' : ''}`);
}

const OLE_FREE = 0xfffffffa; // sector ids at or above this are markers (end of chain, free, FAT, DIFAT)
const OLE_MACROS = new Set(['Macros', '_VBA_PROJECT_CUR', 'VBA', '_VBA_PROJECT']);
const OLE_MAIN: Readonly<Record<string, string>> = { WordDocument: 'doc', Workbook: 'xls', Book: 'xls', 'PowerPoint Document': 'ppt' };

/**
 * Legacy Office (OLE compound file): the header, the FAT, and the directory's stream names, which tell
 * the application (doc, xls, ppt) and whether VBA macros are stored. Best effort: stream contents are
 * not read, so a macro kept outside the usual storages, a .doc encrypted in its FIB, or embedded
 * objects (ObjectPool) are not reported.
 */
export async function probeOle(src: RandomAccessSource, extension: string): Promise<Probe> {
  const p = probe(['doc', 'xls', 'ppt'].includes(extension) ? extension : 'ole');
  const h = await src.read(0, 512);
  if (h.length < 512) return broken(p, 'OLE 复合文档的文件头不完整,文件已截断');
  const major = h.readUInt16LE(0x1a);
  const shift = h.readUInt16LE(0x1e);
  if (h.readUInt16LE(0x1c) !== 0xfffe || !((major === 3 && shift === 9) || (major === 4 && shift === 12)))
    return broken(p, 'OLE 复合文档的文件头损坏');
  const sectorSize = 1 << shift;
  const sectors = Math.ceil((src.size - sectorSize) / sectorSize);
  const sector = async (id: number): Promise<Buffer | undefined> => {
    if (id >= sectors) return void broken(p, `OLE 复合文档引用了文件末尾之外的扇区 ${id},文件可能已截断`);
    return src.read((id + 1) * sectorSize, sectorSize);
  };
  // The FAT's own sectors: 109 listed in the header, the rest in the chained DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(h.readUInt32LE(0x4c + i * 4));
  // The count is bounded by the file's sectors so a looping chain in a damaged file ends.
  for (let id = h.readUInt32LE(0x44), n = 0; id < OLE_FREE && n < Math.min(h.readUInt32LE(0x48), sectors); n++) {
    const difat = await sector(id);
    if (!difat) return p;
    for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(difat.readUInt32LE(i * 4));
    id = difat.readUInt32LE(sectorSize - 4);
  }
  const fatParts: Buffer[] = [];
  for (const id of fatSectors.filter((s) => s < OLE_FREE).slice(0, h.readUInt32LE(0x2c))) {
    const part = await sector(id);
    if (!part) return p;
    fatParts.push(part);
  }
  const fat = Buffer.concat(fatParts);
  const names: string[] = [];
  const seen = new Set<number>();
  for (let id = h.readUInt32LE(0x30); id < OLE_FREE; id = id * 4 + 4 <= fat.length ? fat.readUInt32LE(id * 4) : OLE_FREE) {
    if (seen.has(id)) return broken(p, 'OLE 复合文档的目录扇区链成环,文件已损坏');
    seen.add(id);
    const dir = await sector(id);
    if (!dir) return p;
    for (let at = 0; at + 128 <= dir.length; at += 128) {
      const nameLength = dir.readUInt16LE(at + 0x40);
      if (dir[at + 0x42] !== 0 && nameLength >= 2 && nameLength <= 64) names.push(dir.toString('utf16le', at, at + nameLength - 2));
    }
  }
  if (names.length === 0) return broken(p, 'OLE 复合文档的目录为空,文件已损坏');
  if (names.includes('EncryptedPackage')) return broken(p, '文件已用密码加密,无法打开和检查内容');
  const main = names.map((n) => OLE_MAIN[n]).find((f) => f !== undefined);
  if (main) p.format = main;
  else if (p.format !== 'ole') broken(p, `OLE 复合文档中缺少 ${p.format.toUpperCase()} 的主数据流`);
  for (const name of names.filter((n) => OLE_MACROS.has(n)).slice(0, 1)) p.active.push(`文件含有 VBA 宏(${name})`);
  return p;
}
