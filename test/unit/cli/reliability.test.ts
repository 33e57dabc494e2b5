import * as assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../../fixtures/paths';

// Issue 11 items 7 and 8: hostile and special files, symlinks and empty runs, through the built
// CLI as users run it. Every run has a timeout: a hang fails the test instead of stalling it.

const root = repoRoot;
const CLI = path.join(root, 'dist/cli.js');

function factmark(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string; ms: number } {
  const t = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

const ARTICLE = 'Gen. Kim Yong-chol met U.S. officials in Panmunjom on 2 March 2006.\n';

/**
 * The CLI run with a 100 KB stack: push(...list) or Math.max(...list) overflows Node's default stack
 * past some 120,000 items; with this stack 20,000 (a sidecar of 2 MB) overflow the same way, fast.
 */
function smallStack(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--stack-size=100', CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  assert.doesNotMatch(r.stderr, /Maximum call stack|unexpected error/, r.stderr.slice(0, 2000));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A sidecar of a.txt with `n` entries made by `entry(i)` (i from 1), in Factmark's layout. */
function sidecarOf(n: number, entry: (i: number) => string): string {
  const entries: string[] = [];
  for (let i = 1; i <= n; i++) entries.push(entry(i));
  return `factmark: 1\ndocument:\n  path: a.txt\noffsets: codepoints\nannotations:\n${entries.join('')}`;
}

describe('factmark CLI with hostile files, symlinks and empty folders (issue 11 items 7, 8)', function () {
  this.timeout(120_000);
  let dir: string;
  before(function () {
    if (!fs.existsSync(CLI)) this.skip();
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-hostile-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a FIFO as sidecar is refused at once by check and annotate, not waited on', function () {
    if (process.platform === 'win32') this.skip();
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    execFileSync('mkfifo', [path.join(dir, 'a.txt.factmark.yaml')]);
    const check = factmark(dir, 'check', '.');
    assert.equal(check.code, 1, check.stdout + check.stderr);
    assert.match(check.stdout, /named pipe/);
    const annotate = factmark(dir, 'annotate', 'a.txt');
    assert.notEqual(annotate.code, 0);
    assert.match(annotate.stdout + annotate.stderr, /named pipe/);
  });

  it('a sidecar that is a symlink to /dev/zero, or a folder, is refused by type', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    fs.symlinkSync('/dev/zero', path.join(dir, 'a.txt.factmark.yaml'));
    fs.writeFileSync(path.join(dir, 'b.txt'), ARTICLE);
    fs.mkdirSync(path.join(dir, 'b.txt.factmark.yaml'));
    const check = factmark(dir, 'check', 'a.txt.factmark.yaml', 'b.txt.factmark.yaml');
    assert.equal(check.code, 1, check.stdout + check.stderr);
    assert.match(check.stdout, /a\.txt\.factmark\.yaml: error: the sidecar is a device/);
    assert.match(check.stdout, /b\.txt\.factmark\.yaml: error: the sidecar is a folder/);
    assert.doesNotMatch(check.stderr, /at \w+ \(/, 'a stack trace');
  });

  it('a sidecar larger than the limit is refused before it is read', () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    const big = path.join(dir, 'a.txt.factmark.yaml');
    // Sparse: 700 MB on paper, nothing on disk; reading it whole would take seconds and the memory.
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 700 * 1024 * 1024);
    const check = factmark(dir, 'check', '.');
    assert.equal(check.code, 1);
    assert.match(check.stdout, /larger than 20 MB/);
  });

  it('"\\UFFFFFFFF" and "\\U00110000" in a sidecar are reported, not a crash', () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    assert.equal(factmark(dir, 'annotate', 'a.txt').code, 0);
    const file = path.join(dir, 'a.txt.factmark.yaml');
    const text = fs.readFileSync(file, 'utf8');
    for (const escape of ['\\UFFFFFFFF', '\\U00110000']) {
      fs.writeFileSync(file, text.replace(/^(\s+)type: (\w+)$/m, `$1type: $2\n$1note: "x${escape}"`));
      const check = factmark(dir, 'check', '.');
      assert.equal(check.code, 1, check.stderr);
      assert.match(check.stdout, /escape/i);
      assert.doesNotMatch(check.stderr, /at \w+ \(/, 'a stack trace');
    }
  });

  it('invalid UTF-8 in a sidecar note is refused, and the file is left byte for byte', () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    assert.equal(factmark(dir, 'annotate', 'a.txt').code, 0);
    const file = path.join(dir, 'a.txt.factmark.yaml');
    const text = fs.readFileSync(file, 'utf8').replace(/^(\s+)type: (\w+)$/m, '$1type: $2\n$1note: caf\u00e9');
    // "café" with its é as one Latin-1 byte: not UTF-8.
    const bytes = Buffer.from(text, 'latin1');
    fs.writeFileSync(file, bytes);
    fs.writeFileSync(path.join(dir, 'a.txt'), `Seoul. ${ARTICLE}`); // so that annotate would rewrite it
    const annotate = factmark(dir, 'annotate', 'a.txt');
    assert.notEqual(annotate.code, 0);
    assert.match(annotate.stdout + annotate.stderr, /not valid UTF-8/);
    assert.deepEqual(fs.readFileSync(file), bytes);
    assert.match(factmark(dir, 'check', '.').stdout, /not valid UTF-8/);
  });

  it('40,000 unknown keys in one annotation are refused by the parser with a message (the parse used to take a minute)', () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    assert.equal(factmark(dir, 'annotate', 'a.txt').code, 0);
    const file = path.join(dir, 'a.txt.factmark.yaml');
    const keys = Array.from({ length: 40_000 }, (_, i) => `    k${i}: v`).join('\n');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^( {4}type: \w+)$/m, `$1\n${keys}`));
    const check = factmark(dir, 'check', '.');
    assert.equal(check.code, 1);
    assert.match(check.stdout, /more than 1000 keys/);
  });

  it('check on a folder with nothing to check says so and fails', () => {
    fs.writeFileSync(path.join(dir, 'notes.md'), '# nothing here\n');
    const check = factmark(dir, 'check', '.');
    assert.equal(check.code, 1);
    assert.match(check.stdout, /No sidecars found: nothing was checked/);
  });

  it('folder walks follow symlinked sidecars and articles (check does not pass on nothing)', function () {
    if (process.platform === 'win32') this.skip();
    const real = path.join(dir, 'real');
    fs.mkdirSync(real);
    fs.writeFileSync(path.join(real, 'a.txt'), ARTICLE);
    assert.equal(factmark(real, 'annotate', 'a.txt').code, 0);
    const linked = path.join(dir, 'linked');
    fs.mkdirSync(linked);
    fs.symlinkSync(path.join(real, 'a.txt'), path.join(linked, 'a.txt'));
    fs.symlinkSync(path.join(real, 'a.txt.factmark.yaml'), path.join(linked, 'a.txt.factmark.yaml'));
    // And a link back up, which must not loop.
    fs.symlinkSync(dir, path.join(linked, 'loop'));
    const check = factmark(linked, 'check', '.');
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /Checked 1 sidecar: all valid/);
    // annotate through the symlinked sidecar updates its target and keeps the link.
    fs.writeFileSync(path.join(real, 'a.txt'), `Seoul. ${ARTICLE}`);
    const annotate = factmark(linked, 'annotate', '.');
    assert.equal(annotate.code, 0, annotate.stdout + annotate.stderr);
    assert.match(annotate.stderr, /a\.txt: note: the sidecar is a symlink: the file it points to \(.*real.a\.txt\.factmark\.yaml\) was updated/);
    assert.ok(fs.lstatSync(path.join(linked, 'a.txt.factmark.yaml')).isSymbolicLink());
    assert.match(factmark(real, 'check', '.').stdout, /all valid/);
  });
  it('export of a sidecar with 20,000 orphans on one span names each one and exports, no stack overflow', () => {
    // push(...list) overflows the stack past some 120,000 items at Node's default stack; the CLI runs
    // here with a 100 KB stack, where 20,000 (a 2 MB sidecar) overflow the same way in a second.
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    const n = 20_000;
    const entries: string[] = [];
    for (let i = 1; i <= n; i++) entries.push(`  - id: a${i}\n    type: PERSON\n    start: 500\n    end: 503\n    quote: Zzq\n    status: confirmed\n`);
    fs.writeFileSync(path.join(dir, 'a.txt.factmark.yaml'), `factmark: 1\ndocument:\n  path: a.txt\noffsets: codepoints\nannotations:\n${entries.join('')}`);
    const r = spawnSync(process.execPath, ['--stack-size=100', CLI, 'export', '-f', 'json', '-o', 'out.json', 'a.txt'], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    assert.doesNotMatch(r.stderr, /Maximum call stack|unexpected error/, r.stderr.slice(0, 2000));
    assert.equal(r.status, 0);
    assert.equal(r.stderr.match(/^warning: a\.txt: a\d+ “Zzq” does not anchor on the text/gm)?.length, n);
    assert.match(r.stderr, /warning: a\.txt: a20000 “Zzq”/);
    assert.match(r.stderr, /Exported 0 annotations and 0 facts from 1 document to out\.json/);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).documents.length, 1);
  });
  it('W3C export of a document with 20,000 annotations exports every one, no stack overflow', () => {
    const n = 20_000;
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE.repeat(n));
    const at = (i: number) => (i - 1) * ARTICLE.length + 5;
    fs.writeFileSync(path.join(dir, 'a.txt.factmark.yaml'), sidecarOf(n, (i) => `  - id: a${i}\n    type: PERSON\n    start: ${at(i)}\n    end: ${at(i) + 13}\n    quote: Kim Yong-chol\n    status: confirmed\n`));
    const r = smallStack(dir, 'export', '-f', 'w3c', '-o', 'out.jsonld', 'a.txt');
    assert.equal(r.code, 0, r.stderr.slice(0, 2000));
    assert.match(r.stderr, /Exported 20000 annotations and 0 facts from 1 document to out\.jsonld/);
    const items = JSON.parse(fs.readFileSync(path.join(dir, 'out.jsonld'), 'utf8')).first.items as Array<{ target: { selector: Array<{ exact?: string }> } }>;
    assert.equal(items.length, n);
    assert.ok(items.every((a) => a.target.selector.some((s) => s.exact === 'Kim Yong-chol')));
  });
  it('import of 20,000 brat annotations whose text is not in the document names each one and counts them, no stack overflow', () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    const n = 20_000;
    fs.writeFileSync(path.join(dir, 'a.ann'), Array.from({ length: n }, (_, i) => `T${i + 1}\tPERSON 500 503\tZzq\n`).join(''));
    const r = smallStack(dir, 'import', '-f', 'brat', 'a.ann', 'a.txt');
    assert.equal(r.code, 1, 'nothing imported');
    assert.equal(r.stderr.match(/^a\.txt: not imported: line \d+: T\d+: T\d+ PERSON “Zzq” is not in the document$/gm)?.length, n);
    assert.match(r.stdout, /Imported 0 annotations and 0 facts into 1 document; 20000 not imported \(20000 whose text is not in the document\)\./);
  });
  it('stats over 20,000 annotation types lists each type, no stack overflow', () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    const n = 20_000;
    fs.writeFileSync(path.join(dir, 'a.txt.factmark.yaml'), sidecarOf(n, (i) => `  - id: a${i}\n    type: T${i}\n    start: 5\n    end: 18\n    quote: Kim Yong-chol\n    status: confirmed\n`));
    const r = smallStack(dir, 'stats', '.');
    assert.equal(r.code, 0, r.stderr.slice(0, 2000));
    assert.equal(r.stdout.match(/^T\d+ +1 +0 +0$/gm)?.length, n);
    assert.match(r.stdout, /^Total +20000 +0 +0$/m);
  });
  it('import into a sidecar that needs the general writer and holds a comment of 20,000 lines keeps every line, no stack overflow', () => {
    // A flow list is a layout only the general writer (yaml nodes) rewrites; it then checks that
    // no comment line is lost, line by line.
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    const n = 20_000;
    const comment = Array.from({ length: n }, (_, i) => `# source note ${i + 1}`).join('\n');
    fs.writeFileSync(
      path.join(dir, 'a.txt.factmark.yaml'),
      `${comment}\nfactmark: 1\ndocument: {path: a.txt}\noffsets: codepoints\nannotations: [{id: a1, type: PERSON, start: 5, end: 18, quote: Kim Yong-chol, status: confirmed}]\n`,
    );
    fs.writeFileSync(path.join(dir, 'a.ann'), 'T1\tPLACE 41 50\tPanmunjom\n');
    const r = smallStack(dir, 'import', '-f', 'brat', 'a.ann', 'a.txt');
    assert.equal(r.code, 0, r.stdout + r.stderr.slice(0, 2000));
    assert.match(r.stdout, /a\.txt: 1 annotation and 0 facts added/);
    const written = fs.readFileSync(path.join(dir, 'a.txt.factmark.yaml'), 'utf8');
    assert.equal(written.match(/^# source note \d+$/gm)?.length, n);
    assert.match(written, /quote: Panmunjom/);
  });
  it('a 19 MB sidecar, just under the 20 MB limit, is read and checked; one byte over the limit is refused', () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
    const head = 'factmark: 1\ndocument:\n  path: a.txt\noffsets: codepoints\nannotations:\n  - id: a1\n    type: PERSON\n    start: 5\n    end: 18\n    quote: Kim Yong-chol\n    status: confirmed\n    note: ';
    const sized = (bytes: number) => head + 'x'.repeat(bytes - head.length - 1) + '\n';
    const sidecar = path.join(dir, 'a.txt.factmark.yaml');
    fs.writeFileSync(sidecar, sized(19 * 1024 * 1024));
    const under = factmark(dir, 'check', '.');
    assert.equal(under.code, 0, under.stdout + under.stderr);
    assert.match(under.stdout, /Checked 1 sidecar: all valid/);
    fs.writeFileSync(sidecar, sized(20 * 1024 * 1024 + 1));
    const over = factmark(dir, 'check', '.');
    assert.equal(over.code, 1, over.stdout + over.stderr);
    assert.match(over.stdout, /a\.txt\.factmark\.yaml: error: the sidecar is larger than 20 MB/);
    assert.equal(over.stderr, '');
  });
});
