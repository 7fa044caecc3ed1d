/**
 * The text formats of a BagIt 1.0 bag (RFC 8493): tag files (`Label: value`), manifests
 * (`checksum path`) and fetch.txt (`url length path`). Pure; shared by the writer and the verifier.
 */

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** The algorithms this platform writes; both must be present in a bag it accepts. */
export const BAG_ALGORITHMS = ['sha512', 'sm3'] as const;
export type BagAlgorithm = (typeof BAG_ALGORITHMS)[number];

/** Algorithms the verifier can check (node:crypto names equal the RFC 8493 manifest names). */
export const KNOWN_ALGORITHMS: Readonly<Record<string, number>> = { sha512: 64, sm3: 32, sha256: 32, sha1: 20, md5: 16 };

/** RFC 8493 §2.1.3: only CR, LF and % are percent-encoded in manifest and fetch paths. */
export function encodeBagPath(path: string): string {
  return path.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function decodeBagPath(path: string): string {
  return path.replace(/%(25|0D|0A)/gi, (_m, code: string) => String.fromCharCode(Number.parseInt(code, 16)));
}

/**
 * A path inside the bag is relative, uses `/`, and has no empty, `.` or `..` segment: it can never
 * point outside the bag, whatever the reading system.
 */
export function unsafePathReason(path: string): string | null {
  if (path === '') return '路径为空';
  if (path.includes('\\')) return '路径含反斜杠(只允许 /)';
  if (path.includes('\0')) return '路径含 NUL 字符';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return '路径必须是相对路径';
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) return '路径含空段、. 或 ..';
  return null;
}

/**
 * Manifest lines separated by two spaces: valid BagIt ("one or more linear whitespace") and exactly
 * the layout `sha512sum -c` reads, so a manifest can be checked with coreutils as it is.
 */
export function formatManifest(entries: readonly { path: string; hash: string }[]): string {
  return [...entries]
    .sort((a, b) => compareCodePoints(a.path, b.path))
    .map((e) => `${e.hash}  ${encodeBagPath(e.path)}\n`)
    .join('');
}

export interface ManifestLine {
  readonly line: number;
  readonly hash: string;
  readonly path: string;
}

export function parseManifest(text: string): { entries: ManifestLine[]; errors: { line: number; reason: string }[] } {
  const entries: ManifestLine[] = [];
  const errors: { line: number; reason: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const match = /^([0-9A-Fa-f]+)[ \t]+(.+)$/.exec(line);
    if (!match?.[1] || !match[2]) {
      errors.push({ line: i + 1, reason: `第 ${i + 1} 行格式不对(应为“校验值 路径”)` });
      return;
    }
    entries.push({ line: i + 1, hash: match[1].toLowerCase(), path: decodeBagPath(match[2]) });
  });
  return { entries, errors };
}

/** Tag file lines; a value with line breaks continues on lines that start with whitespace (§2.2.2). */
export function formatTagFile(fields: readonly (readonly [string, string])[]): string {
  return fields
    .map(([label, value]) => {
      if (!/^[^:\s][^:\r\n]*$/.test(label) || label.trim() !== label) throw new Error(`标签名不合法:${label}`);
      return `${label}: ${value.replace(/\r\n?/g, '\n').split('\n').join('\n  ')}\n`;
    })
    .join('');
}

export function parseTagFile(text: string): { fields: [string, string][]; errors: string[] } {
  const fields: [string, string][] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line === '') return;
    const last = fields.at(-1);
    if (/^[ \t]/.test(line)) {
      if (last) last[1] = `${last[1]}\n${line.trim()}`;
      else errors.push(`第 ${i + 1} 行是续行,但前面没有标签`);
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      errors.push(`第 ${i + 1} 行格式不对(应为“标签: 值”)`);
      return;
    }
    fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  });
  return { fields, errors };
}

/** Labels are case-insensitive (§2.2.2); the first occurrence wins. */
export function tagValue(fields: readonly (readonly [string, string])[], label: string): string | undefined {
  return fields.find(([l]) => l.toLowerCase() === label.toLowerCase())?.[1];
}

export interface FetchLine {
  readonly url: string;
  /** null when the line gives `-` (length unknown). */
  readonly length: number | null;
  readonly path: string;
}

export function formatFetch(entries: readonly FetchLine[]): string {
  return entries.map((e) => `${e.url} ${e.length ?? '-'} ${encodeBagPath(e.path)}\n`).join('');
}

export function parseFetch(text: string): { entries: FetchLine[]; errors: string[] } {
  const entries: FetchLine[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const match = /^(\S+)[ \t]+(\d+|-)[ \t]+(.+)$/.exec(line);
    if (!match?.[1] || !match[2] || !match[3]) {
      errors.push(`第 ${i + 1} 行格式不对(应为“URL 长度 路径”)`);
      return;
    }
    entries.push({ url: match[1], length: match[2] === '-' ? null : Number(match[2]), path: decodeBagPath(match[3]) });
  });
  return { entries, errors };
}

/** Human-readable size for Bag-Size (binary units, one decimal). */
export function humanSize(octets: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  if (octets < 1024) return `${octets} bytes`;
  let value = octets;
  let unit = 'bytes';
  for (const u of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = u;
  }
  return `${value.toFixed(1)} ${unit}`;
}

/** Sorting by code point, not locale: the same bag is written byte for byte the same everywhere. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
