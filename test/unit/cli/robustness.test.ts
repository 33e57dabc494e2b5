/** The CLI on broken pipes, full disks and I/O errors (issue 12, item 8): a message and an exit code, never a stack trace. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, factmark, folderWith, STORY, STORY_SIDECAR } from './run';

const STACK = /\n\s+at .+\(.*:\d+:\d+\)|unexpected error/;

describe('factmark on broken pipes, full disks and I/O errors', function () {
  this.timeout(120_000);
  let dir = '';
  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    const files: Record<string, string> = {};
    // enough documents for an export far larger than a pipe's buffer
    for (let i = 0; i < 300; i++) {
      files[`d${i}.txt`] = STORY;
      files[`d${i}.txt.factmark.yaml`] = STORY_SIDECAR.replace('path: story.txt', `path: d${i}.txt`);
    }
    dir = folderWith(files);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops quietly when the reader closes the pipe (| head -1)', () => {
    for (const command of ['stats', 'export -f json --include-suggested']) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" ${command} . | head -1; exit $(( 0 ))`], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.stdout.split('\n').filter(Boolean).length, 1, command);
      assert.doesNotMatch(r.stderr, STACK, command);
      assert.doesNotMatch(r.stderr, /EPIPE/, command);
    }
  });

  it('says "no space left" and exits 1 when standard output is a full disk', function () {
    if (!fs.existsSync('/dev/full')) this.skip();
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'export', '-f', 'json', '.'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /no space left/);
      assert.doesNotMatch(r.stderr, STACK);
    } finally {
      fs.closeSync(full);
    }
  });

  it('names an I/O error on the output path and exits 1', () => {
    const r = factmark(dir, 'export', '-f', 'json', '-o', path.join('d0.txt', 'out.json'), 'd0.txt');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^factmark: .*\[E[A-Z]+\]/m);
    assert.doesNotMatch(r.stderr, STACK);
    assert.equal(fs.readFileSync(path.join(dir, 'd0.txt'), 'utf8'), STORY);
  });
});
