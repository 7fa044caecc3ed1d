import {
  BAG_ALGORITHMS,
  compareCodePoints,
  type FetchLine,
  KNOWN_ALGORITHMS,
  parseFetch,
  parseManifest,
  parseTagFile,
  tagValue,
  unsafePathReason,
} from './bag-format.js';
import { type BagSource, digestStream, openBagSource } from './bag-source.js';

/** One finding; `file` is the bag-relative path it concerns (null for the bag as a whole). */
export interface BagProblem {
  readonly file: string | null;
  readonly reason: string;
}

export interface BagVerification {
  /** No problems. Files still to be fetched do not make a bag invalid, but they are not verified: see `fetchPending`. */
  readonly ok: boolean;
  readonly problems: readonly BagProblem[];
  /** Payload files present and checked, and their octets. */
  readonly payloadFiles: number;
  readonly payloadOctets: number;
  /** Listed in fetch.txt and the manifests, not (yet) in data/: 需另行获取. */
  readonly fetchPending: readonly { file: string; url: string; length: number | null }[];
  readonly info: readonly (readonly [string, string])[];
}

const MANIFEST = /^manifest-([a-z0-9]+)\.txt$/;
const TAG_MANIFEST = /^tagmanifest-([a-z0-9]+)\.txt$/;
const nfc = (p: string) => p.normalize('NFC');

/**
 * Verifies a bag directory or a .zip holding one: bagit.txt, every payload manifest entry (SHA-512
 * and SM3, and any other known algorithm present), files not in the manifests, fetch.txt,
 * Payload-Oxum and the tag manifests. Every problem names its file.
 */
export async function verifyBag(location: string): Promise<BagVerification> {
  let source: BagSource;
  try {
    source = await openBagSource(location);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '不存在' : error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ file: null, reason: `无法打开 ${location}:${reason}` }],
      payloadFiles: 0,
      payloadOctets: 0,
      fetchPending: [],
      info: [],
    };
  }
  return new Verifier(source).run();
}

class Verifier {
  readonly problems: BagProblem[] = [];
  /** NFC name → name as stored: a copy through macOS may have decomposed the Chinese names' code points. */
  readonly names = new Map<string, string>();

  constructor(readonly source: BagSource) {
    for (const name of source.files.keys()) this.names.set(nfc(name), name);
  }

  problem(file: string | null, reason: string): void {
    this.problems.push({ file, reason });
  }

  async run(): Promise<BagVerification> {
    await this.checkBagitTxt();
    const info = await this.readTagFields('bag-info.txt', true);
    const fetch = await this.readFetch();
    const expected = await this.readManifests();
    const checked = await this.checkPayload(expected, fetch);
    this.checkOxum(info, checked.files, checked.octets, checked.pending);
    await this.checkTagManifests();
    return {
      ok: this.problems.length === 0,
      problems: this.problems,
      payloadFiles: checked.files,
      payloadOctets: checked.octets,
      fetchPending: checked.pending,
      info,
    };
  }

  has(file: string): boolean {
    return this.names.has(nfc(file));
  }

