// Signatures and proof photos arrive as data URLs. Their bytes are checked, not their label: a
// "data:image/" with nothing after it, or a script called image/png, is not an image.

/** The app shrinks photos under this (src/shared/lib/imageData.ts); about 220 KB of image. */
export const MAX_DATA_URL = 300_000;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes a whole number of base64 quads (no Buffer or atob: this runs in the app's offline mode too). */
function decodeQuads(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= text.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => B64.indexOf(text.charAt(i + k)));
    const [a = -1, b = -1, c = -1, d = -1] = n;
    if (a < 0 || b < 0) return [];
    out.push((a << 2) | (b >> 4));
    if (c >= 0) out.push(((b & 15) << 4) | (c >> 2));
    if (c >= 0 && d >= 0) out.push(((c & 3) << 6) | d);
  }
  return out;
}

const startsWith = (bytes: number[], sig: number[], at = 0) => sig.every((v, i) => bytes[at + i] === v);
const endsWith = (bytes: number[], sig: number[]) => startsWith(bytes, sig, bytes.length - sig.length);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = [0x49, 0x48, 0x44, 0x52];
const PNG_IEND = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** True for a base64 data URL holding a whole PNG or JPEG, as its label says, within the size limit. */
export function isImageDataUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > MAX_DATA_URL) return false;
  const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(value);
  const kind = m?.[1];
  const body = m?.[2] ?? '';
  if (!kind || body.length % 4 !== 0 || body.length < 64 || !B64_BODY.test(body)) return false;
  const head = decodeQuads(body.slice(0, 24));
  const tail = decodeQuads(body.slice(-16));
  if (kind === 'png')
    return startsWith(head, PNG_SIGNATURE) && startsWith(head, PNG_IHDR, 12) && endsWith(tail, PNG_IEND);
  return startsWith(head, [0xff, 0xd8, 0xff]) && endsWith(tail, [0xff, 0xd9]);
}
