/** A one-line progress bar on a terminal (stderr), repainted at most ten times a second; silent elsewhere. */

export interface Progress {
  tick(): void;
  done(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): boolean;
}

/** A progress bar over `total` items, or a no-op when `stream` is not a terminal. */
export function progressBar(total: number, label: string, stream: ProgressStream = process.stderr): Progress {
  if (!stream.isTTY || total === 0) return { tick: () => undefined, done: () => undefined };
  const started = Date.now();
  let count = 0;
  let painted = 0;
  const paint = () => {
    painted = Date.now();
    const seconds = (painted - started) / 1000;
    const rate = seconds > 0 ? count / seconds : 0;
    const tail = ` ${count}/${total} ${label}${rate > 0 ? `, ${rate.toFixed(1)}/s` : ''}`;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - tail.length - 3));
    const filled = Math.round((count / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${tail}\x1b[K`);
  };
  paint();
  return {
    tick() {
      count++;
      if (count === total || Date.now() - painted >= 100) paint();
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
