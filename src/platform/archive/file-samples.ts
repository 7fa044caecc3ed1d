// Minimal well-formed media built byte by byte, for tests of the file probes and of the archives that
// run them (a random-bytes "JPEG" would rightly fail the 可用性 check). Test support only.

const u16be = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/**
 * A 16×8 grey baseline JPEG: one component, two 8×8 blocks coded as "DC 0, end of block". A `comment`
 * (a COM segment) makes distinct files with the same picture.
 */
export function jpeg(comment = ''): Buffer {
  const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), u16be(body.length + 2), body]);
  const huffman = (tableClass: number) => Buffer.from([tableClass << 4, 1, ...Array(15).fill(0), 0]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    ...(comment === '' ? [] : [segment(0xfe, Buffer.from(comment, 'utf8'))]),
    segment(0xdb, Buffer.from([0, ...Array(64).fill(1)])),
    segment(0xc0, Buffer.from([8, 0, 8, 0, 16, 1, 1, 0x11, 0])), // 8-bit, height 8, width 16, component 1
    segment(0xc4, huffman(0)),
    segment(0xc4, huffman(1)),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    Buffer.from([0x0f]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

// ISO BMFF (MP4)

export function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([u32be(8 + body.length), Buffer.from(type, 'latin1'), body]);
}

export function mvhd(version: 0 | 1, timescale: number, duration: number): Buffer {
  const tail = Buffer.alloc(4 + 2 + 10 + 36 + 24 + 4);
  if (version === 0) return box('mvhd', Buffer.alloc(12), u32be(timescale), u32be(duration), tail);
  const long = Buffer.alloc(8);
  long.writeBigUInt64BE(BigInt(duration));
  return box('mvhd', Buffer.from([1, 0, 0, 0]), Buffer.alloc(16), u32be(timescale), long, tail);
}

export function tkhd(width: number, height: number): Buffer {
  return box('tkhd', Buffer.alloc(76), u32be(width * 65536), u32be(height * 65536));
}

export const FTYP = box('ftyp', Buffer.from('isom'), u32be(512), Buffer.from('isomiso2avc1mp41'));
export const MOOV = box('moov', mvhd(0, 1000, 12_500), box('trak', tkhd(1280, 720)));

/** A 12.5 s 1280×720 MP4 header with `payload` bytes of media data. */
export function mp4(payload = 4096): Buffer {
  return Buffer.concat([FTYP, MOOV, box('mdat', Buffer.alloc(payload, 0x55))]);
}
