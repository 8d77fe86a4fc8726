// CRC-32 of IEEE 802.3, as zlib, PNG and the lab's own #lab= links compute it (src/core/link_bytes.h):
// the check digits of a lesson link (address.js).

// The remainder of each byte value, shifted through the reflected polynomial 0xEDB88320.
const table = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

// The CRC-32 of the bytes (a Uint8Array), or of a text's UTF-8 bytes: a number from 0 to 2³² − 1.
export function crc32(input) {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
