/** Copies of a sidecar beside it (RELIABILITY-CASES D8): named so by sync tools, merges and file managers. */
import * as assert from 'node:assert/strict';
import { sidecarCopiedAs } from '../../../../src/core/sidecar';

describe('copies of a sidecar beside it (D8)', () => {
  it('knows the names sync tools, merges and file managers give a copy of story.txt.factmark.yaml', () => {
    for (const name of [
      'story.txt.factmark.sync-conflict-20261206-101010-ABCD123.yaml', // Syncthing
      "story.txt.factmark (Jane Doe's conflicted copy 2026-12-06).yaml", // Dropbox
      'story.txt.factmark (conflicted copy 2026-12-06 101010).yaml', // Nextcloud
      'story.txt.factmark_conflict-20261206-101010.yaml', // ownCloud
      'story.txt.factmark-LAPTOP-7.yaml', // OneDrive
      'story.txt.factmark_LOCAL_4242.yaml', // git mergetool
      'story.txt.factmark.yaml.orig', // git
      'story.txt.factmark.yaml.conflict-20261206T101010', // Factmark's own, when the sidecar could not be read
      'story.txt.factmark (1).yaml',
      'story.txt.factmark copy.yaml',
      'story.txt.factmark - Copy.yaml',
      'story.txt.factmark(1).yaml', // google-drive-ocamlfuse's copy of a name Google Drive holds twice (no space)
      'story.txt.factmark.yaml.mine', // Subversion's leftovers of a conflict: yours, and the two revisions
      'story.txt.factmark.yaml.r12',
    ]) {
      assert.equal(sidecarCopiedAs(name), 'story.txt.factmark.yaml', name);
    }
  });

  it("takes no sidecar, no other file and none of Factmark's own lock or temporary files for a copy", () => {
    for (const name of [
      'story.txt.factmark.yaml',
      'story.txt',
      'story.txt.factmark.yaml.txt.factmark.yaml', // the sidecar of another document
      '.story.txt.factmark.yaml.lock',
      '.story.txt.factmark.yaml.4242-mabc12-0.tmp',
      'notes.yaml',
      'factmark.yaml',
      'story.txt.factmark.yml',
      'story.txt.factmark.yaml~', // an editor's backup of a hand edit: the user's own earlier version
      'story.txt.factmark.yaml.bak',
    ]) {
      assert.equal(sidecarCopiedAs(name), undefined, name);
    }
  });
});
