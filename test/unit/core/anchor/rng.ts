/** A seeded xorshift generator for the anchor tests' generated texts: the same seed, the same cases on every run. */
export function rng(seed: number): () => number {
  let x = seed;
  return () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 2 ** 32);
}
