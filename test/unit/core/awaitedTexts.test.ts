import * as assert from 'node:assert/strict';
import { AwaitedTexts } from '../../../src/core/awaitedTexts';

describe('AwaitedTexts (a rename saved once applied)', () => {
  it('says the edit arrived when the document then holds the text, once', () => {
    const t = new AwaitedTexts<string>(1000);
    t.expect('a', 'renamed', 0);
    assert.equal(t.arrived('a', () => 'renamed', 10), true);
    assert.equal(t.arrived('a', () => 'renamed', 20), false);
    assert.equal(t.size, 0);
  });
  it('gives up on another change of the document (another edit came between)', () => {
    const t = new AwaitedTexts<string>(1000);
    t.expect('a', 'renamed', 0);
    assert.equal(t.arrived('a', () => 'typed over', 10), false);
    assert.equal(t.arrived('a', () => 'renamed', 20), false);
  });
  it('keeps one expectation per document however many renames are never applied', () => {
    const t = new AwaitedTexts<string>(1000);
    for (let i = 0; i < 50; i++) t.expect('a', `rename ${i}`, i);
    assert.equal(t.size, 1);
    assert.equal(t.arrived('a', () => 'rename 49', 60), true);
  });
  it('forgets expectations past their time, without a timer', () => {
    const t = new AwaitedTexts<string>(1000);
    t.expect('a', 'renamed', 0);
    assert.equal(t.arrived('a', () => 'renamed', 1001), false);
    t.expect('b', 'x', 0);
    t.expect('c', 'y', 2000);
    assert.equal(t.size, 1);
  });
  it('asks for the text only of a document something is expected of', () => {
    const t = new AwaitedTexts<string>(1000);
    assert.equal(t.arrived('z', () => assert.fail('text read'), 0), false);
  });
});
