import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

// Test helpers for the archive tests: a tiny ZIP writer (so zipped bags are tested without a zip
// tool or library) and the detection of the independent validators on this machine.

/** Zips `dir` under the single top-level folder `top`, deflated, with UTF-8 names (general purpose bit 11). */
export function zipDirectory(dir: string, zipFile: string, top: string): void {
  const files: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else files.push(child);
    }
  };
  walk('');
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const rel of files.sort()) {
    const data = fs.readFileSync(path.join(dir, rel));
    const packed = deflateRawSync(data);
    const name = Buffer.from(`${top}/${rel}`, 'utf8');
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(0x0800, at); // UTF-8 names
      header.writeUInt16LE(8, at + 2); // deflate
      header.writeUInt32LE(0, at + 4); // time, date
      header.writeUInt32LE(crc32(data), at + 8);
      header.writeUInt32LE(packed.length, at + 12);
      header.writeUInt32LE(data.length, at + 16);
      header.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 6);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    fields(central, 8);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(zipFile, Buffer.concat([...locals, cd, end]));
}

function runs(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * coreutils' sha512sum and OpenSSL's `dgst -sm3` check the manifests independently of our code.
 * Under CI=true a missing tool fails the test instead of skipping it (.ci/run installs openssl).
 */
export function hashToolsAvailable(): boolean {
  if (runs('sha512sum', ['--version']) && runs('openssl', ['dgst', '-sm3', '/dev/null'])) return true;
  if (process.env.CI === 'true') throw new Error('sha512sum or openssl with SM3 not found and CI=true (apt-get install coreutils openssl)');
  console.warn('\n⚠ sha512sum or openssl (SM3) not found; the independent manifest check is SKIPPED.\n');
  return false;
}

/**
 * The Library of Congress' bagit-python, when importable. Debian 12 (bookworm, this project's
 * machines) has no python3-bagit package and PyPI is not reachable, so its absence is a skip even
 * under CI; set PYTHONPATH to a bagit-python checkout to run it.
 */
export function bagitPythonAvailable(): boolean {
  if (runs('python3', ['-c', 'import bagit'])) return true;
  console.warn('\n⚠ python3 bagit (bagit-python) not importable; the bagit-python validation is SKIPPED.\n');
  return false;
}
