import type { Probe, RandomAccessSource } from './file-checks.js';
import { checkRiffExtent, u64 } from './file-checks-video.js';

// Audio probes of the four-properties check: the container's length fields are walked with small
// random reads, and the duration comes from the header where the format keeps one.

function probe(format: string): Probe {
  return { format, usable: true, details: {}, problems: [], active: [] };
}

function broken(p: Probe, problem: string): Probe {
  p.usable = false;
  p.problems.push(problem);
  return p;
}

export async function probeWav(src: RandomAccessSource): Promise<Probe> {
  const p = probe('wav');
  await checkRiffExtent(src, 'WAV', p);
  const rf64 = (await src.read(0, 4)).toString('latin1') === 'RF64';
  let byteRate = 0;
  let dataSize = -1;
  let at = 12;
  for (let n = 0; n < 1024 && at + 8 <= src.size; n++) {
    const h = await src.read(at, 20);
    const id = h.toString('latin1', 0, 4);
    let size = h.readUInt32LE(4);
    if (id === 'fmt ' && h.length >= 20) byteRate = h.readUInt32LE(16);
    if (id === 'data') {
      if (rf64 && size === 0xffffffff) size = u64(await src.read(28, 8), 0, true) ?? Number.POSITIVE_INFINITY;
      dataSize = size;
      if (at + 8 + size > src.size) return p.usable ? broken(p, 'WAV 文件的音频数据块超出文件末尾,已截断') : p;
    }
    at += 8 + size + (size & 1);
  }
  if (byteRate === 0) return broken(p, 'WAV 文件缺少格式块(fmt)');
  if (dataSize < 0) return broken(p, 'WAV 文件缺少音频数据块(data)');
  p.details.durationSeconds = dataSize / byteRate;
  return p;
}

// Kbit/s by bitrate index, for [MPEG-1, MPEG-2/2.5] × [Layer III, II, I].
const BITRATES = [
  [
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  ],
  [
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  ],
];
const ADTS_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

interface AudioFrame {
  readonly format: 'mp3' | 'aac';
  readonly length: number;
  readonly samples: number;
  readonly rate: number;
  readonly kbps: number;
  /** Offset of a Xing/Info header in the frame, when there is one. */
  readonly side: number;
}

function audioFrame(b: Buffer, at: number): AudioFrame | undefined {
  if (at + 7 > b.length) return undefined;
  const h = b.readUInt32BE(at);
  if (h >>> 21 !== 0x7ff) return undefined;
  const version = (h >>> 19) & 3;
  const layer = (h >>> 17) & 3;
  if (layer === 0) {
    // ADTS AAC: a 12-bit sync with the layer bits zero.
    const rate = ADTS_RATES[(h >>> 10) & 15];
    const length = ((h & 3) << 11) | ((b[at + 4] ?? 0) << 3) | ((b[at + 5] ?? 0) >> 5);
    return h >>> 20 === 0xfff && rate && length >= 7 ? { format: 'aac', length, samples: 1024, rate, kbps: 0, side: 0 } : undefined;
  }
  const index = (h >>> 12) & 15;
  const rateIndex = (h >>> 10) & 3;
  if (version === 1 || index === 0 || index === 15 || rateIndex === 3) return undefined;
  const mpeg1 = version === 3;
  const rate = ([44100, 48000, 32000][rateIndex] ?? 0) / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const kbps = BITRATES[mpeg1 ? 0 : 1]?.[layer - 1]?.[index] ?? 0;
  const pad = (h >>> 9) & 1;
  const mono = ((h >>> 6) & 3) === 3;
  if (layer === 3) return { format: 'mp3', length: (Math.floor((12000 * kbps) / rate) + pad) * 4, samples: 384, rate, kbps, side: 0 };
  const samples = layer === 2 ? 1152 : mpeg1 ? 1152 : 576;
  const length = Math.floor(((samples / 8) * 1000 * kbps) / rate) + pad;
  return { format: 'mp3', length, samples, rate, kbps, side: layer === 1 ? 4 + (mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17) : 0 };
}

