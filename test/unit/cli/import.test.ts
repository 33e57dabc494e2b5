/** `factmark import` (issue 12, item 9): batch conversion between tools without the editor. */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, factmark, folderWith, read, STORY, STORY_SIDECAR } from './run';

const OTHER = 'Lee stayed in Busan on Friday.\n';
const OTHER_SIDECAR = `factmark: 1
document:
  path: other.txt
offsets: codepoints
annotations:
  - id: a1
    type: PLACE
    start: 14
    end: 19
    quote: Busan
    status: confirmed
`;

describe('factmark import', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  /** Annotated documents in src/, the same documents without sidecars in dst/. */
  const fresh = () => {
    const d = folderWith({
      'src/story.txt': STORY,
      'src/story.txt.factmark.yaml': STORY_SIDECAR,
      'src/news/other.txt': OTHER,
      'src/news/other.txt.factmark.yaml': OTHER_SIDECAR,
      'dst/story.txt': STORY,
      'dst/news/other.txt': OTHER,
    });
    dirs.push(d);
    return d;
  };
  before(() => assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`));
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  for (const [format, out] of [['brat', 'brat-out'], ['w3c', 'out.jsonld'], ['doccano', 'out.jsonl']] as const) {
    it(`${format}: exports a folder and imports it into copies of the documents, each its own; twice adds nothing`, () => {
      const dir = fresh();
      const exported = factmark(dir, 'export', '-f', format, '--include-suggested', '-o', out, 'src');
      assert.equal(exported.code, 0, exported.stderr);
      const r = factmark(dir, 'import', '-f', format, out, 'dst');
      assert.equal(r.code, 0, r.stderr + r.stdout);
      assert.match(r.stdout, /Imported 3 annotations and 0 facts into 2 documents\./);
      const story = read(dir, 'dst/story.txt.factmark.yaml');
      assert.match(story, /quote: Kim Yong-chol\n(.*\n){0,2}?\s+status: confirmed/);
      assert.match(story, /quote: Panmunjom\n(.*\n){0,2}?\s+status: suggested/);
      assert.doesNotMatch(story, /Busan/);
      assert.match(read(dir, 'dst/news/other.txt.factmark.yaml'), /quote: Busan/);
      const again = factmark(dir, 'import', '-f', format, out, 'dst');
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /Imported 0 annotations and 0 facts/);
    });
  }

  it('into a malformed sidecar: imports nothing there, names its line, leaves it byte for byte (exit 1); the other document is imported', () => {
    const dir = fresh();
    assert.equal(factmark(dir, 'export', '-f', 'brat', '--include-suggested', '-o', 'brat-out', 'src').code, 0);
    const broken = 'factmark: 1\ndocument:\n  path: story.txt\nannotations: [unclosed\n';
    fs.writeFileSync(path.join(dir, 'dst/story.txt.factmark.yaml'), broken);
    const r = factmark(dir, 'import', '-f', 'brat', 'brat-out', 'dst');
    assert.equal(r.code, 1, r.stderr + r.stdout);
    assert.match(r.stderr, /story\.txt.*its sidecar is malformed \(line \d+: .*\); nothing imported/);
    assert.equal(read(dir, 'dst/story.txt.factmark.yaml'), broken);
    assert.match(read(dir, 'dst/news/other.txt.factmark.yaml'), /quote: Busan/);
  });

  it('round-trips a document with a BOM, emoji, Hangul and CRLF through brat, W3C and doccano: the same spans and statuses', () => {
    const text = '\uFEFF😀 Gen. Kim Jong-il met officials of the United Nations in Seoul on 2 March 2006.\r\n남북 회담 in Panmunjom; Kim\u0301 left for Tokyo.\r\n';
    const spans = (yaml: string) => [...yaml.matchAll(/start: (\d+)\n\s+end: (\d+)\n\s+quote: (.*)\n(?:.*\n){0,2}?\s+status: (\w+)/g)].map((m) => m.slice(1).join(' ')).sort();
    for (const [format, out] of [['brat', 'b'], ['w3c', 'w.jsonld'], ['doccano', 'd.jsonl']] as const) {
      const dir = folderWith({ 'src/bom.txt': text, [`dst/bom.txt`]: text });
      dirs.push(dir);
      assert.equal(factmark(dir, 'annotate', '-q', 'src').code, 0);
      const original = spans(read(dir, 'src/bom.txt.factmark.yaml'));
      assert.ok(original.length >= 3, original.join('\n'));
      assert.equal(factmark(dir, 'export', '-f', format, '--include-suggested', '-o', out, 'src').code, 0);
      const r = factmark(dir, 'import', '-f', format, out, 'dst');
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(spans(read(dir, 'dst/bom.txt.factmark.yaml')), original, format);
    }
  });

  it('carries a document date set by hand through W3C and brat: the import sets it and says so', () => {
    // Issue 15 item 5: the date is in every export; one set by hand (no dateline gives it) comes back.
    const text = 'Gen. Kim Yong-chol met officials in Panmunjom.\n';
    const sidecar = `factmark: 1\ndocument:\n  path: story.txt\n  date: "2006-03-01"\noffsets: codepoints\nannotations:\n  - id: a1\n    type: PERSON\n    start: 5\n    end: 18\n    quote: Kim Yong-chol\n    status: confirmed\nfacts: []\n`;
    for (const [format, out] of [['brat', 'b'], ['w3c', 'w.jsonld']] as const) {
      const dir = folderWith({ 'src/story.txt': text, 'src/story.txt.factmark.yaml': sidecar, 'dst/story.txt': text });
      dirs.push(dir);
      assert.equal(factmark(dir, 'export', '-f', format, '-o', out, 'src').code, 0);
      const r = factmark(dir, 'import', '-f', format, out, 'dst');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /document date set to 2006-03-01/, format);
      assert.match(read(dir, 'dst/story.txt.factmark.yaml'), /^ {2}date: "2006-03-01"$/m, format);
    }
  });

  it('adds what the file says to entries the sidecar already has (a fact link, a note, a KB id) and writes it', () => {
    // The merge added the link and the CLI did not write it, as nothing was "added": "sidecar unchanged".
    const text = 'Minister Kim met Lee in Seoul.\n';
    const sidecar = `factmark: 1
document:
  path: w.txt
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
    start: 9
    end: 12
    quote: Kim
    status: confirmed
  - id: a2
    type: PERSON
    start: 17
    end: 20
    quote: Lee
    status: confirmed
facts:
  - id: f1
    label: Meeting
    start: 9
    end: 29
    quote: Kim met Lee in Seoul
    entities: [a1]
`;
    const ann = 'T1\tPERSON 9 12\tKim\n#1\tAnnotatorNotes T1\tthe minister\nT2\tPERSON 17 20\tLee\nN1\tReference T2 Wikidata:Q42\tLee\nT3\tMeeting 9 29\tKim met Lee in Seoul\nE1\tMeeting:T3 Participant:T1 Participant2:T2\n';
    const d = folderWith({ 'w.txt': text, 'w.txt.factmark.yaml': sidecar, 'w.ann': ann });
    dirs.push(d);
    const r = factmark(d, 'import', '--format', 'brat', 'w.ann', 'w.txt');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /w\.txt: 0 annotations and 0 facts added, 3 updated\n/);
    const after = read(d, 'w.txt.factmark.yaml');
    assert.match(after, /entities: \[a1, a2\]/);
    assert.match(after, /note: the minister/);
    assert.match(after, /kb: Q42/);
    const again = factmark(d, 'import', '--format', 'brat', 'w.ann', 'w.txt');
    assert.match(again.stdout, /0 annotations and 0 facts added \(sidecar unchanged\)/, 'a second import changes nothing');
  });

  it('does not write over a change another writer made while it waited for the lock (it merges with it)', async () => {
    // The import compared the sidecar with what it had read, then waited for the writers' lock and
    // replaced the file: a change made by the lock's holder in between was lost.
    const text = 'Minister Kim met Lee in Seoul.\n';
    const head = 'factmark: 1\ndocument:\n  path: w.txt\noffsets: codepoints\nannotations:\n';
    const kim = '  - id: a1\n    type: PERSON\n    start: 9\n    end: 12\n    quote: Kim\n    status: confirmed\n';
    const seoul = '  - id: a9\n    type: PLACE\n    start: 24\n    end: 29\n    quote: Seoul\n    status: confirmed\n';
    const d = folderWith({ 'a/w.txt': text, 'a/w.txt.factmark.yaml': head + kim, 'w.ann': 'T1\tPERSON 17 20\tLee\n' });
    dirs.push(d);
    // Another writer (this test, alive) holds the lock while the import starts.
    const lock = path.join(d, 'a/.w.txt.factmark.yaml.lock');
    fs.writeFileSync(lock, `${process.pid} ${Date.now()}`);
    const child = spawn(process.execPath, [CLI, 'import', '--format', 'brat', 'w.ann', 'a/w.txt'], { cwd: d });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // The import reads the sidecar before it asks for the lock, and says so once it has waited for
    // the lock a while, naming it by its path from where it runs (the lock's file name alone did not
    // say which folder's writer it waits for): only then does the other writer change the sidecar and let go.
    const waiting = new Promise<string>((resolve) => {
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (/waiting for another writer to release a\/\.w\.txt\.factmark\.yaml\.lock\n/.test(stderr)) resolve(stderr);
      });
    });
    await Promise.race([waiting, exited.then(() => assert.fail(`the import ended without waiting for the lock: ${stdout}`))]);
    fs.writeFileSync(path.join(d, 'a/w.txt.factmark.yaml'), head + kim + seoul);
    fs.rmSync(lock);
    assert.equal(await exited, 0, stdout);
    const after = read(d, 'a/w.txt.factmark.yaml');
    assert.match(after, /quote: Lee/, 'the import is in');
    assert.match(after, /id: a9/, 'the other writer\'s annotation is kept');
  });

  it('reads brat, doccano and W3C files that start with a byte-order mark (Notepad writes one), as the editor does', () => {
    // The mark stuck to the first line: "T1" read as "\uFEFFT1", the first doccano line as not JSON.
    const d = folderWith({ 'src/story.txt': STORY, 'src/story.txt.factmark.yaml': STORY_SIDECAR, 'b/story.txt': STORY, 'w/story.txt': STORY, 'j/story.txt': STORY });
    dirs.push(d);
    for (const [format, file, into] of [['brat', 'x.ann', 'b'], ['doccano', 'x.jsonl', 'j'], ['w3c', 'x.jsonld', 'w']]) {
      const exported = factmark(path.join(d, 'src'), 'export', '--format', format, '--include-suggested', '--out', format === 'brat' ? '../bratout' : `../${file}`, '.');
      assert.equal(exported.code, 0, exported.stderr);
      const source = format === 'brat' ? path.join(d, 'bratout/story.ann') : path.join(d, file);
      fs.writeFileSync(source, '\uFEFF' + fs.readFileSync(source, 'utf8'));
      const r = factmark(d, 'import', '--format', format, source, `${into}/story.txt`);
      assert.equal(r.code, 0, `${format}: ${r.stdout}${r.stderr}`);
      assert.equal((read(d, `${into}/story.txt.factmark.yaml`).match(/^ {2}- id:/gm) ?? []).length, (STORY_SIDECAR.match(/^ {2}- id:/gm) ?? []).length, format);
    }
  });

  it('reports annotations for documents that are not among those given (exit 1)', () => {
    const dir = fresh();
    assert.equal(factmark(dir, 'export', '-f', 'w3c', '-o', 'out.jsonld', 'src').code, 0);
    const r = factmark(dir, 'import', '-f', 'w3c', 'out.jsonld', 'dst/story.txt');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /annotations for .*news\/other\.txt, which is not among the documents given/);
    assert.match(read(dir, 'dst/story.txt.factmark.yaml'), /Kim Yong-chol/);
  });

  it('says what is wrong with a file that holds no annotations, without a stack trace (exit 1)', () => {
    const dir = fresh();
    for (const [format, content] of [['w3c', '"hello"'], ['doccano', '[]'], ['brat', 'hello\n']] as const) {
      fs.writeFileSync(path.join(dir, 'bad'), content);
      const r = factmark(dir, 'import', '-f', format, 'bad', 'dst/story.txt');
      assert.equal(r.code, 1, `${format}: ${r.stderr}`);
      assert.match(r.stderr, /not imported/, format);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'a stack trace');
      assert.ok(!fs.existsSync(path.join(dir, 'dst/story.txt.factmark.yaml')));
    }
  });

  it('rejects a missing file, a missing format and missing documents with exit 2', () => {
    const dir = fresh();
    assert.equal(factmark(dir, 'import', '-f', 'w3c', 'nope.jsonld', 'dst').code, 2);
    assert.equal(factmark(dir, 'import', 'x.jsonld', 'dst').code, 2);
    assert.equal(factmark(dir, 'import', '-f', 'w3c', 'x.jsonld').code, 2);
  });
});
