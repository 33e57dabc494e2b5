/**
 * A request sent to another party (a webview page) and the reply awaited for it. The other party
 * must answer within a deadline, so that one that never answers does not hold the caller; what
 * follows its answer (a Save dialog the user takes their time in) has no deadline.
 */
export interface PendingReply<T> {
  readonly promise: Promise<T>;
  /** The other party answered: the deadline no longer applies. */
  answered(): void;
  done(value: T): void;
  failed(error: Error): void;
}

/**
 * A pending reply that fails with `message` unless answered within `answerMs`; `onSettled` runs once,
 * when it is resolved or rejected.
 */
export function pendingReply<T>(answerMs: number, message: string, onSettled: () => void = () => undefined): PendingReply<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  let settled = false;
  let answered = false;
  const settle = (then: () => void) => {
    if (settled) return;
    settled = true;
    onSettled();
    then();
  };
  const reply: PendingReply<T> = {
    promise,
    answered: () => {
      answered = true;
    },
    done: (value) => settle(() => resolve(value)),
    failed: (error) => settle(() => reject(error)),
  };
  // Not cleared when answered (the core has no clearTimeout): it does nothing then.
  setTimeout(() => {
    if (!answered) reply.failed(new Error(message));
  }, answerMs);
  return reply;
}
