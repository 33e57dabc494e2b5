import * as assert from 'node:assert/strict';
import { planWarmStart, readSnapshot, SNAPSHOT_FORMAT, writeSnapshot, type FileStamp, type IndexedDocument, type SnapshotEntry } from '../../../../src/core/index';

const VERSION = '1.2.3';

function doc(key: string, label = 'meeting'): IndexedDocument {
  return {
    key,
    name: key,
    date: '2006-03-02',
    mentions: [{ doc: key, id: 'a1', type: 'PERSON', status: 'confirmed', text: 'Roh', entity: 'e-roh', start: 0, end: 3, line: 0, character: 0, endLine: 0, endCharacter: 3, before: '', after: ' met' }],
    facts: [{ doc: key, id: 'f1', label, text: 'Roh met Park.', start: 0, end: 13, line: 0, character: 0, endLine: 0, endCharacter: 13, mentions: ['a1'], entities: ['e-roh'], types: ['PERSON'] }],
  };
}

function entry(name: string, mtime = 100): SnapshotEntry {
  return { sidecar: `${name}.factmark.yaml`, sidecarStamp: { mtime, size: 10 }, articleStamp: { mtime, size: 20 }, doc: doc(name) };
}

/** A disk of stamps; the calls made are counted. */
function disk(files: Record<string, FileStamp>) {
  const asked: string[] = [];
  const stat = async (key: string) => {
    asked.push(key);
    return files[key];
  };
  return { stat, asked };
}

const found = (...names: string[]) => names.map((n) => ({ sidecar: `${n}.factmark.yaml`, article: n }));

describe('workspace index snapshot (warm start)', () => {
  it('round-trips its entries, each mention and fact keeping its document', () => {
    const text = writeSnapshot([entry('a.txt'), entry('b.txt')], VERSION);
    const read = readSnapshot(text, VERSION);
    assert.ok('entries' in read);
    assert.deepEqual(read.entries, [entry('a.txt'), entry('b.txt')]);
    // The document key is not repeated in every mention and fact.
    assert.equal(text.split('"a.txt"').length - 1, 2, 'key and name only');
  });

  it('keeps unchanged entries without reading them, re-reads changed and new sidecars, drops gone ones', async () => {
    const saved = [entry('same.txt'), entry('sidecarChanged.txt'), entry('articleResized.txt'), entry('gone.txt')];
    const { stat } = disk({
      'same.txt.factmark.yaml': { mtime: 100, size: 10 },
      'same.txt': { mtime: 100, size: 20 },
      'sidecarChanged.txt.factmark.yaml': { mtime: 200, size: 10 },
      'sidecarChanged.txt': { mtime: 100, size: 20 },
      'articleResized.txt.factmark.yaml': { mtime: 100, size: 10 },
      'articleResized.txt': { mtime: 100, size: 21 },
      'new.txt.factmark.yaml': { mtime: 300, size: 5 },
      'new.txt': { mtime: 300, size: 5 },
    });
    const plan = await planWarmStart(saved, found('same.txt', 'sidecarChanged.txt', 'articleResized.txt', 'new.txt'), stat);
    assert.deepEqual(plan.kept.map((e) => e.doc.key), ['same.txt']);
    assert.deepEqual(plan.reread.map((f) => f.article).sort(), ['articleResized.txt', 'new.txt', 'sidecarChanged.txt']);
    assert.deepEqual(plan.gone, ['gone.txt']);
  });

  it('re-reads a sidecar whose article is gone or cannot be looked at', async () => {
    const { stat } = disk({ 'a.txt.factmark.yaml': { mtime: 100, size: 10 } });
    const plan = await planWarmStart([entry('a.txt')], found('a.txt'), stat);
    assert.deepEqual(plan.kept, []);
    assert.deepEqual(plan.reread.map((f) => f.article), ['a.txt']);
  });

  it('looks at each file once, at most `parallel` at a time', async () => {
    let running = 0;
    let most = 0;
    const stat = async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 1));
      running--;
      return { mtime: 100, size: 10 };
    };
    const names = Array.from({ length: 20 }, (_, i) => `${i}.txt`);
    await planWarmStart(names.map((n) => entry(n)), found(...names), stat, 4);
    assert.ok(most <= 2 * 4, `at most 4 files (a sidecar and its article each) at once: ${most}`);
  });

  it('refuses a corrupt or truncated snapshot with a reason (a cold build)', () => {
    const text = writeSnapshot([entry('a.txt')], VERSION);
    for (const bad of [text.slice(0, text.length / 2), '', 'null', '[]', '{"format":1}', text.replace('"mentions":[', '"mentions":[[7],')]) {
      const read = readSnapshot(bad, VERSION);
      assert.ok('reason' in read, `refused: ${bad.slice(0, 40)}`);
    }
  });

  it('refuses a snapshot of another format or another Factmark version', () => {
    const text = writeSnapshot([entry('a.txt')], VERSION);
    const other = readSnapshot(text, '1.2.4');
    assert.ok('reason' in other && other.reason.includes('1.2.3'));
    const format = readSnapshot(text.replace(`"format":${SNAPSHOT_FORMAT}`, `"format":${SNAPSHOT_FORMAT + 1}`), VERSION);
    assert.ok('reason' in format && format.reason.includes('format'));
  });
});