  /** A tag file as text: UTF-8 without a byte-order mark (§2.1.1), or null with a problem. */
  async readText(file: string): Promise<string | null> {
    const stored = this.names.get(nfc(file));
    if (stored === undefined) return null;
    const bytes = await this.source.read(stored);
    if (bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) this.problem(file, '文件以字节顺序标记(BOM)开头,BagIt 不允许');
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      this.problem(file, '不是有效的 UTF-8 文本');
      return null;
    }
  }

  async checkBagitTxt(): Promise<void> {
    const fields = await this.readTagFields('bagit.txt', true);
    if (fields.length === 0) return;
    const version = tagValue(fields, 'BagIt-Version');
    const encoding = tagValue(fields, 'Tag-File-Character-Encoding');
    if (version === undefined) this.problem('bagit.txt', '缺少 BagIt-Version');
    else if (version !== '1.0' && version !== '0.97') this.problem('bagit.txt', `不支持的 BagIt 版本 ${version}(支持 1.0、0.97)`);
    if (encoding === undefined) this.problem('bagit.txt', '缺少 Tag-File-Character-Encoding');
    else if (encoding.toUpperCase() !== 'UTF-8') this.problem('bagit.txt', `标签文件编码为 ${encoding},本工具只支持 UTF-8`);
  }

  async readTagFields(file: string, required: boolean): Promise<[string, string][]> {
    const text = await this.readText(file);
    if (text === null) {
      if (required && !this.has(file)) this.problem(file, '缺少此文件');
      return [];
    }
    const { fields, errors } = parseTagFile(text);
    for (const e of errors) this.problem(file, e);
    return fields;
  }

  async readFetch(): Promise<Map<string, FetchLine>> {
    const fetch = new Map<string, FetchLine>();
    const text = await this.readText('fetch.txt');
    if (text === null) return fetch;
    const { entries, errors } = parseFetch(text);
    for (const e of errors) this.problem('fetch.txt', e);
    for (const entry of entries) {
      const reason = unsafePathReason(entry.path) ?? (entry.path.startsWith('data/') ? null : '不在 data/ 下');
      if (reason) this.problem('fetch.txt', `${entry.path}:${reason}`);
      else fetch.set(nfc(entry.path), entry);
    }
    return fetch;
  }

  /** Path (NFC) → algorithm → expected hex, from every payload manifest. */
  async readManifests(): Promise<Map<string, { path: string; hashes: Map<string, string> }>> {
    const expected = new Map<string, { path: string; hashes: Map<string, string> }>();
    const manifests = [...this.source.files.keys()].filter((f) => MANIFEST.test(f)).sort(compareCodePoints);
    for (const algorithm of BAG_ALGORITHMS)
      if (!manifests.includes(`manifest-${algorithm}.txt`))
        this.problem(`manifest-${algorithm}.txt`, '缺少此清单(本平台的归档包须同时有 SHA-512 和 SM3 清单)');
    for (const manifest of manifests) {
      const algorithm = MANIFEST.exec(manifest)?.[1] ?? '';
      const length = KNOWN_ALGORITHMS[algorithm];
      if (length === undefined) {
        this.problem(manifest, `无法核验的算法 ${algorithm}`);
        continue;
      }
      const { entries, errors } = parseManifest((await this.readText(manifest)) ?? '');
      for (const e of errors) this.problem(manifest, e.reason);
      for (const entry of entries) {
        const reason = unsafePathReason(entry.path) ?? (entry.path.startsWith('data/') ? null : '不在 data/ 下');
        if (reason) {
          this.problem(manifest, `第 ${entry.line} 行 ${entry.path}:${reason}`);
          continue;
        }
        if (entry.hash.length !== length * 2) this.problem(entry.path, `${manifest} 中的校验值长度不对`);
        const slot = expected.get(nfc(entry.path)) ?? { path: entry.path, hashes: new Map<string, string>() };
        if (slot.hashes.has(algorithm)) this.problem(entry.path, `${manifest} 中重复列出`);
        slot.hashes.set(algorithm, entry.hash);
        expected.set(nfc(entry.path), slot);
      }
    }
    // Every payload manifest must list every payload file (§2.1.3).
    const algorithms = manifests.map((m) => MANIFEST.exec(m)?.[1] ?? '').filter((a) => KNOWN_ALGORITHMS[a] !== undefined);
    for (const { path, hashes } of expected.values())
      for (const a of algorithms) if (!hashes.has(a)) this.problem(path, `未列入 manifest-${a}.txt`);
    return expected;
  }

  async checkPayload(
    expected: Map<string, { path: string; hashes: Map<string, string> }>,
    fetch: Map<string, FetchLine>,
  ): Promise<{ files: number; octets: number; pending: { file: string; url: string; length: number | null }[] }> {
    let files = 0;
    let octets = 0;
    const pending: { file: string; url: string; length: number | null }[] = [];
    for (const [key, entry] of fetch) if (!expected.has(key)) this.problem(entry.path, 'fetch.txt 列出了此文件,但清单中没有它');
    const wanted = [...expected.entries()].sort(([a], [b]) => compareCodePoints(a, b));
    for (const [key, { path, hashes }] of wanted) {
      const stored = this.names.get(key);
      const fetched = fetch.get(key);
      if (stored === undefined) {
        if (fetched) pending.push({ file: path, url: fetched.url, length: fetched.length });
        else this.problem(path, '文件缺失(清单中列出,包中没有)');
        continue;
      }
      const algorithms = [...hashes.keys()];
      const actual = await digestStream(await this.source.stream(stored), algorithms);
      files += 1;
      octets += actual.octets;
      for (const [algorithm, hash] of hashes)
        if (actual.hashes.get(algorithm) !== hash) this.problem(path, `${label(algorithm)} 校验值不符:文件内容已被改动或损坏`);
      if (fetched && fetched.length !== null && fetched.length !== actual.octets)
        this.problem(path, `长度为 ${actual.octets} 字节,fetch.txt 记载为 ${fetched.length} 字节`);
    }
    for (const name of [...this.source.files.keys()].sort(compareCodePoints))
      if (name.startsWith('data/') && !expected.has(nfc(name))) this.problem(name, '多出的文件:不在任何清单中');
    return { files, octets, pending };
  }

  /** Payload-Oxum describes the complete payload: files still to be fetched count with their fetch.txt length. */
  checkOxum(
    info: readonly (readonly [string, string])[],
    files: number,
    octets: number,
    pending: readonly { length: number | null }[],
  ): void {
    const oxum = tagValue(info, 'Payload-Oxum');
    if (oxum === undefined) return;
    const match = /^(\d+)\.(\d+)$/.exec(oxum);
    if (!match) {
      this.problem('bag-info.txt', `Payload-Oxum 格式不对:${oxum}`);
      return;
    }
    if (pending.some((p) => p.length === null)) return;
    const totalOctets = octets + pending.reduce((sum, p) => sum + (p.length ?? 0), 0);
    const totalFiles = files + pending.length;
    if (Number(match[1]) !== totalOctets || Number(match[2]) !== totalFiles)
      this.problem('bag-info.txt', `Payload-Oxum 为 ${oxum},实际为 ${totalOctets}.${totalFiles}(字节数.文件数)`);
  }

  async checkTagManifests(): Promise<void> {
    const manifests = [...this.source.files.keys()].filter((f) => TAG_MANIFEST.test(f)).sort(compareCodePoints);
    for (const algorithm of BAG_ALGORITHMS)
      if (!manifests.includes(`tagmanifest-${algorithm}.txt`)) this.problem(`tagmanifest-${algorithm}.txt`, '缺少此标签清单');
    const tagFiles = [...this.source.files.keys()].filter((f) => !f.startsWith('data/') && !TAG_MANIFEST.test(f));
    for (const manifest of manifests) {
      const algorithm = TAG_MANIFEST.exec(manifest)?.[1] ?? '';
      if (KNOWN_ALGORITHMS[algorithm] === undefined) {
        this.problem(manifest, `无法核验的算法 ${algorithm}`);
        continue;
      }
      const { entries, errors } = parseManifest((await this.readText(manifest)) ?? '');
      for (const e of errors) this.problem(manifest, e.reason);
      const listed = new Set<string>();
      for (const entry of entries) {
        const reason =
          unsafePathReason(entry.path) ??
          (entry.path.startsWith('data/') || TAG_MANIFEST.test(entry.path) ? '标签清单不应列出此文件' : null);
        if (reason) {
          this.problem(manifest, `第 ${entry.line} 行 ${entry.path}:${reason}`);
          continue;
        }
        listed.add(nfc(entry.path));
        const stored = this.names.get(nfc(entry.path));
        if (stored === undefined) {
          this.problem(entry.path, `文件缺失(${manifest} 中列出)`);
          continue;
        }
        const { hashes } = await digestStream(await this.source.stream(stored), [algorithm]);
        if (hashes.get(algorithm) !== entry.hash) this.problem(entry.path, `${label(algorithm)} 校验值与 ${manifest} 不符:文件已被改动`);
      }
      // An unlisted tag file (a substituted README, say) could mislead a reader without any check failing.
      for (const file of tagFiles) if (!listed.has(nfc(file))) this.problem(file, `未列入 ${manifest}`);
    }
  }
}

function label(algorithm: string): string {
  return algorithm === 'sm3' ? 'SM3' : algorithm.toUpperCase().replace(/^SHA(\d)/, 'SHA-$1');
}