/** MP3 (and ADTS AAC): an ID3v2 tag is skipped, then two consecutive frames must parse. */
export async function probeMpegAudio(src: RandomAccessSource): Promise<Probe> {
  const p = probe('mp3');
  let start = 0;
  const id3 = await src.read(0, 10);
  if (id3.toString('latin1', 0, 3) === 'ID3' && id3.length === 10) {
    const tag = ((id3[6] ?? 0) << 21) | ((id3[7] ?? 0) << 14) | ((id3[8] ?? 0) << 7) | (id3[9] ?? 0);
    start = 10 + tag + ((id3[5] ?? 0) & 0x10 ? 10 : 0);
    if (start >= src.size) return broken(p, 'MP3 文件在 ID3 标签之后没有音频数据,文件已截断');
  }
  const window = await src.read(start, 4096 + 64);
  let first = -1;
  let frame: AudioFrame | undefined;
  for (let i = 0; i < 4096 && first < 0; i++) {
    frame = audioFrame(window, i);
    if (frame) first = start + i;
  }
  if (!frame) return broken(p, 'MP3 文件找不到音频帧');
  p.format = frame.format;
  const label = frame.format === 'aac' ? 'AAC' : 'MP3';
  const nextAt = first + frame.length;
  const next = await src.read(nextAt, 8);
  const trailer = ['TAG', 'APE', 'LYR'].includes(next.toString('latin1', 0, 3));
  if (nextAt > src.size) return broken(p, `${label} 文件的第一帧不完整,文件已截断`);
  if (nextAt < src.size && !trailer && !audioFrame(next, 0)) return broken(p, `${label} 文件的音频帧不连续,文件已损坏`);
  if (frame.format === 'aac') return p;
  const end = src.size - ((await src.read(src.size - 128, 3)).toString('latin1') === 'TAG' ? 128 : 0);
  const head = await src.read(first, 64);
  let frames = 0;
  let bytes = 0;
  const xing = head.toString('latin1', frame.side, frame.side + 4);
  if (frame.side > 0 && (xing === 'Xing' || xing === 'Info') && head.length >= frame.side + 16) {
    const flags = head.readUInt32BE(frame.side + 4);
    if (flags & 1) frames = head.readUInt32BE(frame.side + 8);
    if (flags & 2) bytes = head.readUInt32BE(frame.side + 8 + (flags & 1 ? 4 : 0));
  } else if (head.toString('latin1', 36, 40) === 'VBRI' && head.length >= 54) {
    bytes = head.readUInt32BE(46);
    frames = head.readUInt32BE(50);
  }
  if (bytes > 0 && first + bytes > end) return broken(p, `MP3 文件比其头部声明的短 ${first + bytes - end} 字节,可能已截断`);
  p.details.durationSeconds = frames > 0 ? (frames * frame.samples) / frame.rate : ((end - first) * 8) / (frame.kbps * 1000);
  return p;
}

// Payload bytes per frame type (the header byte excluded); 15 is "no data".
const AMR_NB = [12, 13, 15, 17, 19, 20, 26, 31, 5, 6, 5, 5, 0, 0, 0, 0];
const AMR_WB = [17, 23, 32, 36, 40, 46, 50, 58, 60, 5, 0, 0, 0, 0, 0, 0];
const AMR_WALK_LIMIT = 64 << 20; // about 9 hours of narrow-band speech

