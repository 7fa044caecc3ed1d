import { inflateSync } from 'node:zlib';
import type { Probe, RandomAccessSource } from './file-checks.js';

// The PDF probe of the four-properties check: the header and trailer say whether the file is whole,
// a scan of its bytes (object streams inflated) counts the pages and finds the active content —
// scripts, launch actions, embedded files, rich media, XFA forms — that makes a record unsafe to keep.

function probe(format: string): Probe {
  return { format, usable: true, details: {}, problems: [], active: [] };
}

function broken(p: Probe, problem: string): Probe {
  p.usable = false;
  p.problems.push(problem);
  return p;
}

/** PDFs up to this size are read through completely (pages, active content); beyond it only the head and tail. */
export const PDF_SCAN_LIMIT = 200 << 20;
const CHUNK = 1 << 20;
const OVERLAP = 256;
const OBJECT_STREAM_LIMIT = 32 << 20;

/** A PDF name as a pattern: any character may be written as #xx (a classic way to hide /JavaScript), ending at a delimiter. */
function pdfName(name: string): string {
  const chars = [...name].map((c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(2, '0');
    const digit = (d: string) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d);
    return `(?:${c}|#${digit(hex[0] ?? '0')}${digit(hex[1] ?? '0')})`;
  });
  return `/${chars.join('')}`;
}

const DELIMITER = '(?=[\\s()<>\\[\\]{}/%]|$)';
const ACTIVE: readonly [RegExp, string][] = [
  [new RegExp(pdfName('JavaScript') + DELIMITER), 'PDF 文件含有 JavaScript 脚本(/JavaScript)'],
  [new RegExp(pdfName('JS') + DELIMITER), 'PDF 文件含有 JavaScript 动作(/JS)'],
  [new RegExp(pdfName('Launch') + DELIMITER), 'PDF 文件含有启动外部程序的动作(/Launch)'],
  [new RegExp(`${pdfName('EmbeddedFile')}(?:s|#73)?${DELIMITER}`), 'PDF 文件含有嵌入文件(/EmbeddedFile)'],
  [new RegExp(pdfName('RichMedia') + DELIMITER), 'PDF 文件含有富媒体内容(/RichMedia)'],
  [new RegExp(pdfName('XFA') + DELIMITER), 'PDF 文件含有 XFA 动态表单(/XFA)'],
];
const PAGE = new RegExp(`${pdfName('Type')}\\s{0,32}${pdfName('Page')}${DELIMITER}`, 'g');
const OBJECT_STREAM = new RegExp(`${pdfName('Type')}\\s{0,32}${pdfName('ObjStm')}${DELIMITER}`, 'g');
const ENCRYPT = new RegExp(pdfName('Encrypt') + DELIMITER);

interface PdfScan {
  pages: number;
  encrypted: boolean;
  readonly active: Set<string>;
  readonly objectStreams: number[];
}

/**
 * Scans text whose matches before `countBefore` are new (the rest is overlap the next window repeats);
 * `offset` is the text's position in the file, absent for the inflated text of an object stream.
 */
function scanPdfText(text: string, countBefore: number, offset: number | undefined, scan: PdfScan): void {
  for (const m of text.matchAll(PAGE)) if (m.index < countBefore) scan.pages++;
  for (const m of text.matchAll(OBJECT_STREAM))
    if (m.index < countBefore && offset !== undefined) scan.objectStreams.push(offset + m.index);
  for (const [pattern, problem] of ACTIVE) if (pattern.test(text)) scan.active.add(problem);
  scan.encrypted ||= ENCRYPT.test(text);
}

async function scanPdfRange(src: RandomAccessSource, start: number, end: number, scan: PdfScan): Promise<void> {
  let carry = '';
  for (let at = start; at < end; at += CHUNK) {
    const text = carry + (await src.read(at, Math.min(CHUNK, end - at))).toString('latin1');
    const last = at + CHUNK >= end;
    scanPdfText(text, last ? text.length : text.length - OVERLAP, at - carry.length, scan);
    carry = text.slice(-OVERLAP);
  }
}

/**
 * Object streams (PDF 1.5+) hold dictionaries compressed, so pages and /JavaScript hidden there are
 * only seen after inflating them. The dictionary is found textually around /Type /ObjStm — a
 * heuristic, not a PDF parser; streams with filters other than Flate are reported, not read.
 */
