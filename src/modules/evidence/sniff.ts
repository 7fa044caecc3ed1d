import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

/** Media types accepted as evidence, as file-type names them (sniffed from the bytes). */
const ALLOWED = new Set([
  // images
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heic-sequence',
  'image/heif',
  'image/heif-sequence',
  'image/tiff',
  'image/bmp',
  // audio
  'audio/mpeg',
  'audio/x-m4a',
  'audio/mp4',
  'audio/aac',
  'audio/wav',
  'audio/amr',
  'audio/ogg',
  'audio/opus',
  'audio/flac',
  // video
  'video/mp4',
  'video/x-m4v',
  'video/quicktime',
  'video/3gpp',
  'video/3gpp2',
  'video/vnd.avi',
  'video/matroska',
  'video/webm',
  'video/mp2t',
  'video/x-flv',
  // documents
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

/** Legacy Office files are OLE compound files; the container says nothing more, so the name decides. */
const LEGACY_OFFICE: Readonly<Record<string, string>> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

export const OFD_MEDIA_TYPE = 'application/ofd';

export type SniffResult = { readonly allowed: true; readonly mediaType: string } | { readonly allowed: false; readonly detected: string };

/**
 * Decides from the bytes (never from the client's word) whether a finished upload is acceptable
 * evidence, and its media type. OFD (GB/T 33190) is a ZIP whose root holds OFD.xml.
 */
export async function sniffEvidenceType(file: string, filename: string): Promise<SniffResult> {
  const found = await fileTypeFromFile(file);
  if (!found) return { allowed: false, detected: '无法识别' };
  if (ALLOWED.has(found.mime)) return { allowed: true, mediaType: found.mime };
  if (found.mime === 'application/zip' && (await zipHasEntry(file, 'OFD.xml'))) return { allowed: true, mediaType: OFD_MEDIA_TYPE };
  if (found.mime === 'application/x-cfb') {
    const legacy = LEGACY_OFFICE[extensionOf(filename)];
    if (legacy) return { allowed: true, mediaType: legacy };
  }
  return { allowed: false, detected: found.mime };
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const MAX_CENTRAL_DIRECTORY = 16 * 1024 * 1024;

/**
 * Whether a ZIP's central directory lists an entry with exactly this name (at the root). Reads only
 * the end of the file and the central directory, never the whole archive. ZIP64 archives are not
 * read (an OFD file is far below 4 GiB), so they answer false.
 */
export async function zipHasEntry(file: string, name: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return false;
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > size) return false;
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const wanted = Buffer.from(name, 'utf8');
    let at = 0;
    for (let n = 0; n < entries && at + 46 <= cdSize; n++) {
      if (cd.readUInt32LE(at) !== CENTRAL_SIGNATURE) return false;
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      if (cd.subarray(at + 46, at + 46 + nameLength).equals(wanted)) return true;
      at += 46 + nameLength + extraLength + commentLength;
    }
    return false;
  } finally {
    await handle.close();
  }
}
