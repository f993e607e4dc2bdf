#!/usr/bin/env node
// Writes a Windows .ico holding the given PNG files (PNG-compressed entries, read by Windows Vista and later).
// Usage: node scripts/write-ico.mjs out.ico 16.png 24.png … 256.png
import { readFileSync, writeFileSync } from 'node:fs';

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) {
  console.error('usage: write-ico.mjs OUT.ico IMAGE.png…');
  process.exit(2);
}
const images = inputs.map((path) => {
  const png = readFileSync(path);
  if (png.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${path} is not a PNG`);
  // Width and height sit in the IHDR chunk; 256 is written as 0 in the directory.
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
});
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // 1 = icon
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map(({ png, width, height }) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(width >= 256 ? 0 : width, 0);
  entry.writeUInt8(height >= 256 ? 0 : height, 1);
  entry.writeUInt8(0, 2); // no palette
  entry.writeUInt8(0, 3);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += png.length;
  return entry;
});
writeFileSync(out, Buffer.concat([header, ...entries, ...images.map((i) => i.png)]));
