import * as assert from 'node:assert/strict';
import { pendingReply } from '../../../src/core/reply';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('pendingReply (a picture export waiting for its page, then for the Save dialog)', () => {
  it('fails when the other party does not answer in time', async () => {
    const reply = pendingReply<string>(20, 'the picture did not answer');
    await assert.rejects(reply.promise, /the picture did not answer/);
  });

  it('once answered, waits past the deadline for as long as the user takes (a Save dialog left open)', async () => {
    const reply = pendingReply<string>(20, 'the picture did not answer');
    reply.answered();
    await wait(60);
    reply.done('timeline.svg');
    assert.equal(await reply.promise, 'timeline.svg');
  });

  it('settles once, and says so once', async () => {
    let settled = 0;
    const reply = pendingReply<string>(20, 'late', () => settled++);
    reply.done('first');
    reply.failed(new Error('another export was asked for'));
    await wait(40);
    assert.equal(await reply.promise, 'first');
    assert.equal(settled, 1);
  });
});
