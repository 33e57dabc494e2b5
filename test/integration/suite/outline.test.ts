import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, openInEditor, workspaceDir, writeWorkspaceFile } from '../helpers';
import { workbench } from '../workbench';

const TEXT = 'Gen. Kim Yong-chol met U.S. officials in Panmunjom on 2 March 2006.\nSeoul said nothing.\n';
const SIDECAR = `factmark: 1
document:
  path: korea.txt
offsets: codepoints
annotations:
  - id: a1
    type: PERSON
    start: 5
    end: 18
    quote: Kim Yong-chol
    status: confirmed

  - id: a2
    type: PLACE
    start: 68
    end: 73
    quote: Seoul
    status: confirmed
facts:
  - id: f1
    label: Meeting
    start: 5
    end: 66
    quote: Kim Yong-chol met U.S. officials in Panmunjom on 2 March 2006
    entities: [a1]
    date: "2006-03-02"
`;

/** The names the Outline view shows, top to bottom (children indented under their fact). */
function outlineRows(): Promise<string[]> | undefined {
  return workbench()?.evaluate(() =>
    Array.from(document.querySelectorAll('.outline-pane .monaco-list-row')).map((r) => (r.querySelector('.label-name')?.textContent ?? '').trim()),
  );
}

describe('Document symbols: the Outline of an article', () => {
  after(async () => {
    await closeAllEditors();
    fs.rmSync(path.join(workspaceDir(), 'outline-test'), { recursive: true, force: true });
  });

  it("shows the article's facts with their entities beneath, and follows a new tag without a text change", async () => {
    writeWorkspaceFile('outline-test/korea.txt.factmark.yaml', SIDECAR);
    const uri = writeWorkspaceFile('outline-test/korea.txt', TEXT);
    const editor = await openInEditor(uri);
    const fact = 'Meeting: Kim Yong-chol met U.S. officials in Panmunjom on 2 March 2006';
    const symbols = await eventually(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return s?.some((x) => x.name === fact) ? s : undefined;
    }, 'no document symbol for the fact', 30_000);
    const meeting = symbols.find((s) => s.name === fact)!;
    assert.strictEqual(meeting.detail, '2006-03-02');
    assert.deepStrictEqual(meeting.children.map((c) => c.name), ['Kim Yong-chol']);
    assert.ok(symbols.some((s) => s.name === 'Seoul'));

    const wb = workbench();
    if (wb) {
      await vscode.commands.executeCommand('outline.focus');
      // The rows last seen, for the failure message (read when it fails, not before the wait).
      let rows: string[] = [];
      await eventually(async () => {
        rows = (await outlineRows()) ?? [];
        return rows[0] === fact && rows.includes('Kim Yong-chol') && rows.includes('Seoul');
      }, 'the Outline view does not show the fact and its entities', 30_000).catch(() => {
        assert.fail(`the Outline view does not show the fact and its entities (rows: ${JSON.stringify(rows)})`);
      });
    }

    // Tag "officials": no text changes, yet the Outline must show it under the fact.
    const start = TEXT.indexOf('officials');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'officials'.length));
    await vscode.commands.executeCommand('factmark.tagAs', { type: 'ORGANIZATION' });
    if (wb) {
      await eventually(async () => ((await outlineRows()) ?? []).includes('officials'), 'the Outline view did not follow the new tag', 30_000);
    }
    const after = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepStrictEqual(after.find((s) => s.name === fact)?.children.map((c) => c.name), ['Kim Yong-chol', 'officials']);
  });
});
