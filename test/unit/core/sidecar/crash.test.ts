import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Annotation } from '../../../../src/core/model';
import { parseSidecar, updateSidecar } from '../../../../src/core/sidecar';
import { tempNamePattern } from '../../../../src/core/sidecar/tempNames';
import { writeFileAtomic } from '../../../../src/node/fs';
import { inputOf } from './helpers';
// The store of kept texts off, as for every test that runs the CLI's code (test/fixtures/paths.ts).
import '../../../fixtures/paths';

/** Kills of the writer; RELIABILITY-CASES D1 (the pilot saw 2 empty sidecars in 60 kills of a plain write). */
const KILLS = Number(process.env.FACTMARK_CRASH_KILLS ?? 60);

/** A valid sidecar of about 250 KB, so that a write takes long enough to be killed in the middle. */
function bigSidecar(variant: string): string {
  const sentence = `${variant} met Kim Yong-chol in Panmunjom on 2 March 2006. `;
  const text = sentence.repeat(1500);
  const annotations: Annotation[] = [];
  for (let i = 0; i < 1500; i++) {
    const start = i * sentence.length + sentence.indexOf('Kim Yong-chol');
    annotations.push({ id: `a${i + 1}`, type: 'PERSON', start, end: start + 13, text: 'Kim Yong-chol', status: 'confirmed' });
  }
  return updateSidecar(undefined, inputOf(text, annotations, { path: 'article.txt' }));
}

/** Starts the writer, waits until its first write is done, kills it at a random moment; resolves when it is gone. */
function runAndKill(script: string, args: string[], maxDelayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (killed || !chunk.toString().includes('ready')) return;
      killed = true;
      setTimeout(() => child.kill('SIGKILL'), Math.random() * maxDelayMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the writer exited by itself (code ${code})`))));
  });
}

describe('Atomic sidecar writes survive SIGKILL (D1)', function () {
  // About 20 s on an idle 2-core machine (a Node start per kill); generous for a loaded CI machine.
  this.timeout(180_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-crash-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`a writer killed ${KILLS} times at random leaves the complete old or new sidecar, and no temporary files pile up`, async () => {
    const contents = [bigSidecar('Gen. A'), bigSidecar('Gen. B')];
    for (const c of contents) assert.ok(parseSidecar(c).doc, 'fixture sidecar does not parse');
    const files = contents.map((c, i) => {
      const f = path.join(dir, `content-${i}.yaml`);
      fs.writeFileSync(f, c);
      return f;
    });
    const target = path.join(dir, 'article.txt.factmark.yaml');
    fs.writeFileSync(target, contents[0]);
    const script = path.join(__dirname, 'crashWriter.js');
    const temps = () => fs.readdirSync(dir).filter((f) => tempNamePattern(path.basename(target)).test(f));

    let midWrite = 0;
    const seen = new Set<number>();
    for (let kill = 0; kill < KILLS; kill++) {
      await runAndKill(script, [target, ...files], 40);
      const now = fs.readFileSync(target, 'utf8');
      const which = contents.indexOf(now);
      assert.ok(which >= 0, `after kill ${kill + 1} the sidecar is neither the old nor the new content (${now.length} of ${contents[0].length} bytes)`);
      seen.add(which);
      assert.ok(parseSidecar(now).doc, `after kill ${kill + 1} the sidecar does not parse`);
      // A killed writer leaves at most its own temporary file; the next writer removes it.
      const left = temps();
      assert.ok(left.length <= 1, `after kill ${kill + 1}: ${left.length} temporary files: ${left.join(', ')}`);
      if (left.length === 1) midWrite++;
    }
    // The kills must land during writes, or the test proves nothing.
    assert.ok(midWrite >= KILLS / 4, `only ${midWrite} of ${KILLS} kills landed during a write`);
    assert.equal(seen.size, 2, 'the writer never got to write the other content');

    await writeFileAtomic(target, contents[1]);
    assert.deepEqual(temps(), [], 'the next write did not remove the temporary file a killed writer left');
    assert.equal(fs.readFileSync(target, 'utf8'), contents[1]);
  });
});
