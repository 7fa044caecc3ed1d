import type { Probe, RandomAccessSource } from './file-checks.js';

// Video probes of the four-properties check. Recordings run to several GiB, so every probe walks the
// container's own length fields with small random reads and skips the media payload by its declared
// size; a length that runs past the end of the file is how a cut-off upload shows.

function probe(format: string): Probe {
  return { format, usable: true, details: {}, problems: [], active: [] };
}

function broken(p: Probe, problem: string): Probe {
  p.usable = false;
  p.problems.push(problem);
  return p;
}

/** A 64-bit length; undefined when beyond 2^53 (no real file is that large, so it means damage). */
export function u64(b: Buffer, at: number, littleEndian = false): number | undefined {
  const value = littleEndian ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(value);
}

/** Walks the RIFF chunks end to end; AVI files over 1 GiB (OpenDML) continue in further 'RIFF AVIX' chunks. */
export async function checkRiffExtent(src: RandomAccessSource, label: string, p: Probe): Promise<void> {
  let at = 0;
  for (let n = 0; n < 4096 && at < src.size; n++) {
    const h = await src.read(at, 28);
    const id = h.toString('latin1', 0, 4);
    if (h.length < 8 || (id !== 'RIFF' && !(id === 'RF64' && at === 0))) {
      p.problems.push(`${label} 文件末尾有 ${src.size - at} 字节不属于任何 RIFF 块`);
      return;
    }
    let size = h.readUInt32LE(4);
    // RF64 (WAV over 4 GiB) keeps the real size in the ds64 chunk that must follow.
    if (id === 'RF64')
      size = h.length >= 28 && h.toString('latin1', 12, 16) === 'ds64' ? (u64(h, 20, true) ?? Number.POSITIVE_INFINITY) : 0;
    if (at + 8 + size > src.size) {
      broken(p, `${label} 文件头声明长度 ${at + 8 + size} 字节,但文件只有 ${src.size} 字节,已截断`);
      return;
    }
    at += 8 + size + (size & 1);
  }
}

export async function probeAvi(src: RandomAccessSource): Promise<Probe> {
  const p = probe('avi');
  await checkRiffExtent(src, 'AVI', p);
  const h = await src.read(12, 60);
  const at = (offset: number, text: string) => h.toString('latin1', offset, offset + 4) === text;
  if (h.length < 60 || !at(0, 'LIST') || !at(8, 'hdrl') || !at(12, 'avih')) return broken(p, 'AVI 文件缺少主头部(hdrl/avih)');
  // avih: µs per frame, …, total frames (+16), …, width (+32), height (+36); its data starts at 20 here.
  // OpenDML files count only the first RIFF's frames here, so their duration is a lower bound.
  const frames = h.readUInt32LE(36);
  if (frames > 0) p.details.durationSeconds = (h.readUInt32LE(20) * frames) / 1e6;
  p.details.width = h.readUInt32LE(52);
  p.details.height = h.readUInt32LE(56);
  return p;
}

interface Box {
  readonly type: string;
  readonly start: number;
  readonly header: number;
  readonly size: number;
}

