/**
 * The few `assert` functions the tests use, for the browser bundle of the web scenario (Node's
 * `assert` does not exist in a web worker). The bundle aliases `assert` to this file.
 */
export class AssertionError extends Error {}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${String(value)}`);
}

export function fail(message?: string): never {
  throw new AssertionError(message ?? 'failed');
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (actual !== expected) throw new AssertionError(message ?? `${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`);
}

export function match(text: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(text)) throw new AssertionError(message ?? `${JSON.stringify(text)} does not match ${pattern}`);
}

/** Structural equality of plain data (arrays, objects, primitives), object keys in any order. */
export function deepEqual<T>(actual: T, expected: T, message?: string): void {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  const [a, e] = [JSON.stringify(canonical(actual)), JSON.stringify(canonical(expected))];
  if (a !== e) throw new AssertionError(message ? `${message}: ${a} vs ${e}` : `${a} is not deeply equal to ${e}`);
}
