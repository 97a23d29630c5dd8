import { crc32, deflateRawSync } from "node:zlib";

/**
 * A ZIP archive of the given files (deflated unless `stored`), as zip tools write one: for tests of
 * the reader. `prefix` comes first, and the archive's offsets count it (as sentry-cli's source
 * bundles, a header and then the ZIP, are written).
 */
export function writeZip(files: Record<string, string | Buffer>, options: { stored?: boolean; comment?: string; prefix?: Buffer } = {}): Buffer {
  const prefix = options.prefix ?? Buffer.alloc(0);
  const locals: Buffer[] = [prefix];
  const centrals: Buffer[] = [];
  let offset = prefix.length;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const packed = options.stored ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const method = options.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? "");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, end, comment]);
}

/**
 * A copy of `zip` whose central directory says `name` inflates to `size` bytes (its data unchanged):
 * an archive whose sizes lie, or one that declares a bomb's size.
 */
export function withDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const copy = Buffer.from(zip);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = copy.indexOf(signature); at >= 0; at = copy.indexOf(signature, at + 4)) {
    if (copy.toString("utf8", at + 46, at + 46 + copy.readUInt16LE(at + 28)) !== name) continue;
    copy.writeUInt32LE(size, at + 24);
    return copy;
  }
  throw new Error(`${name} is not in the archive`);
}
