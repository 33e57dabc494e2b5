import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { annotateFile } from '../../../../src/cli/annotateFile';
import { loadAnnotations, parseSidecar, updateSidecar } from '../../../../src/core/sidecar';
import { writeFileAtomic } from '../../../../src/node/fs';
// The store of kept texts off, as for every test that runs the CLI's code (test/fixtures/paths.ts).
import '../../../fixtures/paths';

// Issue 11 item 9: the smaller ways to lose or change work.

describe('smaller reliability items (issue 11 item 9)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-small-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a sidecar whose name is 244 bytes long is written (the temporary name used to be too long)', async () => {
    const name = `${'é'.repeat(113)}.txt.factmark.yaml`; // 226 + 18 = 244 bytes
    assert.ok(Buffer.byteLength(name) > 241 && Buffer.byteLength(name) <= 255);
    const file = path.join(dir, name);
    await writeFileAtomic(file, 'one\n');
    await writeFileAtomic(file, 'two\n');
    assert.equal(fs.readFileSync(file, 'utf8'), 'two\n');
    assert.deepEqual(fs.readdirSync(dir), [name], 'temporary or lock files left');
  });

  it('a read-only sidecar is not replaced', async () => {
    const file = path.join(dir, 'a.txt.factmark.yaml');
    fs.writeFileSync(file, 'mine\n');
    fs.chmodSync(file, 0o444);
    await assert.rejects(writeFileAtomic(file, 'theirs\n'), /read-only/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'mine\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  it('a rewritten sidecar keeps its permission bits, even those the umask would drop, and its group', async function () {
    const file = path.join(dir, 'a.txt.factmark.yaml');
    fs.writeFileSync(file, 'mine\n');
    // Group-writable (a shared project folder): 022, the usual umask, would make the new file 0644.
    fs.chmodSync(file, 0o664);
    // Another group than the writer's own: root may give any; others, one of their groups.
    const group = process.getuid?.() === 0 ? 4242 : process.getgroups?.().find((g) => g !== process.getgid?.());
    if (group !== undefined) fs.chownSync(file, fs.statSync(file).uid, group);
    const before = process.umask(0o022);
    try {
      await writeFileAtomic(file, 'theirs\n');
    } finally {
      process.umask(before);
    }
    assert.equal(fs.readFileSync(file, 'utf8'), 'theirs\n');
    assert.equal((fs.statSync(file).mode & 0o7777).toString(8), '664', 'permission bits changed');
    if (group === undefined) this.skip();
    assert.equal(fs.statSync(file).gid, group, 'group lost');
  });

  it('a span that splits a surrogate pair is stored with the whole character, never half of it', () => {
    const text = 'Smile 😀 Kim met Lee.';
    const emoji = text.indexOf('😀');
    // Ends between the two halves of the emoji.
    const sidecar = updateSidecar(undefined, { text, document: { path: 'a.txt', annotations: [{ id: 'a1', type: 'MISC', start: 0, end: emoji + 1, text: text.slice(0, emoji + 1), status: 'confirmed' }], facts: [] } });
    const quote = parseSidecar(sidecar).doc!.annotations[0].quote;
    assert.equal(quote, 'Smile 😀');
    assert.doesNotMatch(quote, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/, 'a lone high surrogate');
  });

  it('an empty article gets no sidecar', async () => {
    const file = path.join(dir, 'empty.txt');
    fs.writeFileSync(file, '\n\n  \n');
    const o = await annotateFile(file, `${file}.factmark.yaml`);
    assert.equal(o.status, 'skipped');
    assert.ok(!fs.existsSync(`${file}.factmark.yaml`));
  });

  it('UTF-16 and Latin-1 articles are refused with the reason, not read as mojibake', async () => {
    const utf16 = path.join(dir, 'utf16.txt');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kim met Lee in Seoul.\n', 'utf16le')]));
    const latin1 = path.join(dir, 'latin1.txt');
    fs.writeFileSync(latin1, Buffer.from('Fran\u00e7ois Hollande met Angela Merkel in Paris.\n', 'latin1'));
    const a = await annotateFile(utf16, `${utf16}.factmark.yaml`);
    assert.equal(a.status, 'failed');
    assert.match(a.reason!, /UTF-16/);
    const b = await annotateFile(latin1, `${latin1}.factmark.yaml`);
    assert.equal(b.status, 'failed');
    assert.match(b.reason!, /not valid UTF-8/);
    assert.ok(!fs.existsSync(`${utf16}.factmark.yaml`) && !fs.existsSync(`${latin1}.factmark.yaml`));
  });

  // The fingerprint (document.gitBlob) names the article's blob in git, so that the text the offsets
  // were made on can be fetched back (`git cat-file blob`) and re-anchoring can diff against it.
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const gitRepo = (folder: string) => {
    git(folder, 'init', '-q');
    git(folder, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'start');
  };

  it('the fingerprint of an article with a byte-order mark is its git blob, so git gives its text back', async () => {
    gitRepo(dir);
    const file = path.join(dir, 'bom.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Kim Jong-il met Roh Moo-hyun in Seoul on Monday.\n')]));
    git(dir, 'add', 'bom.txt');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'article');
    const o = await annotateFile(file, `${file}.factmark.yaml`);
    assert.equal(o.status, 'created', o.reason);
    const fingerprint = parseSidecar(fs.readFileSync(`${file}.factmark.yaml`, 'utf8')).doc!.document.gitBlob;
    assert.equal(fingerprint, git(dir, 'hash-object', 'bom.txt'));
    assert.equal(git(dir, 'cat-file', '-t', fingerprint!), 'blob');
    // And the sidecar is taken as made on this very text (no re-anchoring needed).
    const text = 'Kim Jong-il met Roh Moo-hyun in Seoul on Monday.\n';
    assert.ok(loadAnnotations(parseSidecar(fs.readFileSync(`${file}.factmark.yaml`, 'utf8')).doc!, text).unchanged);
  });

  it('the fingerprint of an article with invalid UTF-8 (read by the editor with U+FFFD) is its git blob too', () => {
    const bytes = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' Lee met Kim in Seoul.\n')]); // Latin-1 é
    const file = path.join(dir, 'bad.txt');
    fs.writeFileSync(file, bytes);
    const text = new TextDecoder('utf-8').decode(bytes); // as VS Code shows it
    assert.ok(text.includes('\ufffd'));
    const lee = text.indexOf('Lee');
    const out = updateSidecar(undefined, { text, fileBytes: bytes, document: { path: 'bad.txt', facts: [], annotations: [{ id: 'a1', type: 'PERSON', start: lee, end: lee + 3, text: 'Lee', status: 'confirmed' }] } });
    assert.equal(parseSidecar(out).doc!.document.gitBlob, execFileSync('git', ['hash-object', file], { encoding: 'utf8' }).trim());
  });

  it('the fallback writer (a hand-written flow entry) writes a multi-line note quoted on one line, never as a block scalar', () => {
    const text = 'Kim met Lee.';
    const original = 'factmark: 1\ndocument:\n  path: a.txt\noffsets: codepoints\nannotations:\n  - {id: a1, type: PERSON, status: confirmed, start: 0, end: 3, quote: Kim}\n';
    const note = 'line one\nline two\n  indented';
    const out = updateSidecar(original, {
      text,
      document: { path: 'a.txt', facts: [], annotations: [{ id: 'a1', type: 'PERSON', start: 0, end: 3, text: 'Kim', status: 'confirmed' }, { id: 'a2', type: 'PERSON', start: 8, end: 11, text: 'Lee', status: 'confirmed', note }] },
    });
    assert.doesNotMatch(out, /: [|>][-+]?\s*$/m);
    assert.equal(parseSidecar(out).doc!.annotations[1].note, note);
  });
});
