/**
 * The core's long jobs run in a worker thread (dist/worker.js) so that the extension host keeps
 * answering: large imports (issue 12, "imports of large files off the extension host's main thread")
 * and the anchoring of a sidecar on a long text that changed (issue 11). What comes back must be what
 * the same job gives in the extension host itself, problems and orphans included.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findExportFormat } from '../../../src/core/export';
import { runImportJob, type ImportJob } from '../../../src/core/export/importJob';
import type { ExportInput } from '../../../src/core/export/types';
import type { Annotation, Fact } from '../../../src/core/model';
import { runCoreJob, type CoreJob, type ReanchorRun } from '../../../src/core/jobs';
import { parseSidecar, updateSidecar } from '../../../src/core/sidecar';
import { JobCancelled, runInWorkerThread } from '../../../src/node/workerThread';
import { hardDocument, repoRoot } from '../core/export/fixtures';
import { movedParagraphs } from '../../fixtures/movedParagraphs';
// The store of kept texts off, as for every test that runs the CLI's code (test/fixtures/paths.ts).
import '../../fixtures/paths';

const WORKER = path.join(repoRoot, 'dist', 'worker.js');
const importInWorker = (job: ImportJob, signal?: AbortSignal) => runInWorkerThread(WORKER, { kind: 'import', job }, signal);

/** The hard document (emoji, Hangul, combining marks, CRLF, notes, suggested) repeated `times` times, annotations and facts with it. */
function repeated(times: number): ExportInput {
  const one = hardDocument();
  const step = one.text.length + 2;
  const annotations: Annotation[] = [];
  const facts: Fact[] = [];
  for (let k = 0; k < times; k++) {
    const id = (old: string) => `${old}-${k}`;
    for (const a of one.doc.annotations) annotations.push({ ...a, id: id(a.id), start: a.start + k * step, end: a.end + k * step });
    for (const f of one.doc.facts) facts.push({ ...f, id: id(f.id), start: f.start + k * step, end: f.end + k * step, entities: f.entities.map(id) });
  }
  return { ...one, text: Array(times).fill(one.text).join('\r\n'), doc: { ...one.doc, annotations, facts } };
}

/** The import job of one format's export of `input` (brat: its .ann). */
function jobFor(format: string, input: ExportInput): ImportJob {
  const files = findExportFormat(format)!.export([input], { includeSuggested: true }).files;
  const file = format === 'brat' ? files.find((f) => f.name.endsWith('.ann'))! : files[0];
  return { format, content: file.content, text: input.text, options: { documentName: input.name } };
}

describe('import in a worker thread (dist/worker.js)', function () {
  this.timeout(60_000);
  before(() => assert.ok(fs.existsSync(WORKER), `${WORKER} is missing: run "npm run build" first`));
  const input = repeated(200);

  for (const format of ['w3c', 'brat', 'doccano']) {
    it(`gives the same ${format} import result as the importer run in the extension host`, async () => {
      const job = jobFor(format, input);
      const here = runImportJob(job);
      assert.ok(here.annotations.length >= 2000, `only ${here.annotations.length} annotations imported`);
      assert.deepEqual(await importInWorker(job), here);
    });
  }

  it('reports what it could not import the same way (a file that is not JSON, an unknown format)', async () => {
    for (const job of [
      { format: 'w3c', content: 'not JSON', text: input.text, options: {} },
      { format: 'nope', content: '', text: '', options: {} },
    ]) {
      const here = runImportJob(job);
      assert.ok(here.problems.length > 0);
      assert.deepEqual(await importInWorker(job), here);
    }
  });

  it('stops when cancelled, with nothing imported', async () => {
    const abort = new AbortController();
    const running = importInWorker(jobFor('w3c', repeated(600)), abort.signal);
    abort.abort();
    await assert.rejects(running, JobCancelled);
  });
});

/** A sidecar made on the old text of {@link movedParagraphs}, with the text as it is now. */
function changedArticle(): { old: string; text: string; sidecar: string } {
  const { old, text, annotations } = movedParagraphs();
  return { old, text, sidecar: updateSidecar(undefined, { text: old, document: { path: 'a.txt', annotations, facts: [] } }) };
}

describe('anchoring in a worker thread (dist/worker.js, issue 11)', function () {
  this.timeout(60_000);
  before(() => assert.ok(fs.existsSync(WORKER), `${WORKER} is missing: run "npm run build" first`));
  const { old, text, sidecar } = changedArticle();
  const data = parseSidecar(sidecar).doc!;

  for (const oldText of [old, undefined]) {
    it(`loads a sidecar on a changed text as the extension host does (${oldText ? 'old text known' : 'by the sentence fingerprints'})`, async () => {
      const job: CoreJob = { kind: 'load', job: { data, text, oldText } };
      const here = runCoreJob(job);
      assert.equal(here.document.annotations.length, 400);
      assert.ok(here.placements.length > 350, `only ${here.placements.length} placed`);
      assert.deepEqual(await runInWorkerThread(WORKER, job), here);
    });
  }

  it('re-anchors queries as the extension host does, orphans included', async () => {
    const queries = data.annotations.map((a) => ({ id: a.id, start: a.start, end: a.end, quote: a.quote }));
    const runs: ReanchorRun[] = [
      { old, text, queries },
      { text: text.replace(/Seoul/g, 'Busan'), queries },
    ];
    const here = runCoreJob({ kind: 'reanchor', job: runs });
    assert.ok(here[1].orphans.length >= 200, 'the names taken out were not orphaned');
    assert.deepEqual(await runInWorkerThread(WORKER, { kind: 'reanchor', job: runs }), here);
  });
});
