/**
 * Runs asynchronous jobs one at a time, in the order they were asked for: each starts once the one
 * before it has ended, whether that one succeeded or failed. For state that a job reads and writes
 * over several awaits (a file read, changed and written back; an undo snapshot taken, an action run,
 * another snapshot taken), where two jobs at once would each write over the other's change.
 */
export class SerialQueue {
  // The end of the last job asked for; never rejects, so one failure does not stop the jobs after it.
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `job` after every job asked for before it; its promise gives the job's result or failure. */
  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every job asked for so far has ended. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
