/**
 * A seeded xorshift generator for the eval and bench scripts' generated edits and workspaces: the same
 * seed gives the same run, so two builds compare (the unit tests' copy is test/unit/core/anchor/rng.ts).
 */
export function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 2 ** 32);
}
