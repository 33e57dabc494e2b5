import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ImportOutcome } from '../../src/features/importAnnotations';
import { KOREA } from '../fixtures/articles';
import { eventually, findNotification } from '../integration/helpers';
import { largeW3c } from '../integration/largeImport';
import { page, suiteFolder } from './env';

// Import Annotations… on the web: the file is read and the sidecar written through `vscode.workspace.fs`
// (`vscode-remote:` URIs), and large files run in the extension host, since there is no worker thread.

describe('Importing annotations on the web', function () {
  this.timeout(120_000);
  const { uri, write } = suiteFolder('web-import');
  const read = async (file: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(file));

  it('imports a brat file into the sidecar and says what it could not place', async () => {
    const doc = await write('brat.txt', KOREA);
    const ann = await write('brat.ann', ['T1\tPERSON 5 18\tKim Yong-chol', 'T2\tPLACE 41 50\tPanmunjom', 'T3\tPERSON 90 101\tKim Jong Il', ''].join('\n'));
    await vscode.commands.executeCommand('notifications.clearAll');
    const outcome = await vscode.commands.executeCommand<ImportOutcome | undefined>('factmark.importAnnotations', { file: ann, format: 'brat', document: doc });
    assert.ok(outcome, 'the import was refused or cancelled');
    assert.equal(outcome.addedAnnotations, 2);
    // On the server's disk, as git or the CLI would read it.
    const sidecar = await eventually(async () => {
      const s = await read(uri('brat.txt.factmark.yaml')).catch(() => '');
      return /quote: Kim Yong-chol\n/.test(s) && /quote: Panmunjom\n/.test(s) ? s : undefined;
    }, 'the sidecar on disk does not hold the imported annotations', 30_000);
    assert.match(sidecar, /type: PLACE\n\s+start: 41\n\s+end: 50\n\s+quote: Panmunjom/);
    assert.ok(!/Kim Jong Il/.test(sidecar), 'an annotation whose text is not in the article was imported');
    const warning = await findNotification(await page(), '1 not imported', /imported 2 annotations .* 1 not imported: 1 whose text is not in the document/);
    await vscode.commands.executeCommand('notifications.hideList');
    assert.ok(warning, 'no notification says what was imported and what was not');
  });

  it('imports a W3C file of over 1 MB in a Web Worker, off the web extension host’s thread (there is no worker thread on the web)', async () => {
    const doc = uri('large.txt');
    const name = vscode.workspace.asRelativePath(doc);
    const { text, w3c } = largeW3c(KOREA, 1.2 * 1024 * 1024, name, doc.toString());
    assert.ok(w3c.length > 1024 * 1024, 'precondition: the file is large enough to go off the main thread on the desktop');
    await write('large.txt', text);
    const file = await write('large.jsonld', w3c);
    const outcome = await vscode.commands.executeCommand<ImportOutcome | undefined>('factmark.importAnnotations', { file, format: 'w3c', document: doc });
    assert.ok(outcome, 'the import was refused or cancelled');
    // Issue 12: on the web the importer itself (one JSON.parse of the whole file) held the host.
    assert.equal(outcome.ranIn, 'worker', 'the large import ran in the extension host, not in a Web Worker');
    assert.ok(outcome.addedAnnotations > 1000, `only ${outcome.addedAnnotations} annotations imported`);
    assert.deepEqual(outcome.problems, []);
    const sidecar = uri('large.txt.factmark.yaml');
    await eventually(async () => ((await read(sidecar).catch(() => '')).match(/^ {2}- id: a-/gm) ?? []).length === outcome.addedAnnotations, 'the sidecar on disk does not hold every imported annotation', 60_000);
  });
});
