import * as assert from 'node:assert/strict';
import { mergeImported, mergeImportedSteps } from '../../../src/core/documents';
import type { AnnotatedDocument, Annotation, Fact } from '../../../src/core/model';
import { buildSidecarData, buildSidecarDataSteps, emitSidecar, emitSidecarSteps, fingerprintData, fingerprintDataSteps, mergeSidecars, mergeSidecarsSteps, parseSidecar, writeSidecar, writeSidecarSteps } from '../../../src/core/sidecar';
import { runAll, runInSlices, type Steps } from '../../../src/core/slices';

/** A document of `n` annotations (every tenth fact), as a large import leaves it. */
function large(n: number): { text: string; doc: AnnotatedDocument } {
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(`Name${i} met`);
  const text = words.join(' ');
  const annotations: Annotation[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const w = `Name${i}`;
    annotations.push({ id: `a-${i}`, type: 'PERSON', start: at, end: at + w.length, text: w, status: i % 7 ? 'confirmed' : 'suggested' });
    at += words[i].length + 1;
  }
  const facts: Fact[] = [];
  for (let i = 0; i + 1 < n; i += 10) {
    const a = annotations[i];
    const b = annotations[i + 1];
    facts.push({ id: `f-${i}`, label: 'Meeting', start: a.start, end: b.end, text: text.slice(a.start, b.end), entities: [a.id, b.id] });
  }
  return { text, doc: { path: 'big.txt', annotations, facts } };
}

/** Runs steps in slices with a counting pause (no real waiting), as the extension host runs them. */
async function sliced<T>(steps: Steps<T>): Promise<{ value: T; pauses: number }> {
  let pauses = 0;
  const value = await runInSlices(steps, { pause: async () => void pauses++ });
  return { value, pauses };
}

describe('work in slices (src/core/slices.ts): a large sidecar built, written and merged without holding the extension host', () => {
  const { text, doc } = large(5000);
  const data = buildSidecarData({ document: doc, text });

  it('builds the same sidecar data in slices as in one go, pausing every thousand entries or so', async () => {
    const { value, pauses } = await sliced(buildSidecarDataSteps({ document: doc, text }));
    assert.deepEqual(value, data);
    assert.ok(pauses >= 5, `${pauses} pauses for 5,500 entries`);
  });

  it('writes the same sidecar text in slices, and it reads back as the data', async () => {
    const { value, pauses } = await sliced(emitSidecarSteps(data));
    assert.equal(value, emitSidecar(data));
    assert.ok(pauses >= 5, `${pauses} pauses`);
    assert.equal(fingerprintData(parseSidecar(value).doc!), fingerprintData(data));
  });

  it('fingerprints in slices exactly as one JSON.stringify of the sorted entries does', async () => {
    const { value, pauses } = await sliced(fingerprintDataSteps(data));
    assert.equal(value, fingerprintData(data));
    assert.ok(pauses >= 5, `${pauses} pauses`);
    const byId = (l: { id: string }[]) => [...l].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const whole = JSON.parse(value) as unknown[];
    assert.equal(whole.length, 7);
    assert.equal((whole[5] as unknown[]).length, byId(data.annotations).length);
    // A change anywhere changes it.
    const changed = structuredClone(data);
    changed.annotations[4321].status = 'rejected';
    assert.notEqual(runAll(fingerprintDataSteps(changed)), value);
  });

  it('writes thousands of entries into a sidecar that has some of its own in slices, with the bytes of the write in one piece', async () => {
    // Issue 12: an import into a sidecar that already held entries was edited in and read back in one piece.
    const own = { ...data, annotations: data.annotations.slice(0, 2), facts: [] };
    const original = `# by hand: keep this\n${emitSidecar(own)}`;
    const { value, pauses } = await sliced(writeSidecarSteps(original, data));
    assert.equal(value, writeSidecar(original, data));
    assert.ok(value.startsWith('# by hand: keep this\n'));
    assert.equal(fingerprintData(parseSidecar(value).doc!), fingerprintData(data));
    // The edit, then the read-back of 5,500 entries and its comparison: each in pieces.
    assert.ok(pauses >= 10, `${pauses} pauses`);
    // A file already holding the data is left as it is (read and compared in slices too).
    const same = await sliced(writeSidecarSteps(value + ' ', data));
    assert.equal(same.value, value + ' ');
    assert.ok(same.pauses >= 5, `${same.pauses} pauses`);
  });

  it('merges thousands of entries three-way with a file changed on disk in slices, as in one go', async () => {
    // Issue 12: an import into a sidecar changed on disk meanwhile was merged in one piece.
    const base = { ...data, annotations: data.annotations.slice(0, 1), facts: [] };
    const theirs = { ...data, annotations: [...data.annotations.slice(0, 1), { ...data.annotations[1], id: 'a-theirs' }], facts: [] };
    const { value, pauses } = await sliced(mergeSidecarsSteps(base, data, theirs));
    assert.deepEqual(value, mergeSidecars(base, data, theirs));
    assert.equal(value.conflicts.length, 0);
    assert.equal(value.merged.annotations.length, data.annotations.length + 1);
    assert.ok(pauses >= 5, `${pauses} pauses`);
  });

  it('merges an import in slices as in one go; a re-import adds nothing', async () => {
    const imported = { annotations: doc.annotations.map((a, i) => ({ ...a, id: `a${i + 1}` })), facts: [] };
    const empty: AnnotatedDocument = { path: 'big.txt', annotations: [], facts: [] };
    const { value, pauses } = await sliced(mergeImportedSteps(empty, imported));
    assert.equal(value.addedAnnotations, 5000);
    assert.deepEqual(value.document.annotations.map((a) => [a.start, a.end]), mergeImported(empty, imported).document.annotations.map((a) => [a.start, a.end]));
    assert.ok(pauses >= 4, `${pauses} pauses`);
    const again = await sliced(mergeImportedSteps(value.document, imported));
    assert.equal(again.value.addedAnnotations, 0);
    assert.equal(again.value.document.annotations.length, 5000);
  });

  it('pauses by the clock too: a slow step ends its slice', async () => {
    function* slow(): Steps<number> {
      for (let i = 0; i < 3; i++) {
        const until = Date.now() + 5;
        while (Date.now() < until) {
          // busy: one step longer than the slice
        }
        yield;
      }
      return 3;
    }
    let pauses = 0;
    assert.equal(await runInSlices(slow(), { sliceMs: 1, maxSteps: 100, pause: async () => void pauses++ }), 3);
    assert.equal(pauses, 3);
  });
});