export async function probeAmr(src: RandomAccessSource): Promise<Probe> {
  const p = probe('amr');
  const magic = (await src.read(0, 9)).toString('latin1');
  const wb = magic.startsWith('#!AMR-WB\n');
  if (!wb && !magic.startsWith('#!AMR\n')) return broken(p, 'AMR 文件头损坏(多声道 AMR 不受支持)');
  if (src.size > AMR_WALK_LIMIT) return p;
  const data = await src.read(0, src.size);
  const sizes = wb ? AMR_WB : AMR_NB;
  let frames = 0;
  let at = wb ? 9 : 6;
  for (; at < data.length; frames++) {
    const toc = data[at] ?? 0;
    if (toc & 0x83) return broken(p, `AMR 文件在偏移 ${at} 处的帧头损坏`);
    at += 1 + (sizes[(toc >> 3) & 15] ?? 0);
  }
  if (at > data.length) return broken(p, 'AMR 文件最后一帧不完整,文件已截断');
  p.details.durationSeconds = frames * 0.02; // every AMR frame is 20 ms
  return p;
}

/** Ogg (Vorbis, Opus): the codec from the first page; the last page must be complete and carries the duration. */
export async function probeOgg(src: RandomAccessSource): Promise<Probe> {
  const p = probe('ogg');
  const first = await src.read(0, 27 + 255 + 32);
  if (first.length < 28 || first[4] !== 0) return broken(p, 'Ogg 文件的第一页损坏');
  const packet = 27 + (first[26] ?? 0);
  let rate = 0;
  let preSkip = 0;
  if (first.toString('latin1', packet, packet + 8) === 'OpusHead') {
    p.format = 'opus';
    preSkip = first.readUInt16LE(packet + 10);
    rate = 48000; // Opus granule positions always count 48 kHz samples
  } else if (first[packet] === 1 && first.toString('latin1', packet + 1, packet + 7) === 'vorbis') {
    rate = first.readUInt32LE(packet + 12);
  }
  const from = Math.max(0, src.size - 70_000); // a page is at most 27 + 255 + 255 × 255 bytes
  const tail = await src.read(from, src.size - from);
  let last = tail.lastIndexOf('OggS');
  while (last >= 0 && (tail[last + 4] !== 0 || last + 27 > tail.length)) last = tail.lastIndexOf('OggS', last - 1);
  if (last < 0) return broken(p, 'Ogg 文件末尾找不到完整的页,文件可能已截断');
  const segments = tail[last + 26] ?? 0;
  let length = 27 + segments;
  for (let i = 0; i < segments; i++) length += tail[last + 27 + i] ?? 0;
  if (from + last + length > src.size) return broken(p, 'Ogg 文件最后一页不完整,文件已截断');
  if (!((tail[last + 5] ?? 0) & 4)) p.problems.push('Ogg 文件缺少流结束页,可能未完整写入');
  const granule = Number(tail.readBigInt64LE(last + 6));
  if (rate > 0 && granule > preSkip) p.details.durationSeconds = (granule - preSkip) / rate;
  return p;
}

export async function probeFlac(src: RandomAccessSource): Promise<Probe> {
  const p = probe('flac');
  let at = 4;
  for (let n = 0; ; n++) {
    const h = await src.read(at, 4 + 18);
    if (h.length < 4 || n >= 1024) return broken(p, 'FLAC 文件的元数据块不完整,文件已截断');
    const length = h.readUIntBE(1, 3);
    if (n === 0) {
      if ((h[0] ?? 0) & 0x7f || length < 34 || h.length < 22) return broken(p, 'FLAC 文件缺少 STREAMINFO 块');
      const rate = ((h[14] ?? 0) << 12) | ((h[15] ?? 0) << 4) | ((h[16] ?? 0) >> 4);
      const samples = ((h[17] ?? 0) & 0x0f) * 2 ** 32 + h.readUInt32BE(18);
      if (rate > 0 && samples > 0) p.details.durationSeconds = samples / rate;
    }
    at += 4 + length;
    if (at > src.size) return broken(p, 'FLAC 文件的元数据块超出文件末尾,文件已截断');
    if ((h[0] ?? 0) & 0x80) break;
  }
  const sync = await src.read(at, 2);
  if (sync.length < 2 || (sync.readUInt16BE(0) & 0xfffe) !== 0xfff8) return broken(p, 'FLAC 文件在元数据之后没有音频帧,文件可能已截断');
  return p;
}
