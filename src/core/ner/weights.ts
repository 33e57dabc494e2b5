/**
 * The compact weight table of the entity tagger and its binary form.
 *
 * Feature hashes are folded to `bits`-bit buckets; only buckets with a non-zero weight are kept
 * (a row of one signed byte per label, scaled by one shared factor). Since every weight shares the
 * scale, the best label is decided on integer sums and the scale is never applied at run time.
 */
import { hashString } from './hash';
import type { Scorer } from './tagger';

const MAGIC = 0x314e4d46; // "FMN1" little-endian

/** Weights ready for scoring. */
export class PackedWeights implements Scorer {
  private readonly shift: number;
  // A bucket's row is found by counting, not by searching: per 32 buckets, one word of bits (which have
  // a row) and, beside it, the number of rows before them; a kept bucket's row is that number plus the
  // bits set below its own. The rows lie densely in bucket order, so a look-up reads one pair of words
  // and one row, no table slots (an open-addressing table of key and row per slot, at a quarter full,
  // took 5 MB where these take 1.5 MB, and a row reached by probing cost more of the processor's
  // cache). Half the features of a token have no weights: the bits answer "absent" at once.
  private readonly index: Int32Array;
  private readonly rows: Int8Array;

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
    const words = Math.max(1, (1 << bits) >>> 5);
    const index = (this.index = new Int32Array(2 * words));
    const limit = 2 ** bits;
    for (const b of buckets) if (b >= 0 && b < limit) index[2 * (b >>> 5)] |= 1 << (b & 31);
    let count = 0;
    for (let w = 0; w < words; w++) {
      index[2 * w + 1] = count;
      count += popcount(index[2 * w]);
    }
    // Buckets strictly increasing and all kept (every trained or decoded model): the rows are the values as given.
    let ordered = count === buckets.length && values.length >= count * labels;
    for (let r = 1; ordered && r < buckets.length; r++) ordered = buckets[r] > buckets[r - 1];
    if (ordered) {
      this.rows = values;
      return;
    }
    // A bucket listed twice keeps its first row, as a table filled in this order would.
    const rows = (this.rows = new Int8Array(count * labels));
    const filled = new Uint8Array(count);
    for (let r = 0; r < buckets.length; r++) {
      const b = buckets[r];
      if (b < 0 || b >= limit) continue;
      const row = this.rowOf(b);
      if (filled[row]) continue;
      filled[row] = 1;
      rows.set(values.subarray(r * labels, (r + 1) * labels), row * labels);
    }
  }

  /** The row of a kept bucket. */
  private rowOf(b: number): number {
    const w = 2 * (b >>> 5);
    return this.index[w + 1] + popcount(this.index[w] & ((1 << (b & 31)) - 1));
  }

  accumulate(feats: Uint32Array, from: number, to: number, out: Float64Array): void {
    const { labels, index, rows, shift } = this;
    for (let f = from; f < to; f++) {
      const b = feats[f] >>> shift;
      const w = 2 * (b >>> 5);
      const bit = 1 << (b & 31);
      const set = index[w];
      if ((set & bit) === 0) continue;
      // popcount of the bits below this one, written out (the optimiser then needs no call)
      let x = set & (bit - 1);
      x -= (x >>> 1) & 0x55555555;
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      x = (x + (x >>> 4)) & 0x0f0f0f0f;
      const base = (index[w + 1] + (Math.imul(x, 0x01010101) >>> 24)) * labels;
      for (let c = 0; c < labels; c++) out[c] += rows[base + c];
    }
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

/** Bits set in a 32-bit word. */
function popcount(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * A model's identity: FNV-1a of its packed weights in Base64, as 8 hex digits. Corrections learnt from
 * the user's decisions are saved with it (online.ts), so that a retrained model knows they were learnt on
 * another one; scripts/train-ner.mjs writes the shipped model's as NER_MODEL_ID (a test compares).
 */
export function modelId(weightsBase64: string): string {
  return hashString(weightsBase64).toString(16).padStart(8, '0');
}
