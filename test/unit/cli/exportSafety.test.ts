/**
 * `factmark export` never writes over its inputs, nor over an existing file unless --force (issue 11,
 * item 2): every output path is checked before anything is written.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, factmark, folderWith, read, STORY, STORY_SIDECAR } from './run';

describe('factmark export keeps inputs and existing files', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  const fresh = (extra: Record<string, string> = {}) => {
    const d = folderWith({ 'story.txt': STORY, 'story.txt.factmark.yaml': STORY_SIDECAR, ...extra });
    dirs.push(d);
    return d;
  };
  before(() => assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`));
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('refuses -o story.txt: the article stays as it was (exit 1), even with --force', () => {
    const dir = fresh();
    for (const args of [[], ['--force']]) {
      const r = factmark(dir, 'export', '-f', 'csv', '-o', 'story.txt', ...args);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /story\.txt is a document being exported/);
      assert.equal(read(dir, 'story.txt'), STORY);
    }
  });

  it('refuses, even with --force, to write over another annotated article (one with a sidecar) that is not exported', () => {
    // A brat export of story.txt into a folder holding another story.txt with its own annotations
    // replaced that article with --force: its annotations were then orphans on another text.
    const other = 'President Roh visited Busan.\n';
    const dir = fresh({ 'other/story.txt': other, 'other/story.txt.factmark.yaml': STORY_SIDECAR.replace('path: story.txt', 'path: story.txt') });
    const r = factmark(dir, 'export', '-f', 'brat', '--force', '-o', 'other', 'story.txt');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /other\/story\.txt is an annotated document \(it has a sidecar\)/);
    assert.equal(read(dir, 'other/story.txt'), other);
    assert.ok(!fs.existsSync(path.join(dir, 'other/story.ann')), 'nothing written');
  });

  it('refuses, even with --force, an annotated article that is a symlink with its sidecar beside the link', () => {
    // docs/other.txt -> ../store/body, annotated as docs/other.txt: --force wrote the CSV into store/body.
    const other = 'President Roh visited Busan.\n';
    const dir = fresh({ 'store/body': other, 'docs/other.txt.factmark.yaml': STORY_SIDECAR.replace('path: story.txt', 'path: other.txt') });
    fs.symlinkSync('../store/body', path.join(dir, 'docs/other.txt'));
    const r = factmark(dir, 'export', '-f', 'csv', '--force', '-o', 'docs/other.txt', 'story.txt');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /other\.txt is an annotated document \(it has a sidecar\)/);
    assert.equal(read(dir, 'store/body'), other);
  });

  it('refreshes with --force an earlier brat export whose copy was annotated since (same text), and its .ann is rewritten', () => {
    // `factmark annotate .` over a project gives brat/story.txt a sidecar; a later export --force into
    // brat/ was refused although it writes that very text again.
    const dir = fresh();
    assert.equal(factmark(dir, 'export', '-f', 'brat', '-o', 'brat', 'story.txt').code, 0);
    fs.writeFileSync(path.join(dir, 'brat/story.txt.factmark.yaml'), STORY_SIDECAR);
    fs.writeFileSync(path.join(dir, 'brat/story.ann'), 'stale\n');
    const r = factmark(dir, 'export', '-f', 'brat', '--force', '-o', 'brat', 'story.txt');
    assert.equal(r.code, 0, r.stderr);
    assert.notEqual(read(dir, 'brat/story.ann'), 'stale\n');
    assert.equal(read(dir, 'brat/story.txt'), STORY);
  });

  it('refuses an output that is a symlink to the article or its sidecar, or the article by another path', () => {
    const dir = fresh();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync(path.join(dir, 'story.txt'), path.join(dir, 'link.csv'));
    fs.symlinkSync(path.join(dir, 'story.txt.factmark.yaml'), path.join(dir, 'link.json'));
    for (const [format, out] of [['csv', 'link.csv'], ['json', 'link.json'], ['csv', 'sub/../story.txt']]) {
      const r = factmark(dir, 'export', '-f', format, '-o', out, '--force');
      assert.equal(r.code, 1, `${out}: ${r.stderr}`);
      assert.match(r.stderr, /is a document being exported/);
    }
    assert.equal(read(dir, 'story.txt'), STORY);
    assert.equal(read(dir, 'story.txt.factmark.yaml'), STORY_SIDECAR);
  });

  it('refuses -o story.txt.factmark.yaml: the sidecar stays as it was', () => {
    const dir = fresh();
    const r = factmark(dir, 'export', '-f', 'json', '-o', 'story.txt.factmark.yaml', '--force');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /sidecar/);
    assert.equal(read(dir, 'story.txt.factmark.yaml'), STORY_SIDECAR);
  });

  it('refuses to overwrite the user\'s own story.md with a markdown export to "."; --force replaces it', () => {
    const dir = fresh({ 'story.md': '# my own notes\n' });
    const r = factmark(dir, 'export', '-f', 'markdown', '-o', '.');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /story\.md exists.*--force/);
    assert.equal(read(dir, 'story.md'), '# my own notes\n');
    const forced = factmark(dir, 'export', '-f', 'markdown', '-o', '.', '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(read(dir, 'story.md'), /Kim Yong-chol/);
  });

  it('checks every output before writing any: a brat export with one clash writes nothing', () => {
    const dir = fresh({ 'out/annotation.conf': 'mine\n' });
    const r = factmark(dir, 'export', '-f', 'brat', '-o', 'out');
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!fs.existsSync(path.join(dir, 'out/story.ann')), 'the .ann was written before the clash was found');
    assert.equal(read(dir, 'out/annotation.conf'), 'mine\n');
  });

  it('refuses a brat export into the documents\' own folder: its .txt would replace the article', () => {
    const dir = fresh();
    const r = factmark(dir, 'export', '-f', 'brat', '-o', '.', '--force');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(read(dir, 'story.txt'), STORY);
    assert.ok(!fs.existsSync(path.join(dir, 'story.ann')));
  });

  it('leaves no temporary file behind and writes the whole file (atomic write)', () => {
    const dir = fresh();
    const r = factmark(dir, 'export', '-f', 'json', '-o', 'out.json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(read(dir, 'out.json')).format, 'factmark');
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });
});
