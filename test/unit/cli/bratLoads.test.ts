/**
 * The brat export loads in brat itself (issue 12, item 3): each `.ann` has its `.txt` beside it, and brat's
 * own parser (`../shared/checkers/brat/check-brat.sh TXT ANN`, nlplab/brat's annotation.py) accepts the pair
 * for every document of the shared corpus and for Unicode documents (BOM, emoji, Hangul, combining marks, CRLF).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportBrat } from '../../../src/core/export/brat';
import { hardDocument } from '../core/export/fixtures';
import { CLI, factmark, folderWith, root } from './run';

const CHECKER = path.resolve(root, '../shared/checkers/brat/check-brat.sh');
const CORPUS = path.resolve(root, '../shared/corpus');
const BOM_TEXT = '😀 Gen. Kim Jong-il met officials of the United Nations in Seoul on 2 March 2006.\r\n남북 회담 in Panmunjom, then Kim\u0301 left for Tokyo.\r\n';

function pythonAvailable(): boolean {
  return spawnSync(process.env.PYTHON ?? 'python3', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Every `.ann` under `dir` (relative paths). */
function annFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.ann')) out.push(path.relative(dir, path.join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

describe('brat export loads in brat', function () {
  this.timeout(600_000);
  let dir = '';
  let out = '';

  before(function () {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    dir = folderWith({ 'unicode/bom.txt': '\uFEFF' + BOM_TEXT });
    if (fs.existsSync(CORPUS)) fs.cpSync(CORPUS, path.join(dir, 'corpus'), { recursive: true });
    for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) fs.chmodSync(path.join(dir, f), fs.statSync(path.join(dir, f)).isDirectory() ? 0o755 : 0o644);
    const annotated = factmark(dir, 'annotate', '-q', '-j', '1');
    assert.equal(annotated.code, 0, annotated.stderr);
    // The hand-built hard document (facts, notes, values, a line-crossing span), exported in-process.
    const hard = exportBrat([hardDocument()], { includeSuggested: true });
    out = path.join(dir, 'out');
    const exported = factmark(dir, 'export', '-f', 'brat', '--include-suggested', '-o', 'out', 'unicode', 'corpus');
    assert.equal(exported.code, 0, exported.stderr);
    for (const f of hard.files.filter((x) => x.name !== 'annotation.conf')) {
      fs.mkdirSync(path.dirname(path.join(out, 'hard', f.name)), { recursive: true });
      fs.writeFileSync(path.join(out, 'hard', f.name), f.content);
    }
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the .txt beside every .ann', () => {
    const anns = annFiles(out);
    assert.ok(anns.length >= 2, `only ${anns.length} .ann files`);
    const missing = anns.filter((a) => !fs.existsSync(path.join(out, a.replace(/\.ann$/, '.txt'))));
    assert.deepEqual(missing, [], 'brat cannot open a .ann without its .txt');
  });

  it('writes the text of a document with a BOM without it, so that the offsets count the .txt exactly', () => {
    const txt = fs.readFileSync(path.join(out, 'bom.txt'));
    assert.notEqual(txt[0], 0xef, 'the .txt starts with a BOM the offsets do not count');
    assert.equal(txt.toString('utf8'), BOM_TEXT);
    const cps = [...BOM_TEXT];
    const ann = fs.readFileSync(path.join(out, 'bom.ann'), 'utf8');
    const ts = ann.split('\n').filter((l) => l.startsWith('T'));
    assert.ok(ts.length > 0, ann);
    for (const t of ts) {
      const [, span, quote] = t.split('\t');
      const [, s, e] = /^\S+ (\d+) (\d+)$/.exec(span)!;
      assert.equal(cps.slice(Number(s), Number(e)).join(''), quote, t);
    }
  });

  it("is accepted by brat's own parser for every document", function () {
    if (!pythonAvailable()) {
      console.log('      (skipped: no python3 to run brat\'s annotation.py)');
      this.skip();
    }
    if (!fs.existsSync(CORPUS)) console.log('      (the shared corpus is missing: checking the Unicode documents only)');
    const failed: string[] = [];
    const anns = annFiles(out);
    for (const a of anns) {
      const r = spawnSync(CHECKER, [path.join(out, a.replace(/\.ann$/, '.txt')), path.join(out, a)], { encoding: 'utf8' });
      if (r.status !== 0) failed.push(`${a}: ${r.stdout}${r.stderr}`.slice(0, 400));
    }
    assert.deepEqual(failed, [], `${failed.length} of ${anns.length} rejected by brat`);
  });
});
