// `npx tsx scripts/make-teams-icons.ts`: draws the Teams app's two icons into manifests/teams/ (commit them):
//   - color.png: 192×192, a white key on Sesame's deep purple (#4b2a7b), the key within the central 96-120 px
//     as Teams' guidelines ask;
//   - outline.png: 32×32, the same key in white on a transparent background (Teams allows nothing else).
// The PNGs are written by hand (RGBA, 8 bits, filter 0, deflated with node:zlib): no image library needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of `size`×`size` RGBA pixels, `pixel(x, y)` giving each one. */
function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, filter method 0, no interlace
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const start = y * (1 + size * 4); // each scanline starts with its filter type: 0 (none)
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), start + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The key, in a unit square: a ring (the bow), a shaft to the right, two teeth below its end. */
function inKey(u: number, v: number, weight: number): boolean {
  const half = 0.045 * weight;
  const ring = Math.hypot(u - 0.27, v - 0.5);
  if (ring <= 0.2 && ring >= 0.2 - 2.4 * half) return true;
  if (u >= 0.45 && u <= 0.92 && Math.abs(v - 0.5) <= half) return true;
  const tooth = (right: number, length: number) =>
    u >= right - 1.6 * half && u <= right && v >= 0.5 && v <= 0.5 + half + length;
  return tooth(0.92, 0.13) || tooth(0.92 - 3.2 * half, 0.09);
}

/** Coverage of pixel (x, y) by the key drawn in the box [offset, offset + span), 4×4 samples. */
function coverage(x: number, y: number, offset: number, span: number, weight: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const u = (x + (i + 0.5) / 4 - offset) / span;
      const v = (y + (j + 0.5) / 4 - offset) / span;
      if (inKey(u, v, weight)) hits++;
    }
  }
  return hits / 16;
}

const PURPLE: [number, number, number] = [0x4b, 0x2a, 0x7b];
const mix = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);

function colorIcon(): Buffer {
  return encodePng(192, (x, y) => {
    const t = coverage(x, y, 36, 120, 1);
    return [mix(PURPLE[0], 255, t), mix(PURPLE[1], 255, t), mix(PURPLE[2], 255, t), 255];
  });
}

function outlineIcon(): Buffer {
  return encodePng(32, (x, y) => [255, 255, 255, Math.round(255 * coverage(x, y, 1, 30, 1.35))]);
}

const dir = join(import.meta.dirname, '..', 'manifests', 'teams');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'color.png'), colorIcon());
writeFileSync(join(dir, 'outline.png'), outlineIcon());
console.log(`Wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
