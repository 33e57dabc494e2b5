/**
 * Work over thousands of entries (building, writing and merging a large sidecar) written once, as a
 * generator that `yield`s between pieces, and run either at once (`runAll`: the CLI, tests) or in
 * slices that hand the event loop back between them (`runInSlices`: the extension host, which a
 * 9,000-annotation import held for over a second in one piece; the web host has no worker thread to
 * move it to). Plain ECMAScript: works in every host of the core.
 */

/** A computation that yields (nothing) between pieces of work and returns a `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Entries handled between two yields: small enough for a slice, large enough to keep the overhead low. */
export const STEP = 256;

/** Runs the steps to the end in one go. */
export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** A tally of the times one piece of work handed the event loop back (for tests and the benchmark). */
export interface SliceCount {
  pauses: number;
}

/**
 * Runs the steps in slices of about `sliceMs` and at most `maxSteps` steps, letting timers, I/O and
 * other commands run in between (`pause` waits for a macrotask, not a microtask, so that they really
 * get their turn). The step limit makes large work pause however fast the machine. `count`, when
 * given, is told of each pause: so a caller counts its own work's pauses, not others' running meanwhile.
 */
export async function runInSlices<T>(
  steps: Steps<T>,
  { sliceMs = 15, maxSteps = 4, pause = nextTask, count }: { sliceMs?: number; maxSteps?: number; pause?: () => Promise<void>; count?: SliceCount } = {},
): Promise<T> {
  for (;;) {
    const until = Date.now() + sliceMs;
    for (let n = 1; ; n++) {
      const r = steps.next();
      if (r.done) return r.value;
      if (n >= maxSteps || Date.now() >= until) break;
    }
    if (count) count.pauses++;
    await pause();
  }
}

/** Resolves after the event loop has run whatever was waiting (a timer turn, not a microtask). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
