import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { updateSidecar } from '../../../src/core/sidecar';
import * as os from 'node:os';
import { factmark, factmarkWith, folderWith } from './run';

// Issue 11: an article edited outside Factmark is re-anchored by a diff when the text its sidecar
// was made on is known. The extension asks git for it by the sidecar's fingerprint; the CLI does too,
// so `check` and `export` in a repository place a name on the right copy of a pasted sentence.

const SENTENCE = '"What we are talking about is to improve security cooperation and how to build confidence," said Park.';
const OLD = `This is a crucial first step towards that goal.\n\n${SENTENCE}\n\nThe talks end on Friday.\n`;
// The first words of the sentence pasted in front of it: without the old text, nothing tells the
// copy from the original.
const NEW = OLD.replace(SENTENCE, `"What we are talking about is to improve security cooperation and how to build. ${SENTENCE}`);

/** The sidecar as one written before `document.sentences` existed. */
function withoutSentences(dir: string): void {
  const file = path.join(dir, 'story.txt.factmark.yaml');
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, /^ {2}sentences: /m, 'precondition: the sidecar has sentence fingerprints');
  fs.writeFileSync(file, text.replace(/^ {2}sentences: .*\n/m, ''));
}

const git = (cwd: string, ...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' });

describe('CLI: the old text of an edited article from git (issue 11)', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    if (git(process.cwd(), '--version').status !== 0) this.skip();
  });
  beforeEach(() => {
    const at = OLD.indexOf('What');
    const sidecar = updateSidecar(undefined, { text: OLD, document: { path: 'story.txt', annotations: [{ id: 'a1', type: 'MISC', status: 'confirmed', start: at, end: at + 4, text: 'What' }], facts: [] } });
    dir = folderWith({ 'story.txt': OLD, 'story.txt.factmark.yaml': sidecar });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check: with the old text in git the annotation follows the original sentence; without it, by the sidecar\'s sentence fingerprints; without either, it is reported as ambiguous, not placed on the copy', () => {
    assert.equal(git(dir, 'init', '-q').status, 0);
    assert.equal(git(dir, 'add', 'story.txt').status, 0);
    assert.equal(git(dir, 'commit', '-qm', 'story').status, 0);
    fs.writeFileSync(path.join(dir, 'story.txt'), NEW);
    const known = factmark(dir, 'check', 'story.txt');
    assert.equal(known.code, 0, `${known.stdout}${known.stderr}`);
    const exported = factmark(dir, 'export', '-f', 'json', 'story.txt');
    assert.equal(exported.code, 0, exported.stderr);
    const json = exported.stdout.slice(0, exported.stdout.lastIndexOf('}') + 1);
    const at = (JSON.parse(json) as { documents: Array<{ annotations: Array<{ start: number }> }> }).documents[0].annotations[0]?.start;
    assert.equal(at, NEW.indexOf(SENTENCE) + 1, `exported at ${at}, not on the original sentence`);

    fs.rmSync(path.join(dir, '.git'), { recursive: true, force: true });
    const bySentences = factmark(dir, 'check', 'story.txt');
    assert.equal(bySentences.code, 0, `${bySentences.stdout}${bySentences.stderr}`);
    withoutSentences(dir);
    const unknown = factmark(dir, 'check', 'story.txt');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stdout + unknown.stderr, /occurs in several places/);
  });

  it('without git: the text the last annotate wrote the sidecar on is kept, so check and export place the annotation on the original; with the store off, it is ambiguous', () => {
    const store = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-texts-'));
    try {
      const withStore = { FACTMARK_TEXT_STORE: store };
      const annotated = factmarkWith(withStore, dir, 'annotate', 'story.txt');
      assert.equal(annotated.code, 0, `${annotated.stdout}${annotated.stderr}`);
      fs.writeFileSync(path.join(dir, 'story.txt'), NEW);
      const known = factmarkWith(withStore, dir, 'check', 'story.txt');
      assert.equal(known.code, 0, `${known.stdout}${known.stderr}`);
      const exported = factmarkWith(withStore, dir, 'export', '-f', 'json', 'story.txt');
      const json = exported.stdout.slice(0, exported.stdout.lastIndexOf('}') + 1);
      const starts = (JSON.parse(json) as { documents: Array<{ annotations: Array<{ id: string; start: number }> }> }).documents[0].annotations.filter((a) => a.id === 'a1').map((a) => a.start);
      assert.deepEqual(starts, [NEW.indexOf(SENTENCE) + 1], 'not on the original sentence');

      // With the store off, the sidecar's sentence fingerprints tell the original; a sidecar without
      // them (written before they existed, or by another tool) leaves it ambiguous.
      const bySentences = factmark(dir, 'check', 'story.txt');
      assert.equal(bySentences.code, 0, `${bySentences.stdout}${bySentences.stderr}`);
      withoutSentences(dir);
      const unknown = factmark(dir, 'check', 'story.txt');
      assert.equal(unknown.code, 1);
      assert.match(unknown.stdout + unknown.stderr, /occurs in several places/);
    } finally {
      fs.rmSync(store, { recursive: true, force: true });
    }
  });
});