async function scanObjectStream(src: RandomAccessSource, at: number, scan: PdfScan, p: Probe, unchecked: Set<string>): Promise<void> {
  const before = Math.max(0, at - 2048);
  const window = (await src.read(before, at - before + 4096)).toString('latin1');
  const dictStart = window.lastIndexOf('obj', at - before);
  const keyword = /stream(?:\r\n|\n|\r)/.exec(window.slice(at - before));
  if (dictStart < 0 || !keyword) return;
  const dataStart = before + (at - before) + keyword.index + keyword[0].length;
  const dict = window.slice(dictStart, at - before + keyword.index);
  const direct = /\/Length\s+(\d+)(?!\d)(?!\s+\d+\s+R)/.exec(dict);
  let data = direct ? await src.read(dataStart, Math.min(Number(direct[1]), OBJECT_STREAM_LIMIT)) : Buffer.alloc(0);
  // An indirect /Length would need the cross-reference table; looking for endstream is enough here.
  for (let length = 1 << 20; !direct && length <= OBJECT_STREAM_LIMIT; length *= 4) {
    const candidate = await src.read(dataStart, length);
    const end = candidate.indexOf('endstream');
    data = end >= 0 ? candidate.subarray(0, end) : candidate;
    if (end >= 0 || candidate.length < length) break;
  }
  const filters = dict.match(/\/[A-Za-z0-9]+Decode\b/g) ?? [];
  if (filters.some((f) => f !== '/FlateDecode')) {
    unchecked.add(`PDF 对象流使用了无法检查的编码(${filters.join(' ')})`);
    return;
  }
  let text: string;
  try {
    text = (filters.length > 0 ? inflateSync(data, { maxOutputLength: 256 << 20 }) : data).toString('latin1');
  } catch {
    broken(p, `PDF 文件偏移 ${at} 处的对象流无法解压,文件已损坏`);
    return;
  }
  scanPdfText(text, text.length, undefined, scan);
}

export async function probePdf(src: RandomAccessSource): Promise<Probe> {
  const p = probe('pdf');
  const headerAt = (await src.read(0, 1024)).indexOf('%PDF-', 0, 'latin1');
  const tailFrom = Math.max(0, src.size - 1024);
  const tail = (await src.read(tailFrom, src.size - tailFrom)).toString('latin1');
  if (!tail.includes('%%EOF')) broken(p, 'PDF 文件缺少结束标记 %%EOF,可能已截断');
  const startxref = /startxref\s+(\d+)/.exec(tail.slice(tail.lastIndexOf('startxref')));
  if (!startxref) {
    broken(p, 'PDF 文件缺少 startxref(交叉引用表位置),可能已截断');
  } else {
    // Offsets count from the header, which writers may precede with junk.
    const xrefAt = Number(startxref[1]) + headerAt;
    const xref = (await src.read(xrefAt, 64)).toString('latin1');
    if (xrefAt >= src.size) broken(p, 'PDF 文件的 startxref 指向文件末尾之外,文件可能已截断');
    // Readers rebuild a wrong cross-reference table from the objects, so this one leaves the file usable.
    else if (!/^\s*(xref|\d+\s+\d+\s+obj)/.test(xref)) p.problems.push('PDF 文件的 startxref 未指向交叉引用表,需要阅读器修复');
  }
  const scan: PdfScan = { pages: 0, encrypted: false, active: new Set(), objectStreams: [] };
  const full = src.size <= PDF_SCAN_LIMIT;
  if (full) {
    await scanPdfRange(src, 0, src.size, scan);
  } else {
    // Catalog actions usually sit near the start (linearised) or the end (incremental updates).
    await scanPdfRange(src, 0, 4 * CHUNK, scan);
    await scanPdfRange(src, src.size - 4 * CHUNK, src.size, scan);
    p.problems.push(`PDF 文件大于 ${PDF_SCAN_LIMIT >> 20} MiB,只检查了首尾各 4 MiB 的主动内容,页数未统计`);
  }
  const unchecked = new Set<string>();
  if (scan.encrypted) {
    p.problems.push('PDF 文件已加密,长期保存时可能无法打开,其压缩对象未检查');
  } else {
    for (const at of scan.objectStreams.slice(0, 10_000)) await scanObjectStream(src, at, scan, p, unchecked);
  }
  p.problems.push(...unchecked);
  p.active.push(...scan.active);
  if (full && !scan.encrypted) {
    if (scan.pages === 0) broken(p, 'PDF 文件中找不到任何页面');
    else p.details.pages = scan.pages;
  }
  return p;
}
