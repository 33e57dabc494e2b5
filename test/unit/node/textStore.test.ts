import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { gitBlobOfBytes, gitBlobSha1 } from '../../../src/core/sidecar';
import { keepText, TextStore, textStoreFolder } from '../../../src/node/textStore';
// The store of kept texts off, as for every test that runs the CLI's code (test/fixtures/paths.ts).
import '../../fixtures/paths';

// Issue 11: the texts sidecars were written on, kept so that re-anchoring after an edit made outside
// Factmark can diff even when git does not have the old text (src/node/textStore.ts).

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('text store: copies of the texts sidecars were written on (issue 11)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-texts-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives back exactly the bytes kept, by their git blob hash, and nothing for an unknown hash', () => {
    const store = new TextStore(dir);
    const text = 'Gen. Kim Yong-chol met U.S. officials in Panmunjom.\n';
    const hash = store.put(utf8(text));
    assert.equal(hash, gitBlobSha1(text));
    assert.equal(new TextDecoder().decode(store.get(hash!)), text);
    assert.equal(store.get(gitBlobSha1('another text')), undefined);
    assert.equal(store.get('not a hash'), undefined);
    // Private to the user: the texts are the analyst's articles.
    if (process.platform !== 'win32') assert.equal(fs.statSync(path.join(dir, hash!.slice(0, 2), hash!.slice(2))).mode & 0o077, 0);
  });

  it('refuses an entry that was damaged, replaced by a link, or is not a plain file: never a wrong old text, never a hang', function () {
    const store = new TextStore(dir);
    const hash = store.put(utf8('The original text.\n'))!;
    const file = path.join(dir, hash.slice(0, 2), hash.slice(2));
    fs.writeFileSync(file, 'The original text, edited in the store.\n');
    assert.equal(store.get(hash), undefined, 'a damaged copy was given back');
    if (process.platform === 'win32') return;
    // (The damaged entry is dropped by that read: see the test after the next.)
    fs.rmSync(file, { force: true });
    fs.symlinkSync('/dev/zero', file);
    assert.equal(store.get(hash), undefined, 'a link was followed');
    fs.rmSync(file);
    if (spawnSync('mkfifo', [file]).status !== 0) return;
    assert.equal(store.get(hash), undefined, 'a FIFO was read');
  });

  it('replaces a damaged or linked entry when the text is kept again, so it is found again', function () {
    const store = new TextStore(dir);
    const text = utf8('The original text.\n');
    const hash = store.put(text)!;
    const file = path.join(dir, hash.slice(0, 2), hash.slice(2));
    fs.writeFileSync(file, 'Damaged.\n');
    assert.equal(store.put(text), hash);
    assert.ok(store.get(hash), 'a damaged entry stayed in the way of the text for good');
    if (process.platform === 'win32') return;
    const elsewhere = path.join(dir, 'elsewhere');
    fs.writeFileSync(elsewhere, text);
    fs.rmSync(file);
    fs.symlinkSync(elsewhere, file);
    assert.equal(store.put(text), hash);
    assert.ok(store.get(hash), 'a link stayed in the way of the text for good');
  });

  it('drops an entry damaged without changing its size once a read finds it, so the text is kept again', () => {
    const store = new TextStore(dir);
    const text = utf8('The original text.\n');
    const hash = store.put(text)!;
    const file = path.join(dir, hash.slice(0, 2), hash.slice(2));
    fs.writeFileSync(file, 'The original TEXT.\n');
    assert.equal(store.get(hash), undefined, 'a damaged copy was given back');
    assert.equal(store.put(text), hash);
    assert.equal(new TextDecoder().decode(store.get(hash)), 'The original text.\n', 'a damaged entry of the right size stayed in the way of the text');
  });

  it('leaves no temporary file behind when the rename fails (here a folder in the way; a reader holding it open on Windows)', () => {
    const store = new TextStore(dir);
    const text = utf8('A text that cannot be renamed into place.\n');
    const hash = gitBlobOfBytes(text);
    fs.mkdirSync(path.join(dir, hash.slice(0, 2), hash.slice(2), 'inside'), { recursive: true });
    assert.equal(store.put(text), undefined);
    const left = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => !e.isDirectory());
    assert.deepEqual(left.map((e) => e.name), []);
  });

  it('knows a text kept when another process put the same text first and the rename failed (Windows: the entry held open)', () => {
    const store = new TextStore(dir);
    const text = utf8('The same text, kept by two processes at once.\n');
    const hash = gitBlobOfBytes(text);
    // The module object itself (the namespace import above only reads it): its rename, as Windows
    // does it when another process's rename won the race and a reader holds the entry open.
    const nodeFs = createRequire(__filename)('node:fs') as typeof fs;
    const rename = nodeFs.renameSync;
    nodeFs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
      nodeFs.writeFileSync(to, text);
      throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
    };
    try {
      assert.equal(store.put(text), hash);
    } finally {
      nodeFs.renameSync = rename;
    }
    assert.ok(store.get(hash));
    assert.deepEqual(fs.readdirSync(path.join(dir, hash.slice(0, 2))), [hash.slice(2)], 'a temporary file was left');
  });

  it('keeps the bytes the sidecar names: with a byte-order mark, the file\'s; otherwise the text\'s', () => {
    const store = new TextStore(dir);
    const text = 'Kim met Park in Seoul.\n';
    const withBom = utf8(`\ufeff${text}`);
    assert.ok(keepText(store, text, withBom));
    assert.ok(store.get(gitBlobOfBytes(withBom)), 'the file with its BOM was not kept');
    // Only the fingerprint a sidecar gives: the BOM's, although only the text is at hand.
    const other = 'Park met Kim in Pyongyang.\n';
    assert.ok(keepText(store, other, undefined, gitBlobSha1(`\ufeff${other}`)));
    assert.ok(store.get(gitBlobSha1(`\ufeff${other}`)));
    assert.equal(keepText(store, other, undefined, gitBlobSha1('something else')), false);
  });

  it('drops the least recently used texts past its budget, and keeps the one just read', () => {
    const store = new TextStore(dir, 3000);
    const hashes = [0, 1, 2, 3].map((i) => store.put(utf8(`${String(i).repeat(1000)}\n`))!);
    // Ages set by hand: the first is the oldest, but read just now.
    hashes.forEach((h, i) => fs.utimesSync(path.join(dir, h.slice(0, 2), h.slice(2)), new Date(1e12 + i * 1000), new Date(1e12 + i * 1000)));
    assert.ok(store.get(hashes[0]));
    store.prune();
    assert.ok(store.get(hashes[0]), 'the text just read was dropped');
    assert.equal(store.get(hashes[1]), undefined, 'the least recently used was kept');
    assert.ok(store.get(hashes[3]));
  });

  it('drops nothing but its own entries: a store pointed at a folder of other files (FACTMARK_TEXT_STORE=~, .git/objects) leaves them', () => {
    // A folder of the user's, which also holds a file named like an entry.
    const object = path.join(dir, 'cd', '0123456789012345678901234567890123456789'.slice(2));
    fs.mkdirSync(path.dirname(object), { recursive: true });
    fs.writeFileSync(object, 'x'.repeat(5000));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'the user\'s notes');
    new TextStore(dir, 1000).prune();
    assert.ok(fs.existsSync(object), 'a file of a folder that is not a store was deleted');
    // A store: its entries are dropped past the budget as before, anything else in it is left.
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-texts-own-'));
    try {
      const store = new TextStore(own, 1000);
      const hashes = [0, 1].map((i) => store.put(utf8(`${String(i).repeat(800)}\n`))!);
      const other = path.join(own, hashes[0].slice(0, 2), 'notes.txt');
      fs.writeFileSync(other, 'x'.repeat(5000));
      store.prune();
      assert.equal(hashes.filter((h) => store.get(h)).length, 1);
      assert.ok(fs.existsSync(other), 'a file not named as an entry was deleted');
    } finally {
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('never throws when it cannot write: the old text is then not known, as without the store', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root writes anyway
    fs.chmodSync(dir, 0o500);
    try {
      assert.equal(new TextStore(dir).put(utf8('text')), undefined);
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  });

  it('lives in the user cache folder, or where FACTMARK_TEXT_STORE says; "off" turns it off', () => {
    assert.equal(textStoreFolder({ FACTMARK_TEXT_STORE: 'off' }), undefined);
    assert.equal(textStoreFolder({ FACTMARK_TEXT_STORE: dir }), dir);
    if (process.platform === 'linux') assert.equal(textStoreFolder({ XDG_CACHE_HOME: '/x/cache' }), '/x/cache/factmark/texts');
  });
});
