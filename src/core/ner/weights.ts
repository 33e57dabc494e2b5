/**
 * The compact weight table of the entity tagger and its binary form.
 *
 * Feature hashes are folded to `bits`-bit buckets; only buckets with a non-zero weight are kept
 * (a row of one signed byte per label, scaled by one shared factor), found through a small
 * open-addressing table. Since every weight shares the scale, the best label is decided on integer
 * sums and the scale is never applied at run time.
 */
import type { Scorer } from './tagger';

const MAGIC = 0x314e4d46; // "FMN1" little-endian

/** Weights ready for scoring. */
export class PackedWeights implements Scorer {
  private readonly shift: number;
  private readonly mask: number;
  // Open addressing, key and row side by side so that a lookup touches one cache line. A slot is
  // `words` 32-bit words: the first holds (bucket + 1, 0 = empty) in its low 24 bits and the first
  // label's signed byte in its high 8, read as one number (no byte assembly, whatever the byte order);
  // the other labels follow as signed bytes.
  private readonly words: number;
  private readonly keys: Int32Array;
  private readonly table: Int8Array;
  // One bit per bucket (128 KB at 20 bits, small enough to stay in cache): about half the features
  // of a token have no weights, and this answers "absent" without touching the big table.
  private readonly present: Uint32Array;

  /**
   * @param bits feature hash bits the model was trained with (at most 23)
   * @param labels number of labels (row width)
   * @param buckets sorted bucket ids of the kept rows
   * @param values rows × labels quantised weights
   * @param scale multiply a value by this to get the trained weight
   */
  constructor(
    readonly bits: number,
    readonly labels: number,
    readonly buckets: Int32Array,
    readonly values: Int8Array,
    readonly scale: number,
  ) {
    this.shift = 32 - bits;
    let size = 1;
    while (size < buckets.length * 2) size <<= 1;
    this.mask = size - 1;
    this.words = 1 + ((labels + 2) >> 2);
    const buffer = new ArrayBuffer(size * this.words * 4);
    this.keys = new Int32Array(buffer);
    this.table = new Int8Array(buffer);
    const { keys, table, words } = this;
    this.present = new Uint32Array(Math.max(1, (1 << bits) >>> 5));
    for (let row = 0; row < buckets.length; row++) {
      const b = buckets[row];
      this.present[b >>> 5] |= 1 << (b & 31);
      let slot = this.slotStart(b);
      while ((keys[slot * words] & 0xffffff) !== 0) slot = (slot + 1) & this.mask;
      keys[slot * words] = (b + 1) | (values[row * labels] << 24);
      const at = slot * words * 4 + 4 - 1;
      for (let c = 1; c < labels; c++) table[at + c] = values[row * labels + c];
    }
  }

  accumulate(feats: Uint32Array, from: number, to: number, out: Float64Array): void {
    const { labels, words, keys, table, mask, shift, present } = this;
    for (let f = from; f < to; f++) {
      const b = feats[f] >>> shift;
      if ((present[b >>> 5] & (1 << (b & 31))) === 0) continue;
      let slot = this.slotStart(b);
      let head: number;
      let key: number;
      while ((key = (head = keys[slot * words]) & 0xffffff) !== b + 1) {
        if (key === 0) break;
        slot = (slot + 1) & mask;
      }
      if (key === 0) continue;
      out[0] += head >> 24;
      const base = slot * words * 4 + 3;
      for (let c = 1; c < labels; c++) out[c] += table[base + c];
    }
  }

  private slotStart(bucket: number): number {
    // Buckets are already hash bits; a multiplicative spread keeps neighbouring ids apart.
    return Math.imul(bucket, 0x9e3779b1) >>> 0 & this.mask;
  }

  /** Serialises to bytes: magic, bits, labels, rows, scale, delta-coded buckets (varints), values. */
  encode(): Uint8Array {
    const header = 16;
    const deltas: number[] = [];
    let prev = 0;
    for (const b of this.buckets) {
      let d = b - prev;
      prev = b;
      do {
        deltas.push((d & 0x7f) | (d >= 0x80 ? 0x80 : 0));
        d >>>= 7;
      } while (d > 0);
    }
    const bytes = new Uint8Array(header + deltas.length + this.values.length);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint8(4, this.bits);
    view.setUint8(5, this.labels);
    view.setUint32(8, this.buckets.length, true);
    view.setFloat32(12, this.scale, true);
    bytes.set(deltas, header);
    bytes.set(new Uint8Array(this.values.buffer, this.values.byteOffset, this.values.length), header + deltas.length);
    return bytes;
  }

  /** Reads what `encode` wrote. */
  static decode(bytes: Uint8Array): PackedWeights {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC) throw new Error('not a Factmark entity model');
    const bits = view.getUint8(4);
    const labels = view.getUint8(5);
    const rows = view.getUint32(8, true);
    const scale = view.getFloat32(12, true);
    const buckets = new Int32Array(rows);
    let pos = 16;
    let prev = 0;
    for (let r = 0; r < rows; r++) {
      let d = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[pos++];
        d |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      prev += d;
      buckets[r] = prev;
    }
    const values = new Int8Array(bytes.buffer, bytes.byteOffset + pos, rows * labels).slice();
    return new PackedWeights(bits, labels, buckets, values, scale);
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 encoding without Buffer or btoa (neither exists in every host of the core). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)] : '=';
    out += i + 2 < bytes.length ? ALPHABET[c & 63] : '=';
  }
  return out;
}

/** Decodes what `toBase64` wrote. */
export function fromBase64(text: string): Uint8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  let padding = 0;
  if (text.endsWith('==')) padding = 2;
  else if (text.endsWith('=')) padding = 1;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (lookup[text.charCodeAt(i)] << 18) | (lookup[text.charCodeAt(i + 1)] << 12) | (lookup[text.charCodeAt(i + 2)] << 6) | lookup[text.charCodeAt(i + 3)];
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
