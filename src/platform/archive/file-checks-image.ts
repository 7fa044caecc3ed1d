import { crc32 } from 'node:zlib';
import type { Probe, RandomAccessSource } from './file-checks.js';
import { checkRiffExtent } from './file-checks-video.js';

// Image probes of the four-properties check: each parses the header for the dimensions and looks at
// the end of the file for the format's terminator, since a cut-off upload is the common damage.

function probe(format: string): Probe {
  return { format, usable: true, details: {}, problems: [], active: [] };
}

function broken(p: Probe, problem: string): Probe {
  p.usable = false;
  p.problems.push(problem);
  return p;
}

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

export async function probeJpeg(src: RandomAccessSource): Promise<Probe> {
  const p = probe('jpeg');
  let at = 2;
  let scanAt = -1;
  let frame = false;
  // Marker segments up to the first scan; the entropy-coded data after SOS is not walked (it can be large).
  for (let n = 0; n < 4096 && scanAt < 0; n++) {
    const h = await src.read(at, 9);
    if (h.length < 4) return broken(p, 'JPEG 文件在图像数据之前就已结束,文件已截断');
    if (h[0] !== 0xff) return broken(p, `JPEG 文件在偏移 ${at} 处的标记段损坏`);
    const marker = h[1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9) return broken(p, 'JPEG 文件没有图像数据(SOS 之前即遇到结束标记)');
    if (isStartOfFrame(marker) && h.length >= 9) {
      frame = true;
      p.details.height = h.readUInt16BE(5);
      p.details.width = h.readUInt16BE(7);
    }
    if (marker === 0xda) scanAt = at;
    at += 2 + h.readUInt16BE(2);
  }
  if (!frame) return broken(p, 'JPEG 文件缺少帧头(SOF),无法得到图像尺寸');
  if (scanAt < 0) return broken(p, 'JPEG 文件缺少图像数据(SOS)');
  // Cameras append trailers (Samsung, MPF) after EOI, so EOI is looked for near the end rather than at it.
  // Inside entropy-coded data FF is always stuffed, so FFD9 after the scan start can only be an EOI.
  const from = Math.max(scanAt + 2, src.size - 65536);
  const tail = await src.read(from, src.size - from);
  if (tail.lastIndexOf(Buffer.from([0xff, 0xd9])) < 0) return broken(p, 'JPEG 文件缺少结束标记 EOI(FFD9),可能已截断');
  return p;
}

const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

export async function probePng(src: RandomAccessSource): Promise<Probe> {
  const p = probe('png');
  const h = await src.read(8, 25);
  if (h.length < 25 || h.readUInt32BE(0) !== 13 || h.toString('latin1', 4, 8) !== 'IHDR') return broken(p, 'PNG 文件缺少 IHDR 头块');
  if (crc32(h.subarray(4, 21)) !== h.readUInt32BE(21)) return broken(p, 'PNG 文件的 IHDR 头块校验(CRC)错误,文件已损坏');
  p.details.width = h.readUInt32BE(8);
  p.details.height = h.readUInt32BE(12);
  if (p.details.width === 0 || p.details.height === 0) return broken(p, 'PNG 文件的图像尺寸为 0');
  const tail = await src.read(src.size - 12, 12);
  if (!tail.equals(PNG_IEND)) return broken(p, 'PNG 文件末尾缺少 IEND 块,可能已截断');
  return p;
}

export async function probeGif(src: RandomAccessSource): Promise<Probe> {
  const p = probe('gif');
  const h = await src.read(0, 13);
  if (h.length < 13) return broken(p, 'GIF 文件头不完整');
  p.details.width = h.readUInt16LE(6);
  p.details.height = h.readUInt16LE(8);
  const last = await src.read(src.size - 1, 1);
  if (last[0] !== 0x3b) return broken(p, 'GIF 文件缺少结束标记(0x3B),可能已截断');
  return p;
}

