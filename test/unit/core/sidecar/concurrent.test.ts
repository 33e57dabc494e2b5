import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSidecar } from '../../../../src/core/sidecar';
// The store of kept texts off, as for every test that runs the CLI's code (test/fixtures/paths.ts).
import '../../../fixtures/paths';

/** Rounds of the confirming writer: one confirmed word per article per round. */
const ROUNDS = Number(process.env.FACTMARK_CONCURRENT_ROUNDS ?? 40);

const SENTENCES = [
  'Kim Yong-chol met officials of the United Nations in Panmunjom on 2 March 2006.',
  'The Ministry of Defence said that General Smith visited Seoul and Busan last week.',
  'According to Reuters, Angela Merkel spoke with Emmanuel Macron in Berlin on Tuesday.',
];

function run(script: string, args: string[]): { done: Promise<string>; ready: Promise<void> } {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('ready')) onReady();
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const done = new Promise<string>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args[0]} writer exited with ${code}: ${err}`))));
  });
  return { done, ready };
}

describe('Two processes writing the same sidecars lose nothing (issue 11 item 1, E1)', function () {
  this.timeout(240_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-concurrent-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`annotate running in a loop while another process confirms ${ROUNDS} words per article: every confirmed annotation is in the final sidecars`, async () => {
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(docs, `story-${i}.txt`), Array.from({ length: 8 }, (_, k) => SENTENCES[(i + k) % 3]).join(' ') + '\n');
    const stop = path.join(dir, 'stop');
    const script = path.join(__dirname, 'concurrentWriter.js');
    const annotate = run(script, ['annotate', docs, stop]);
    await annotate.ready;
    let written: Record<string, string[]>;
    try {
      written = JSON.parse((await run(script, ['confirm', docs, String(ROUNDS)]).done).trim()) as Record<string, string[]>;
    } finally {
      fs.writeFileSync(stop, '');
    }
    await annotate.done;
    let lost = 0;
    const missing: string[] = [];
    for (const [name, ids] of Object.entries(written)) {
      const parsed = parseSidecar(fs.readFileSync(path.join(docs, `${name}.factmark.yaml`), 'utf8'));
      assert.ok(parsed.doc, `${name}: sidecar does not parse`);
      const present = new Set(parsed.doc.annotations.filter((a) => a.status === 'confirmed').map((a) => a.id));
      for (const id of ids) {
        if (!present.has(id)) {
          lost++;
          missing.push(`${name}:${id}`);
        }
      }
      // annotate's own work is there too: the suggestions it adds after the last confirmation.
      assert.ok(parsed.doc.annotations.some((a) => a.status === 'suggested'), `${name}: annotate's suggestions missing`);
    }
    assert.equal(lost, 0, `confirmed annotations lost: ${missing.slice(0, 20).join(', ')}`);
    assert.deepEqual(fs.readdirSync(docs).filter((f) => f.endsWith('.lock') || f.endsWith('.tmp')), [], 'locks or temporary files left behind');
  });
});
