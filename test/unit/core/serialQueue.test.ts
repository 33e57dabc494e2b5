import * as assert from 'node:assert/strict';
import { SerialQueue } from '../../../src/core/serialQueue';

/** A promise and the functions that settle it, for jobs that end when the test says so. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((r) => setImmediate(r));

describe('SerialQueue', () => {
  it('starts a job only once the one asked for before it has ended, and gives each its own result', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const first = deferred<string>();
    const a = queue.run(async () => {
      log.push('a starts');
      const v = await first.promise;
      log.push('a ends');
      return v;
    });
    const b = queue.run(async () => {
      log.push('b starts');
      return 'b';
    });
    await settle();
    assert.deepEqual(log, ['a starts'], 'the second job started while the first was still running');
    first.resolve('a');
    assert.deepEqual(await Promise.all([a, b]), ['a', 'b']);
    assert.deepEqual(log, ['a starts', 'a ends', 'b starts']);
  });

  it('fails only the caller of a failed job; the jobs after it still run', async () => {
    const queue = new SerialQueue();
    const failed = queue.run(async () => {
      throw new Error('write failed');
    });
    const next = queue.run(async () => 'ran');
    await assert.rejects(failed, /write failed/);
    assert.equal(await next, 'ran');
  });

  it('is idle once every job asked for so far has ended, failed ones included', async () => {
    const queue = new SerialQueue();
    const gate = deferred();
    let ended = false;
    void queue.run(async () => {
      await gate.promise;
      ended = true;
    });
    queue.run(async () => Promise.reject(new Error('ignored'))).catch(() => undefined);
    let idle = false;
    void queue.idle().then(() => (idle = true));
    await settle();
    assert.equal(idle, false, 'idle before the running job ended');
    gate.resolve();
    await queue.idle();
    assert.ok(ended && idle);
  });
});