export async function probeWebp(src: RandomAccessSource): Promise<Probe> {
  const p = probe('webp');
  await checkRiffExtent(src, 'WebP', p);
  const h = await src.read(12, 18);
  if (h.length < 18) return broken(p, 'WebP 文件缺少图像块');
  const chunk = h.toString('latin1', 0, 4);
  if (chunk === 'VP8X') {
    p.details.width = h.readUIntLE(12, 3) + 1;
    p.details.height = h.readUIntLE(15, 3) + 1;
  } else if (chunk === 'VP8L' && h[8] === 0x2f) {
    const bits = h.readUInt32LE(9);
    p.details.width = (bits & 0x3fff) + 1;
    p.details.height = ((bits >>> 14) & 0x3fff) + 1;
  } else if (chunk === 'VP8 ' && h.readUIntBE(11, 3) === 0x9d012a) {
    p.details.width = h.readUInt16LE(14) & 0x3fff;
    p.details.height = h.readUInt16LE(16) & 0x3fff;
  } else {
    return broken(p, `WebP 文件的图像块(${chunk.trim() || '空'})无法识别`);
  }
  return p;
}

const TIFF_TYPE_SIZE: Readonly<Record<number, number>> = { 3: 2, 4: 4 };

export async function probeTiff(src: RandomAccessSource): Promise<Probe> {
  const p = probe('tiff');
  const h = await src.read(0, 16);
  const le = h[0] === 0x49;
  const u16 = (b: Buffer, at: number) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (b: Buffer, at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
  // BigTIFF (version 43) is only recognised: its 64-bit IFDs are rare among evidence photos.
  if (u16(h, 2) === 43) return p;
  const ifd = u32(h, 4);
  if (ifd < 8 || ifd + 2 > src.size) return broken(p, 'TIFF 文件的第一个图像目录(IFD)超出文件末尾,文件可能已截断');
  const count = u16(await src.read(ifd, 2), 0);
  const entries = await src.read(ifd + 2, count * 12);
  if (entries.length < count * 12) return broken(p, 'TIFF 文件的图像目录(IFD)不完整,文件可能已截断');
  const tags = new Map<number, { type: number; count: number; at: number }>();
  for (let i = 0; i < count; i++)
    tags.set(u16(entries, i * 12), { type: u16(entries, i * 12 + 2), count: u32(entries, i * 12 + 4), at: i * 12 + 8 });
  // A tag's values sit in the entry when they fit in 4 bytes, else at the offset the entry holds.
  const values = async (tag: number): Promise<number[]> => {
    const t = tags.get(tag);
    const size = t && TIFF_TYPE_SIZE[t.type];
    if (!t || !size || t.count > 65536) return [];
    const bytes = t.count * size <= 4 ? entries.subarray(t.at, t.at + 4) : await src.read(u32(entries, t.at), t.count * size);
    const out: number[] = [];
    for (let i = 0; i + size <= bytes.length && out.length < t.count; i += size) out.push(size === 2 ? u16(bytes, i) : u32(bytes, i));
    return out;
  };
  p.details.width = (await values(256))[0];
  p.details.height = (await values(257))[0];
  if (!p.details.width || !p.details.height) return broken(p, 'TIFF 文件缺少图像尺寸标签');
  const offsets = [...(await values(273)), ...(await values(324))];
  const counts = [...(await values(279)), ...(await values(325))];
  const end = Math.max(0, ...offsets.map((o, i) => o + (counts[i] ?? 0)));
  if (end > src.size) return broken(p, `TIFF 文件的图像数据应到 ${end} 字节,但文件只有 ${src.size} 字节,已截断`);
  return p;
}

export async function probeBmp(src: RandomAccessSource): Promise<Probe> {
  const p = probe('bmp');
  const h = await src.read(0, 34);
  if (h.length < 30) return broken(p, 'BMP 文件头不完整');
  const declared = h.readUInt32LE(2);
  const pixels = h.readUInt32LE(10);
  const core = h.readUInt32LE(14) === 12;
  p.details.width = core ? h.readUInt16LE(18) : Math.abs(h.readInt32LE(18));
  p.details.height = core ? h.readUInt16LE(20) : Math.abs(h.readInt32LE(22));
  const bpp = h.readUInt16LE(core ? 24 : 28);
  const compression = core || h.length < 34 ? 0 : h.readUInt32LE(30);
  // Uncompressed rows are padded to 4 bytes; compressed bitmaps have no computable size.
  const needed = compression === 0 ? pixels + Math.ceil((p.details.width * bpp) / 32) * 4 * p.details.height : pixels;
  if ((declared !== 0 && declared > src.size) || needed > src.size) return broken(p, 'BMP 文件比其头部声明的短,可能已截断');
  return p;
}
