import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { gitBlobSha1 } from '../../../src/core/sidecar';
import { TextStore } from '../../../src/node/textStore';
import { closeAllEditors, eventually, openInEditor, workspaceDir } from '../helpers';
import { expectOnSecondAfterEdit, OLD, sidecarOnSecond } from '../copiedSentence';

// Issue 11: without the text a sidecar's offsets were made on, re-anchoring after an edit made
// outside VS Code can only search, and a copied sentence misleads it. Git has that text only for
// committed articles; Factmark keeps a copy of every text it writes a sidecar on (src/node/textStore.ts,
// shared with the CLI), and the host runner gives this run a store of its own (FACTMARK_TEXT_STORE).

const DIR = 'kept-texts';
const LINE = 'Ben Salah said Tunisia would ask for funding.';

describe('Kept texts: the old text of an article edited outside VS Code, without git (issue 11)', function () {
  this.timeout(60_000);
  let store: TextStore;
  let dir: string;

  before(function () {
    const folder = process.env.FACTMARK_TEXT_STORE;
    if (!folder || folder === 'off') {
      console.log('      (skipped: this host gives the run no text store of its own, FACTMARK_TEXT_STORE)');
      return this.skip();
    }
    store = new TextStore(folder);
    dir = path.join(workspaceDir(), DIR);
    fs.mkdirSync(dir, { recursive: true });
  });
  afterEach(closeAllEditors);

  it('a closed article changed on disk is re-anchored by diff from the kept copy: the name stays on the mention it was on', async () => {
    // The same sentence twice: only the old text tells which mention was annotated.
    const file = path.join(dir, 'closed.txt');
    fs.writeFileSync(file + '.factmark.yaml', sidecarOnSecond('closed.txt'));
    // Kept by an earlier session or by the CLI (`factmark annotate`), never opened in this one.
    assert.equal(store.put(new TextEncoder().encode(OLD)), gitBlobSha1(OLD));
    await expectOnSecondAfterEdit(file);
  });

  it('the text a sidecar is written on is kept, by the fingerprint the sidecar gives it', async () => {
    const text = `Talks\n\n${LINE}\n`;
    const file = path.join(dir, 'written.txt');
    fs.writeFileSync(file, text);
    const uri = vscode.Uri.file(file);
    await openInEditor(uri);
    const at = text.indexOf('Ben Salah');
    await vscode.commands.executeCommand('factmark.internal.editAnnotations', uri, { add: [{ type: 'PERSON', start: at, end: at + 9, status: 'confirmed' }] });
    const sidecar = await eventually(() => (fs.existsSync(file + '.factmark.yaml') ? fs.readFileSync(file + '.factmark.yaml', 'utf8') : undefined), 'no sidecar was written');
    assert.match(sidecar, new RegExp(`gitBlob: "?${gitBlobSha1(text)}`));
    const kept = await eventually(() => store.get(gitBlobSha1(text)), 'the text the sidecar was written on was not kept');
    assert.equal(new TextDecoder().decode(kept), text);
  });
});