/** The ISO BMFF boxes in [start, end), reading only their headers; undefined (and the probe broken) on damage. */
async function boxes(
  src: RandomAccessSource,
  start: number,
  end: number,
  label: string,
  p: Probe,
  limit: number,
): Promise<Box[] | undefined> {
  const found: Box[] = [];
  for (let at = start; at + 8 <= end && found.length < limit; ) {
    const h = await src.read(at, 16);
    const type = h.toString('latin1', 4, 8);
    if (!/^[\x20-\x7e]{4}$/.test(type)) return void broken(p, `${label} 文件在偏移 ${at} 处的框类型无法识别,结构已损坏`);
    let size = h.readUInt32BE(0);
    let header = 8;
    if (size === 1) {
      size = h.length < 16 ? Number.POSITIVE_INFINITY : (u64(h, 8) ?? Number.POSITIVE_INFINITY);
      header = 16;
    } else if (size === 0) {
      size = end - at; // "to the end of the file", allowed for the last box
    }
    if (size < header) return void broken(p, `${label} 文件的 ${type} 框长度 ${size} 无效,结构已损坏`);
    if (at + size > end) {
      const where = end === src.size ? '文件末尾' : '其所在的框';
      return void broken(p, `${label} 文件的 ${type} 框声明 ${size} 字节,超出${where} ${at + size - end} 字节,文件可能已截断`);
    }
    found.push({ type, start: at, header, size });
    at += size;
  }
  return found;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1', 'heim', 'heis']);

function isoFormat(ftyp: Buffer): string {
  if (ftyp.toString('latin1', 4, 8) !== 'ftyp') return 'mov'; // QuickTime before 2001 had no ftyp
  const major = ftyp.toString('latin1', 8, 12);
  const brands = [major];
  for (let i = 16; i + 4 <= Math.min(ftyp.length, ftyp.readUInt32BE(0)); i += 4) brands.push(ftyp.toString('latin1', i, i + 4));
  if (brands.includes('avif') || brands.includes('avis')) return 'avif';
  if (HEIF_BRANDS.has(major)) return 'heic';
  if (major === 'qt  ') return 'mov';
  if (major.startsWith('3g')) return '3gp';
  if (['M4A ', 'M4B ', 'F4A ', 'F4B '].includes(major)) return 'm4a';
  if (major === 'crx ') return 'cr3';
  return 'mp4';
}

/** MP4, MOV, 3GP, M4A (moov required) and HEIC/HEIF (meta required), by walking the top-level boxes. */
export async function probeIsoMedia(src: RandomAccessSource): Promise<Probe> {
  const p = probe(isoFormat(await src.read(0, 64)));
  const label = p.format.toUpperCase();
  // Fragmented recordings have a moof/mdat pair every few seconds; past this many the walk stops short.
  const top = await boxes(src, 0, src.size, label, p, 100_000);
  if (!top) return p;
  const walked = top.reduce((sum, b) => sum + b.size, 0);
  if (walked < src.size && top.length === 100_000) p.problems.push(`${label} 文件的框过多,只检查了前 ${walked} 字节`);
  else if (walked < src.size) p.problems.push(`${label} 文件末尾有 ${src.size - walked} 字节不完整的数据`);
  if (p.format === 'heic' || p.format === 'avif') {
    const meta = top.find((b) => b.type === 'meta');
    if (!meta) return broken(p, `${label} 文件缺少 meta 框,无法显示`);
    // The largest image spatial extent ('ispe') is the primary image (the others are tiles and thumbnails).
    const bytes = await src.read(meta.start, Math.min(meta.size, 4 << 20));
    for (let i = bytes.indexOf('ispe'); i >= 0 && i + 16 <= bytes.length; i = bytes.indexOf('ispe', i + 4)) {
      const [width, height] = [bytes.readUInt32BE(i + 8), bytes.readUInt32BE(i + 12)];
      if (width * height > (p.details.width ?? 0) * (p.details.height ?? 0)) [p.details.width, p.details.height] = [width, height];
    }
    return p;
  }
  const moov = top.find((b) => b.type === 'moov');
  if (!moov) return broken(p, `${label} 文件缺少 moov 框(影音索引),无法播放`);
  const inner = await boxes(src, moov.start + moov.header, moov.start + moov.size, label, p, 4096);
  if (!inner) return p;
  const mvhd = inner.find((b) => b.type === 'mvhd');
  if (!mvhd) return broken(p, `${label} 文件缺少影片头(mvhd)`);
  const m = await src.read(mvhd.start + mvhd.header, 32);
  const v1 = m[0] === 1;
  const timescale = m.readUInt32BE(v1 ? 20 : 12);
  const duration = v1 ? u64(m, 24) : m.readUInt32BE(16);
  // All ones means "unknown"; fragmented files often leave 0 here and keep the duration in mehd.
  if (timescale > 0 && duration !== undefined && duration > 0 && duration !== 0xffffffff) p.details.durationSeconds = duration / timescale;
  for (const trak of inner.filter((b) => b.type === 'trak').slice(0, 32)) {
    const tkhd = (await boxes(src, trak.start + trak.header, trak.start + trak.size, label, p, 256))?.find((b) => b.type === 'tkhd');
    if (!tkhd) continue;
    const t = await src.read(tkhd.start + tkhd.header, 96);
    const at = t[0] === 1 ? 88 : 76; // width and height (16.16 fixed point) close the track header
    if (t.length < at + 8) continue;
    const [width, height] = [Math.round(t.readUInt32BE(at) / 65536), Math.round(t.readUInt32BE(at + 4) / 65536)];
    if (width > 0 && height > 0) {
      [p.details.width, p.details.height] = [width, height];
      break;
    }
  }
  return p;
}

interface Element {
  readonly id: number;
  readonly dataStart: number;
  /** -1 when the size is "unknown" (a live recording that was never finalised). */
  readonly size: number;
}

function vint(b: Buffer, at: number, keepMarker: boolean): { length: number; value: number } | undefined {
  const first = b[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (at + length > b.length) return undefined;
  const mask = 0xff >> length;
  let value = keepMarker ? first : first & mask;
  let allOnes = (first & mask) === mask;
  for (let i = 1; i < length; i++) {
    const byte = b[at + i] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { length, value: !keepMarker && allOnes ? -1 : value };
}

function element(b: Buffer, at: number, offset: number): Element | undefined {
  const id = vint(b, at, true);
  if (!id || id.length > 4) return undefined;
  const size = vint(b, at + id.length, false);
  if (!size) return undefined;
  return { id: id.value, dataStart: offset + at + id.length + size.length, size: size.value };
}

function* children(b: Buffer, start = 0, end = b.length): Generator<Element> {
  for (let at = start; at < end; ) {
    const e = element(b, at, 0);
    if (!e || e.size < 0 || e.dataStart + e.size > end) return;
    yield e;
    at = e.dataStart + e.size;
  }
}

function uint(b: Buffer, e: Element): number {
  let value = 0;
  for (let i = 0; i < e.size; i++) value = value * 256 + (b[e.dataStart + i] ?? 0);
  return value;
}

const EBML = { docType: 0x4282, segment: 0x18538067, info: 0x1549a966, scale: 0x2ad7b1, duration: 0x4489, tracks: 0x1654ae6b };

/** WebM and Matroska: the EBML header's DocType, then the Segment's top-level elements walked by size. */
export async function probeEbml(src: RandomAccessSource): Promise<Probe> {
  const p = probe('mkv');
  const header = element(await src.read(0, 12), 0, 0);
  if (!header || header.size < 0) return broken(p, 'EBML 文件头损坏');
  const hb = await src.read(header.dataStart, Math.min(header.size, 4096));
  const docType = [...children(hb)].find((e) => e.id === EBML.docType);
  const type = docType ? hb.toString('latin1', docType.dataStart, docType.dataStart + docType.size).replace(/\0+$/, '') : '';
  p.format = type === 'webm' ? 'webm' : type === 'matroska' ? 'mkv' : 'ebml';
  if (p.format === 'ebml') return broken(p, `不支持的 EBML 文档类型:${type || '未声明'}`);
  const label = p.format === 'webm' ? 'WebM' : 'MKV';
  const segAt = header.dataStart + header.size;
  const segment = element(await src.read(segAt, 12), 0, segAt);
  if (!segment || segment.id !== EBML.segment) return broken(p, `${label} 文件缺少 Segment 元素`);
  let end = src.size;
  if (segment.size >= 0) {
    end = segment.dataStart + segment.size;
    if (end > src.size) return broken(p, `${label} 文件的 Segment 声明长度超出文件末尾 ${end - src.size} 字节,文件可能已截断`);
  }
  let scale = 1e6;
  let duration: number | undefined;
  for (let at = segment.dataStart, n = 0; at < end && n < 200_000; n++) {
    const e = element(await src.read(at, 12), 0, at);
    if (!e) return broken(p, `${label} 文件在偏移 ${at} 处的元素损坏`);
    // A live recording's clusters have unknown sizes and cannot be skipped without parsing every block.
    if (e.size < 0) break;
    if (e.dataStart + e.size > end) return broken(p, `${label} 文件在偏移 ${at} 处的元素超出文件末尾,文件可能已截断`);
    if ((e.id === EBML.info || e.id === EBML.tracks) && e.size <= 1 << 20) {
      const b = await src.read(e.dataStart, e.size);
      for (const c of children(b)) {
        if (c.id === EBML.scale) scale = uint(b, c);
        if (c.id === EBML.duration && (c.size === 4 || c.size === 8))
          duration = c.size === 4 ? b.readFloatBE(c.dataStart) : b.readDoubleBE(c.dataStart);
        // Tracks → TrackEntry (AE) → Video (E0) → PixelWidth (B0), PixelHeight (BA); the first video track counts.
        if (c.id !== 0xae || p.details.width) continue;
        for (const video of children(b, c.dataStart, c.dataStart + c.size)) {
          if (video.id !== 0xe0) continue;
          for (const v of children(b, video.dataStart, video.dataStart + video.size)) {
            if (v.id === 0xb0) p.details.width = uint(b, v);
            if (v.id === 0xba) p.details.height = uint(b, v);
          }
        }
      }
    }
    at = e.dataStart + e.size;
  }
  if (duration !== undefined && duration > 0) p.details.durationSeconds = (duration * scale) / 1e9;
  return p;
}

/** MPEG-TS (188-byte packets) and M2TS (192, with a 4-byte timestamp first): sync bytes at the start and end. */
export async function probeTs(src: RandomAccessSource): Promise<Probe> {
  const p = probe('ts');
  const packet = (await src.read(0, 1))[0] === 0x47 ? 188 : 192;
  const sync = packet === 188 ? 0 : 4;
  const count = Math.floor(src.size / packet);
  const head = await src.read(0, Math.min(count, 8) * packet);
  for (let i = 0; i * packet < head.length; i++)
    if (head[i * packet + sync] !== 0x47) return broken(p, 'MPEG-TS 文件的包同步字节错误,文件已损坏');
  const last = await src.read((count - 1) * packet + sync, 1);
  if (count === 0 || last[0] !== 0x47) return broken(p, 'MPEG-TS 文件末尾的包同步字节错误,文件已损坏');
  // Players cope with a cut-off last packet, so it is reported but the file stays usable.
  if (src.size % packet !== 0) p.problems.push('MPEG-TS 文件最后一个包不完整,文件可能已截断');
  return p;
}

/** FLV: each tag is followed by its own length, so the last four bytes lead back to the last tag. */
export async function probeFlv(src: RandomAccessSource): Promise<Probe> {
  const p = probe('flv');
  const h = await src.read(0, 9);
  const dataOffset = h.length === 9 ? h.readUInt32BE(5) : 0;
  if (dataOffset < 9 || dataOffset + 4 > src.size) return broken(p, 'FLV 文件头损坏');
  const last = (await src.read(src.size - 4, 4)).readUInt32BE(0);
  const tagAt = src.size - 4 - last;
  const tag = await src.read(tagAt, 4);
  const complete =
    last === 0
      ? tagAt === dataOffset
      : tagAt >= dataOffset + 4 && [8, 9, 18].includes((tag[0] ?? 0) & 0x1f) && tag.readUIntBE(1, 3) + 11 === last;
  if (!complete) return broken(p, 'FLV 文件最后一个标签不完整,文件可能已截断');
  return p;
}
