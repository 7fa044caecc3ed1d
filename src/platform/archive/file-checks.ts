import { open } from 'node:fs/promises';
import { probeAmr, probeFlac, probeMpegAudio, probeOgg, probeWav } from './file-checks-audio.js';
import { probeBmp, probeGif, probeJpeg, probePng, probeTiff, probeWebp } from './file-checks-image.js';
import { probeOle, probeZip } from './file-checks-office.js';
import { probePdf } from './file-checks-pdf.js';
import { probeAvi, probeEbml, probeFlv, probeIsoMedia, probeTs } from './file-checks-video.js';

/**
 * The usability (可用性) and security (安全性) probes of the DA/T 70-2018 "four properties" check of an
 * electronic record: does the file open as what it claims to be, is its type allowed in the archive,
 * and does it carry active content. Everything is read through random access, so a multi-GiB video
 * costs a few KiB of reads; only PDFs (up to a size limit) and the few small parts of a ZIP are read whole.
 */

export interface RandomAccessSource {
  readonly size: number;
  /** Bytes [start, start+length) — reads beyond the end return fewer bytes. */
  read(start: number, length: number): Promise<Buffer>;
}

export interface FileDetails {
  pages?: number;
  width?: number;
  height?: number;
  durationSeconds?: number;
  entries?: number;
}

export interface FileCheckResult {
  /** 可用性: the file opens as what it claims to be. */
  readonly usable: boolean;
  /** 安全性: an allowed type, without active content. */
  readonly secure: boolean;
  /** Detected from the bytes, e.g. 'docx', 'pdf', 'jpeg', 'mp4'; 'unknown' when nothing matched. */
  readonly format: string;
  readonly details: Readonly<FileDetails>;
  /** Chinese, one sentence each, naming what is wrong. */
  readonly problems: readonly string[];
}

/** What a format probe found; `active` lists the active content (each also a problem) that makes the file insecure. */
export interface Probe {
  format: string;
  usable: boolean;
  details: FileDetails;
  problems: string[];
  active: string[];
}

function newProbe(format: string): Probe {
  return { format, usable: true, details: {}, problems: [], active: [] };
}

const ISO_MEDIA = ['video/mp4', 'video/x-m4v', 'video/quicktime', 'video/3gpp', 'video/3gpp2', 'audio/mp4', 'audio/x-m4a', 'audio/aac'];
const HEIF = ['image/heic', 'image/heic-sequence', 'image/heif', 'image/heif-sequence'];

/**
 * The media types an archive accepts: those the evidence module accepts (src/modules/evidence/sniff.ts,
 * as file-type names them) plus OFD and the legacy Office formats it accepts by name. Copied rather
 * than imported because it is the archive's own policy and platform code never depends on a module.
 */
export const ARCHIVE_MEDIA_TYPES: ReadonlySet<string> = new Set([
  ...['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/tiff', 'image/bmp', ...HEIF],
  ...['audio/mpeg', 'audio/x-m4a', 'audio/mp4', 'audio/aac', 'audio/wav', 'audio/amr', 'audio/ogg', 'audio/opus', 'audio/flac'],
  ...['video/mp4', 'video/x-m4v', 'video/quicktime', 'video/3gpp', 'video/3gpp2', 'video/vnd.avi', 'video/matroska', 'video/webm'],
  ...['video/mp2t', 'video/x-flv'],
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/ofd',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
]);

interface FormatInfo {
  /** Media types a file of this format may honestly be declared as (the first is the canonical one). */
  readonly types: readonly string[];
  readonly extensions: readonly string[];
}

