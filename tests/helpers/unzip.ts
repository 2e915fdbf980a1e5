// The entries of a zip (a .docx or .xlsx) by name, read with node:zlib, so a test can look inside a
// package without the writer's own zip library. Stored and deflated entries only, as Office writes.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  data: Buffer;
  /** DOS date and time fields as stored, for checking that the writer fixed them. */
  dosDate: number;
  dosTime: number;
}

export function unzip(bytes: Uint8Array): Map<string, ZipEntry> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const entries = new Map<string, ZipEntry>();
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    entries.set(name, { data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw), dosTime: buf.readUInt16LE(p + 12), dosDate: buf.readUInt16LE(p + 14) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

export function entryText(entries: Map<string, ZipEntry>, name: string): string {
  const e = entries.get(name);
  if (!e) throw new Error(`no ${name} in the package`);
  return e.data.toString('utf8');
}
