/** The longest stretch the extension host's event loop went without running a timer while `work` ran. */
export async function longestBlock<T>(work: () => Thenable<T>): Promise<{ value: T; blockedMs: number; totalMs: number }> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  try {
    const value = await work();
    const totalMs = performance.now() - t0;
    longest = Math.max(longest, performance.now() - last);
    return { value, blockedMs: longest, totalMs };
  } finally {
    clearInterval(tick);
  }
}