const FORMATS: Readonly<Record<string, FormatInfo>> = {
  jpeg: { types: ['image/jpeg', 'image/jpg', 'image/pjpeg'], extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  png: { types: ['image/png'], extensions: ['png'] },
  gif: { types: ['image/gif'], extensions: ['gif'] },
  webp: { types: ['image/webp'], extensions: ['webp'] },
  tiff: { types: ['image/tiff'], extensions: ['tif', 'tiff'] },
  bmp: { types: ['image/bmp', 'image/x-ms-bmp'], extensions: ['bmp'] },
  heic: { types: HEIF, extensions: ['heic', 'heif', 'hif'] },
  // Within the ISO family the brand says little about the content (phones write 'isom' for audio too).
  mp4: { types: ISO_MEDIA, extensions: ['mp4', 'm4v', 'm4a', 'mov', '3gp', '3g2', 'f4v'] },
  m4a: { types: ISO_MEDIA, extensions: ['m4a', 'm4b', 'mp4', 'aac'] },
  mov: { types: ISO_MEDIA, extensions: ['mov', 'qt', 'mp4'] },
  '3gp': { types: ISO_MEDIA, extensions: ['3gp', '3g2', '3gpp', 'mp4'] },
  webm: { types: ['video/webm', 'video/matroska', 'video/x-matroska'], extensions: ['webm', 'mkv'] },
  mkv: { types: ['video/matroska', 'video/x-matroska', 'video/webm'], extensions: ['mkv', 'mka', 'webm'] },
  avi: { types: ['video/vnd.avi', 'video/x-msvideo', 'video/avi'], extensions: ['avi'] },
  ts: { types: ['video/mp2t'], extensions: ['ts', 'mts', 'm2ts'] },
  flv: { types: ['video/x-flv'], extensions: ['flv'] },
  wav: { types: ['audio/wav', 'audio/x-wav', 'audio/vnd.wave', 'audio/wave'], extensions: ['wav'] },
  mp3: { types: ['audio/mpeg', 'audio/mp3'], extensions: ['mp3'] },
  aac: { types: ['audio/aac', 'audio/x-aac'], extensions: ['aac'] },
  amr: { types: ['audio/amr', 'audio/amr-wb'], extensions: ['amr'] },
  ogg: { types: ['audio/ogg', 'application/ogg'], extensions: ['ogg', 'oga'] },
  opus: { types: ['audio/opus', 'audio/ogg'], extensions: ['opus', 'ogg'] },
  flac: { types: ['audio/flac', 'audio/x-flac'], extensions: ['flac'] },
  pdf: { types: ['application/pdf'], extensions: ['pdf'] },
  docx: { types: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'], extensions: ['docx'] },
  xlsx: { types: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], extensions: ['xlsx'] },
  pptx: { types: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'], extensions: ['pptx'] },
  ofd: { types: ['application/ofd'], extensions: ['ofd'] },
  doc: { types: ['application/msword'], extensions: ['doc'] },
  xls: { types: ['application/vnd.ms-excel'], extensions: ['xls'] },
  ppt: { types: ['application/vnd.ms-powerpoint'], extensions: ['ppt'] },
  // Recognised only to be refused by name.
  exe: { types: ['application/x-msdownload', 'application/vnd.microsoft.portable-executable'], extensions: ['exe', 'dll', 'scr', 'com'] },
  elf: { types: ['application/x-executable', 'application/x-elf'], extensions: [] },
  script: { types: ['text/x-shellscript', 'application/x-sh'], extensions: ['sh', 'py', 'pl'] },
  html: { types: ['text/html', 'application/xhtml+xml'], extensions: ['html', 'htm', 'xhtml', 'hta'] },
  svg: { types: ['image/svg+xml'], extensions: ['svg'] },
  zip: { types: ['application/zip', 'application/x-zip-compressed'], extensions: ['zip'] },
};

/** The format a family detected from the first bytes is reported as when its probe cannot refine it. */
const FAMILY_FORMAT: Readonly<Record<string, string>> = { iso: 'mp4', ebml: 'mkv', 'mpeg-audio': 'mp3' };

/** Formats recognised but never probed, so they cannot be vouched for as usable. */
const REFUSED_UNPROBED = new Set(['exe', 'elf', 'script', 'html', 'svg', 'unknown']);

export async function checkFile(source: RandomAccessSource, declared: { mediaType: string; fileName: string }): Promise<FileCheckResult> {
  const declaredType = declaredMediaType(declared.mediaType);
  const probe = await runProbe(source, declared.fileName, declaredType);
  const problems = [...probe.problems, ...probe.active];
  const info = FORMATS[probe.format];
  const allowed = info !== undefined && info.types.some((t) => ARCHIVE_MEDIA_TYPES.has(t));
  if (!allowed) problems.push(`不允许归档的文件类型:${probe.format === 'unknown' ? '无法识别' : probe.format}`);
  if (info && declaredType !== '' && declaredType !== 'application/octet-stream' && !info.types.includes(declaredType)) {
    problems.push(`声明的文件类型 ${declaredType} 与实际内容(${probe.format})不符`);
  }
  const ext = extensionOf(declared.fileName);
  if (ext !== '' && !info?.extensions.includes(ext) && Object.values(FORMATS).some((f) => f.extensions.includes(ext))) {
    problems.push(`文件扩展名 .${ext} 与实际内容(${probe.format})不符`);
  }
  return {
    usable: probe.usable && !REFUSED_UNPROBED.has(probe.format),
    secure: allowed && probe.active.length === 0,
    format: probe.format,
    details: probe.details,
    problems,
  };
}

async function runProbe(source: RandomAccessSource, fileName: string, declaredType: string): Promise<Probe> {
  if (source.size === 0) return { ...newProbe('unknown'), usable: false, problems: ['文件为空'] };
  const head = await source.read(0, 1024);
  const format = detect(head);
  try {
    return await probeFor(format, source, fileName, declaredType);
  } catch (error) {
    // Buffer reads past a short slice are how malformed structures that slipped past the checks surface.
    if (!(error instanceof RangeError)) throw error;
    const named = FAMILY_FORMAT[format] ?? format;
    return { ...newProbe(named), usable: false, problems: [`${named.toUpperCase()} 文件结构损坏,无法解析`] };
  }
}

async function probeFor(format: string, src: RandomAccessSource, fileName: string, declaredType: string): Promise<Probe> {
  switch (format) {
    case 'jpeg':
      return probeJpeg(src);
    case 'png':
      return probePng(src);
    case 'gif':
      return probeGif(src);
    case 'webp':
      return probeWebp(src);
    case 'tiff':
      return probeTiff(src);
    case 'bmp':
      return probeBmp(src);
    case 'iso':
      return probeIsoMedia(src);
    case 'ebml':
      return probeEbml(src);
    case 'wav':
      return probeWav(src);
    case 'avi':
      return probeAvi(src);
    case 'mpeg-audio':
      return probeMpegAudio(src);
    case 'amr':
      return probeAmr(src);
    case 'ogg':
      return probeOgg(src);
    case 'flac':
      return probeFlac(src);
    case 'ts':
      return probeTs(src);
    case 'flv':
      return probeFlv(src);
    case 'pdf':
      return probePdf(src);
    case 'zip':
      return probeZip(src, declaredType);
    case 'ole':
      return probeOle(src, extensionOf(fileName));
    default:
      return { ...newProbe(format), usable: !REFUSED_UNPROBED.has(format) };
  }
}

/** The container or family from the first KiB; the probes refine it (e.g. 'iso' → mp4, mov, heic). */
function detect(head: Buffer): string {
  const ascii = (at: number, text: string) => head.toString('latin1', at, at + text.length) === text;
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') || ascii(0, 'RF64')) {
    if (ascii(8, 'WEBP')) return 'webp';
    if (ascii(8, 'WAVE')) return 'wav';
    if (ascii(8, 'AVI ')) return 'avi';
    return 'unknown';
  }
  if (ascii(0, 'II*\0') || ascii(0, 'MM\0*') || ascii(0, 'II+\0') || ascii(0, 'MM\0+')) return 'tiff';
  if (ascii(0, 'BM') && head.length >= 26 && [12, 40, 52, 56, 64, 108, 124].includes(head.readUInt32LE(14))) return 'bmp';
  if (ascii(4, 'ftyp') || ['moov', 'mdat', 'wide', 'free', 'skip'].some((t) => ascii(4, t))) return 'iso';
  if (starts(0x1a, 0x45, 0xdf, 0xa3)) return 'ebml';
  if (ascii(0, '#!AMR')) return 'amr';
  if (ascii(0, 'OggS')) return 'ogg';
  if (ascii(0, 'fLaC')) return 'flac';
  if (ascii(0, 'FLV\x01')) return 'flv';
  if (ascii(0, 'ID3') || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return 'mpeg-audio';
  if ((head[0] === 0x47 && head[188] === 0x47) || (head[4] === 0x47 && head[196] === 0x47)) return 'ts';
  if (ascii(0, 'PK\x03\x04') || ascii(0, 'PK\x05\x06')) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  // Writers may put junk before the header; readers look for it in the first KiB.
  if (head.indexOf('%PDF-', 0, 'latin1') >= 0) return 'pdf';
  if (ascii(0, 'MZ')) return 'exe';
  if (ascii(0, '\x7fELF')) return 'elf';
  if (ascii(0, '#!')) return 'script';
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/<svg[\s>]/.test(text)) return 'svg';
  if (text.startsWith('<!doctype html') || /<(html|script|head|body)[\s>]/.test(text)) return 'html';
  return 'unknown';
}

function declaredMediaType(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function bufferSource(buf: Buffer): RandomAccessSource {
  return {
    size: buf.length,
    read: async (start, length) => buf.subarray(Math.max(0, start), Math.max(0, Math.min(buf.length, start + length))),
  };
}

export async function fileSource(path: string): Promise<RandomAccessSource & { close(): Promise<void> }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(start, length) {
        const from = Math.max(0, start);
        const wanted = Math.max(0, Math.min(length, size - from));
        if (wanted === 0) return Buffer.alloc(0);
        const buffer = Buffer.alloc(wanted);
        let filled = 0;
        // A single read may return short on some file systems; only the end of the file stops it.
        while (filled < wanted) {
          const { bytesRead } = await handle.read(buffer, filled, wanted - filled, from + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return buffer.subarray(0, filled);
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
