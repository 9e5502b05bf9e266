// Writes the add-in's ribbon icons (assets/icon-{16,32,64,80}.png) with nothing but zlib: a green rounded tile
// with a white upward bar chart, the mark of 消薄助手. `node scripts/make-icons.js`
const { deflateSync } = require("zlib");
const { writeFileSync, mkdirSync } = require("fs");
const { join } = require("path");

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (buf) => {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const px = (x, y) => {
    const r = size * 0.18;
    const inside = (cx, cy) => (cx - r) ** 2 + (cy - r) ** 2 <= r * r;
    const cornerX = x < r ? x : x > size - 1 - r ? size - 1 - x : r;
    const cornerY = y < r ? y : y > size - 1 - r ? size - 1 - y : r;
    if (!inside(cornerX + 0.5, cornerY + 0.5) && cornerX < r && cornerY < r) return [0, 0, 0, 0];
    // Three white bars rising left to right.
    const bars = [[0.2, 0.36, 0.55], [0.42, 0.58, 0.4], [0.64, 0.8, 0.22]];
    for (const [x0, x1, top] of bars) if (x >= size * x0 && x < size * x1 && y >= size * top && y < size * 0.8) return [255, 255, 255, 255];
    return [0x10, 0x7c, 0x41, 255]; // Excel green
  };
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) Buffer.from(px(x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const dir = join(__dirname, "..", "assets");
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80]) writeFileSync(join(dir, `icon-${size}.png`), icon(size));
