import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KOREA, KOREA_SIDECAR } from '../../fixtures/articles';
import { gitBlobSha1 } from '../../../src/core/sidecar';
import { CLI, factmark, read } from './run';

const HARBOUR = `Lisbon, 14 May 2019

The Port of Lisbon and the city council of Porto signed an agreement on Tuesday.
Mayor Rui Moreira said the accord would take effect in January 2020.
`;

/** A fresh fixture folder: korea.txt (reviewed sidecar) and news/harbour.txt (no sidecar). */
function fixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-cli-'));
  fs.writeFileSync(path.join(dir, 'korea.txt'), KOREA);
  fs.writeFileSync(path.join(dir, 'korea.txt.factmark.yaml'), KOREA_SIDECAR);
  fs.mkdirSync(path.join(dir, 'news'));
  fs.writeFileSync(path.join(dir, 'news/harbour.txt'), HARBOUR);
  return dir;
}


describe('factmark CLI (dist/cli.js as a process)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  const fresh = () => {
    const d = fixture();
    dirs.push(d);
    return d;
  };

  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first (npm test does)`);
  });

  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  describe('help and errors', () => {
    it('prints help for the tool and for each command', () => {
      const main = factmark(os.tmpdir(), '--help');
      assert.equal(main.code, 0);
      for (const c of ['annotate', 'export', 'check', 'stats']) assert.match(main.stdout, new RegExp(`^  ${c} `, 'm'));
      for (const c of ['annotate', 'export', 'check', 'stats']) {
        const r = factmark(os.tmpdir(), c, '--help');
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, new RegExp(`^Usage: factmark ${c}`));
      }
      const exp = factmark(os.tmpdir(), 'export', '--help').stdout;
      for (const id of ['w3c', 'brat', 'conll', 'doccano', 'json', 'csv', 'markdown']) assert.match(exp, new RegExp(`^  ${id} `, 'm'));
    });

    it('rejects an unknown command, option or format with exit code 2 and says what is known', () => {
      const dir = fresh();
      const cmd = factmark(dir, 'anotate');
      assert.equal(cmd.code, 2);
      assert.match(cmd.stderr, /unknown command "anotate".*annotate, export, import, check, stats/);
      const opt = factmark(dir, 'stats', '--colour');
      assert.equal(opt.code, 2);
      assert.match(opt.stderr, /Unknown option '--colour'/);
      const fmt = factmark(dir, 'export', '--format', 'xlsx');
      assert.equal(fmt.code, 2);
      assert.match(fmt.stderr, /unknown format "xlsx" \(formats: w3c, brat, conll, doccano, json, csv, markdown\)/);
      const none = factmark(dir, 'export');
      assert.equal(none.code, 2);
      assert.match(none.stderr, /--format is required/);
    });

    it('names a missing file or folder', () => {
      const dir = fresh();
      for (const c of ['annotate', 'check', 'stats']) {
        const r = factmark(dir, c, 'no-such-article.txt');
        assert.equal(r.code, 2, `${c}: ${r.stderr}`);
        assert.match(r.stderr, /no such file or folder: no-such-article\.txt/);
      }
    });
  });

  describe('annotate', () => {
    it('writes a sidecar of suggestions for each article, and keeps a reviewed sidecar', () => {
      const dir = fresh();
      const r = factmark(dir, 'annotate', '--jobs', '1');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Annotated 2 of 2 files/);
      const harbour = read(dir, 'news/harbour.txt.factmark.yaml');
      assert.match(harbour, /^factmark: 1$/m);
      assert.match(harbour, /date: "2019-05-14"/, 'the dateline is the document date');
      assert.match(harbour, /type: PERSON\n\s+start: \d+\n\s+end: \d+\n\s+quote: Rui Moreira/);
      assert.match(harbour, /quote: January 2020\n(.*\n)*?\s+status: suggested\n\s+value: "2020-01"/);
      assert.doesNotMatch(harbour, /status: confirmed/);

      const korea = read(dir, 'korea.txt.factmark.yaml');
      assert.ok(korea.startsWith('# reviewed by hand: keep this comment\n'), 'the comment is gone');
      assert.match(korea, /id: a1\n\s+type: PERSON(.*\n)*?\s+status: confirmed/);
      assert.equal(korea.match(/quote: Panmunjom\n/g)?.length, 1, 'the rejected Panmunjom was suggested again');
      assert.match(korea, /quote: Panmunjom\n(.*\n)*?\s+status: rejected/);
    });

    it('adds nothing the second time', () => {
      const dir = fresh();
      assert.equal(factmark(dir, 'annotate', '-j', '1').code, 0);
      const before = read(dir, 'news/harbour.txt.factmark.yaml');
      const again = factmark(dir, 'annotate', '-j', '1');
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /0 suggestions added; 0 sidecars created, 0 updated, 2 unchanged/);
      assert.equal(read(dir, 'news/harbour.txt.factmark.yaml'), before);
    });

    it('writes the same sidecars with worker threads as without', () => {
      const one = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-cli-jobs-'));
      dirs.push(one);
      const many = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-cli-jobs-'));
      dirs.push(many);
      for (let i = 0; i < 24; i++) {
        const text = i % 2 ? HARBOUR : KOREA;
        for (const d of [one, many]) fs.writeFileSync(path.join(d, `a${String(i).padStart(2, '0')}.txt`), text);
      }
      const serial = factmark(one, 'annotate', '--jobs', '1');
      const parallel = factmark(many, 'annotate', '--jobs', '3');
      assert.equal(serial.code, 0, serial.stderr);
      assert.equal(parallel.code, 0, parallel.stderr);
      assert.match(serial.stdout, / on 1 thread /);
      assert.match(parallel.stdout, / on 3 threads .*24 sidecars created/);
      for (let i = 0; i < 24; i++) {
        const name = `a${String(i).padStart(2, '0')}.txt.factmark.yaml`;
        assert.equal(read(many, name), read(one, name), name);
      }
    });

    it('reports a malformed sidecar and leaves it untouched (exit 1)', () => {
      const dir = fresh();
      const broken = 'factmark: 1\ndocument:\n  path: korea.txt\nannotations:\n  - id: a1\n    start: [\n';
      fs.writeFileSync(path.join(dir, 'korea.txt.factmark.yaml'), broken);
      const r = factmark(dir, 'annotate', '-j', '1');
      assert.equal(r.code, 1);
      assert.match(r.stderr, /korea\.txt: error: its sidecar is malformed \(line \d+/);
      assert.equal(read(dir, 'korea.txt.factmark.yaml'), broken);
      assert.ok(fs.existsSync(path.join(dir, 'news/harbour.txt.factmark.yaml')), 'the other file was not annotated');
    });
  });

  describe('check', () => {
    it('passes valid sidecars', () => {
      const dir = fresh();
      const r = factmark(dir, 'check');
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /Checked 1 sidecar: all valid/);
    });

    it('fails on a malformed sidecar, naming file and line', () => {
      const dir = fresh();
      fs.writeFileSync(path.join(dir, 'korea.txt.factmark.yaml'), KOREA_SIDECAR.replace('    status: rejected\n', '    status: maybe\n'));
      const r = factmark(dir, 'check');
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^korea\.txt\.factmark\.yaml:\d+:\d+: error: .*\[SCHEMA\]$/m);
      assert.match(r.stdout, /1 with errors/);
    });

    it('fails on a copy of a sidecar beside it (a sync conflict, a merge leftover), naming it, and on a document that has only a copy (D8)', () => {
      const dir = fresh();
      const conflict = 'korea.txt.factmark.sync-conflict-20261206-101010-ABCD123.yaml';
      fs.writeFileSync(path.join(dir, conflict), KOREA_SIDECAR.replace('status: rejected', 'status: confirmed'));
      fs.mkdirSync(path.join(dir, 'other'));
      fs.writeFileSync(path.join(dir, 'other/korea.txt'), KOREA);
      fs.writeFileSync(path.join(dir, "other/korea.txt.factmark (Jane's conflicted copy 2026-12-06).yaml"), KOREA_SIDECAR);
      const r = factmark(dir, 'check');
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stdout, new RegExp(`^korea\\.txt\\.factmark\\.yaml: error: ${conflict.replace(/\./g, '\\.')} beside it looks like a copy of this sidecar .*merge what it holds into korea\\.txt\\.factmark\\.yaml by hand.* \\[COPY\\]$`, 'm'));
      assert.match(r.stdout, /^other\/korea\.txt\.factmark\.yaml: error: korea\.txt\.factmark \(Jane's conflicted copy 2026-12-06\)\.yaml beside it .*korea\.txt\.factmark\.yaml itself is missing: rename the copy to it.* \[COPY\]$/m);
      assert.doesNotMatch(r.stdout, /^other\/korea\.txt\.factmark\.yaml: error: no sidecar/m, 'the copy-only article is told to run annotate, which would start a new sidecar');
      assert.match(r.stdout, /Checked 2 sidecars: 2 with errors/);
      // Named on its own, the sidecar is checked with its copy; the copy named stands for its document.
      assert.match(factmark(dir, 'check', 'korea.txt.factmark.yaml').stdout, /\[COPY\]/);
      assert.match(factmark(dir, 'check', conflict).stdout, /^korea\.txt\.factmark\.yaml: error: .*\[COPY\]$/m);
      fs.rmSync(path.join(dir, conflict));
      fs.rmSync(path.join(dir, 'other'), { recursive: true });
      assert.equal(factmark(dir, 'check').code, 0);
      // A folder named like a copy holds no annotations of the document (VS Code does not tell of it either).
      fs.mkdirSync(path.join(dir, 'korea.txt.factmark (1).yaml'));
      const folder = factmark(dir, 'check');
      assert.equal(folder.code, 0, folder.stdout);
    });

    it('does not fail on a copy that holds nothing the sidecar does not: a link to the sidecar is no copy, a byte-for-byte copy is a warning to delete it (D8)', () => {
      const dir = fresh();
      const sidecar = path.join(dir, 'korea.txt.factmark.yaml');
      // A link named like a copy, to the sidecar itself: the same file, which always holds what the sidecar does.
      fs.symlinkSync('korea.txt.factmark.yaml', path.join(dir, 'korea.txt.factmark (1).yaml'));
      const link = factmark(dir, 'check');
      assert.equal(link.code, 0, link.stdout);
      assert.doesNotMatch(link.stdout, /\(1\)/, 'the link to the sidecar is named');
      assert.match(link.stdout, /Checked 1 sidecar: all valid\.$/m);
      // A sync tool's conflict copy that came out the same, byte for byte: nothing lost, clutter to delete.
      const same = path.join(dir, 'korea.txt.factmark.sync-conflict-20261206-101010-ABCD123.yaml');
      fs.copyFileSync(sidecar, same);
      const r = factmark(dir, 'check');
      assert.equal(r.code, 0, r.stdout);
      assert.match(r.stdout, /^korea\.txt\.factmark\.yaml: warning: korea\.txt\.factmark\.sync-conflict-20261206-101010-ABCD123\.yaml beside it is the same as this sidecar, byte for byte: it holds nothing the sidecar does not; delete it \[COPY_SAME\]$/m);
      assert.match(r.stdout, /Checked 1 sidecar: all valid \(1 warning\)\.$/m);
      // The same size but one byte apart (a status changed on one side): a copy to merge, as before.
      fs.writeFileSync(same, KOREA_SIDECAR.replace('status: rejected', 'status: rejectex'));
      assert.equal(fs.statSync(same).size, fs.statSync(sidecar).size);
      const differs = factmark(dir, 'check');
      assert.equal(differs.code, 1, differs.stdout);
      assert.match(differs.stdout, /sync-conflict-20261206-101010-ABCD123\.yaml beside it looks like a copy of this sidecar .*\[COPY\]$/m);
    });

    it('fails on an orphan: an annotation whose text is gone from the document', () => {
      const dir = fresh();
      fs.writeFileSync(path.join(dir, 'korea.txt'), KOREA.replace('Kim Yong-chol', 'the delegation head'));
      const r = factmark(dir, 'check', '--json');
      assert.equal(r.code, 1);
      const report = JSON.parse(r.stdout) as { failed: number; findings: Array<{ code: string; message: string }> };
      assert.equal(report.failed, 1);
      assert.ok(report.findings.some((f) => f.code === 'ORPHAN' && f.message.includes('a1 “Kim Yong-chol”')), r.stdout);
    });

    it('warns of an offset edited by hand (its quote kept), naming the entry and its line, and places it by its quote', () => {
      const dir = fresh();
      // The fingerprint says the text is the one the offsets were written for: a2 "U.S." (23-27) was moved by hand onto "Gen."
      const sidecar = KOREA_SIDECAR.replace('  date: "2006-03-02"\n', `  date: "2006-03-02"\n  gitBlob: "${gitBlobSha1(KOREA)}"\n`).replace('    start: 23\n    end: 27\n    quote: U.S.\n', '    start: 0\n    end: 4\n    quote: U.S.\n    prefix: "Gen. Kim Yong-chol met "\n    suffix: " officials in Panmunjom on 2"\n');
      fs.writeFileSync(path.join(dir, 'korea.txt.factmark.yaml'), sidecar);
      const line = sidecar.split('\n').indexOf('    start: 0') + 1;
      const r = factmark(dir, 'check');
      assert.equal(r.code, 0, r.stdout);
      assert.match(r.stdout, new RegExp(`^korea\\.txt\\.factmark\\.yaml:${line}:\\d+: warning: a2 “U\\.S\\.”: .*0.*4.*23.*27.* \\[OFFSETS\\]$`, 'm'));
      assert.doesNotMatch(r.stdout, /all valid\./);
      const exported = factmark(dir, 'export', '-f', 'json');
      assert.match(exported.stdout, /"id": "a2",\s+"type": "PLACE",\s+"status": "confirmed",\s+"start": 23,\s+"end": 27,\s+"text": "U\.S\."/);
    });

    it('annotate and import, which rewrite a sidecar with an entry placed by its quote, say so on stderr (never silently)', () => {
      // After check warned, annotate (and import) wrote the quote's offsets into the sidecar and said nothing.
      const moved = KOREA_SIDECAR.replace('  date: "2006-03-02"\n', `  date: "2006-03-02"\n  gitBlob: "${gitBlobSha1(KOREA)}"\n`).replace('    start: 23\n    end: 27\n    quote: U.S.\n', '    start: 0\n    end: 4\n    quote: U.S.\n    prefix: "Gen. Kim Yong-chol met "\n    suffix: " officials in Panmunjom on 2"\n');
      const line = moved.split('\n').indexOf('    start: 0') + 1;
      const warned = new RegExp(`^korea\\.txt\\.factmark\\.yaml:${line}:5: warning: a2 “U\\.S\\.”: .*0.*4.*23.*27.* \\[OFFSETS\\]$`, 'm');
      const dir = fresh();
      fs.writeFileSync(path.join(dir, 'korea.txt.factmark.yaml'), moved);
      const annotated = factmark(dir, 'annotate', '--quiet', 'korea.txt');
      assert.equal(annotated.code, 0, annotated.stderr);
      assert.match(annotated.stderr, warned);
      assert.match(read(dir, 'korea.txt.factmark.yaml'), /start: 23\n\s+end: 27\n\s+quote: U\.S\./);
      fs.writeFileSync(path.join(dir, 'korea.txt.factmark.yaml'), moved);
      fs.writeFileSync(path.join(dir, 'korea.ann'), 'T1\tPLACE 41 50\tPanmunjom\nT2\tORG 23 27\tU.S.\n');
      const imported = factmark(dir, 'import', '-f', 'brat', 'korea.ann', 'korea.txt');
      assert.equal(imported.code, 0, imported.stderr + imported.stdout);
      assert.match(imported.stderr, warned);
      assert.match(read(dir, 'korea.txt.factmark.yaml'), /start: 23\n\s+end: 27\n\s+quote: U\.S\./);
    });

    it('fails on a fact that links an annotation the sidecar does not have', () => {
      const dir = fresh();
      fs.writeFileSync(path.join(dir, 'korea.txt.factmark.yaml'), KOREA_SIDECAR.replace('entities: [a1, a2, a4]', 'entities: [a1, a2, a9]'));
      const r = factmark(dir, 'check');
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^korea\.txt\.factmark\.yaml: error: fact f1 links a9, which is not an annotation of this sidecar \[DANGLING\]$/m);
    });

    it('fails when the document of a sidecar is missing', () => {
      const dir = fresh();
      fs.rmSync(path.join(dir, 'korea.txt'));
      const r = factmark(dir, 'check');
      assert.equal(r.code, 1);
      assert.match(r.stdout, /korea\.txt\.factmark\.yaml: error: its document korea\.txt is missing/);
    });
  });

  describe('export', () => {
    it('does not count as exported the facts that CSV, CoNLL and doccano leave out (it warns of them once)', () => {
      // 'warning: korea.txt: ... not exported: 1 fact' was followed by 'Exported 3 annotations and 1 fact'.
      const dir = fresh();
      for (const format of ['csv', 'conll', 'doccano']) {
        const r = factmark(dir, 'export', '--format', format, '--out', `out.${format}`);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stderr, /not exported: .*1 fact/);
        assert.match(r.stderr, /Exported 3 annotations from 1 document to out/);
      }
    });

    it('writes brat standoff into a folder: one .ann per document and annotation.conf', () => {
      const dir = fresh();
      const r = factmark(dir, 'export', '--format', 'brat', '--out', 'out');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /Exported 3 annotations and 1 fact from 1 document to out/);
      const ann = read(dir, 'out/korea.ann');
      assert.match(ann, /^T1\tPERSON 5 18\tKim Yong-chol$/m);
      assert.match(ann, /^T2\tPLACE 23 27\tU\.S\.$/m);
      assert.doesNotMatch(ann, /Panmunjom\n/, 'a rejected annotation was exported');
      assert.match(ann, /^E1\tMeeting:T\d+ Participant:T1 Participant2:T2 Participant3:T\d+$/m);
      const conf = read(dir, 'out/annotation.conf');
      assert.match(conf, /^\[entities\]\nPERSON\n(.+\n)*?PLACE\nDATE\n/m);
      assert.match(conf, /^Meeting\tParticipant\*:/m);
    });

    it('writes a single-file format to standard output, or to the file given', () => {
      const dir = fresh();
      const csv = factmark(dir, 'export', '-f', 'csv');
      assert.equal(csv.code, 0, csv.stderr);
      assert.equal(csv.stdout.split('\r\n')[0], 'document,id,type,status,quote,value,kb,note,line,column,start,end,documentDate');
      assert.ok(csv.stdout.includes('korea.txt,a2,PLACE,confirmed,U.S.,,Q30,,1,24,23,27,2006-03-02\r\n'), csv.stdout);

      const w3c = factmark(dir, 'export', '-f', 'w3c', '-o', 'annotations.jsonld', '--include-suggested');
      assert.equal(w3c.code, 0, w3c.stderr);
      const doc = JSON.parse(read(dir, 'annotations.jsonld'));
      assert.equal(doc.type, 'AnnotationCollection');
      // The source carries the document's date (dcterms:date) beside its IRI.
      const source = doc.first.items[0].target.source.id as string;
      assert.equal(doc.first.items[0].target.source['dcterms:date'], '2006-03-02');
      assert.ok(source.startsWith('file://') && source.endsWith('/korea.txt'), `the W3C target is ${source}, not the file URI`);
    });

    it('asks for a folder when the format writes several files', () => {
      const dir = fresh();
      const r = factmark(dir, 'export', '-f', 'brat');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /brat writes 3 files: give a folder with --out/);
      fs.writeFileSync(path.join(dir, 'taken'), '');
      const onFile = factmark(dir, 'export', '-f', 'brat', '-o', 'taken');
      assert.equal(onFile.code, 2);
      assert.match(onFile.stderr, /taken is a file, but brat writes 3 files: give a folder with --out/);
    });

    it('exports nothing when a sidecar is malformed', () => {
      const dir = fresh();
      fs.writeFileSync(path.join(dir, 'korea.txt.factmark.yaml'), 'factmark: 1\ndocument: [\n');
      const r = factmark(dir, 'export', '-f', 'json', '-o', 'out.json');
      assert.equal(r.code, 1);
      assert.match(r.stderr, /korea\.txt\.factmark\.yaml: error: malformed sidecar \(line \d+/);
      assert.ok(!fs.existsSync(path.join(dir, 'out.json')));
    });
  });

  describe('stats', () => {
    it('counts annotations by type and status, facts and documents', () => {
      const dir = fresh();
      const r = factmark(dir, 'stats', '--json');
      assert.equal(r.code, 0, r.stderr);
      const s = JSON.parse(r.stdout);
      assert.equal(s.documents, 1);
      assert.equal(s.facts, 1);
      assert.deepEqual(s.annotations.byType.PLACE, { confirmed: 1, suggested: 0, rejected: 1 });
      assert.equal(s.annotations.confirmed, 3);
      const table = factmark(dir, 'stats').stdout;
      assert.match(table, /^1 document, 1 fact, 0 orphans$/m);
      assert.match(table, /^PLACE\s+1\s+0\s+1$/m);
    });

    it('exits 1 when a sidecar is invalid, still printing the counts and naming the sidecar on stderr', () => {
      const dir = fresh();
      fs.writeFileSync(path.join(dir, 'news/harbour.txt.factmark.yaml'), 'factmark: 1\ndocument: [\n');
      const r = factmark(dir, 'stats');
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stdout, /^1 document, 1 fact, 0 orphans, 1 invalid sidecar$/m);
      assert.match(r.stderr, /news\/harbour\.txt\.factmark\.yaml(:\d+:\d+)?: error: /);
      const json = factmark(dir, 'stats', '--json');
      assert.equal(json.code, 1);
      assert.equal(JSON.parse(json.stdout).invalid, 1);
    });
  });
});
