import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually, workspaceDir, writeWorkspaceFile } from './helpers';

/**
 * The two halves of the warm-start tests (issue 15, item 6), shared by the default scenario (which
 * reopens through an internal command) and the reload scenario (a real window reload): three
 * articles indexed and the index saved, then files changed as if the window were closed; and,
 * after the reopening, what Ctrl+T finds. `tag` keeps the two suites' fact labels apart.
 */
export class ClosedWindowChanges {
  constructor(
    private readonly dir: string,
    private readonly tag: string,
  ) {}

  private label(which: 'steady' | 'old' | 'left' | 'renewed' | 'added'): string {
    return `${which}${this.tag}talks`;
  }

  private sidecar(doc: string, label: string): string {
    return `factmark: 1\ndocument:\n  path: ${doc}\noffsets: codepoints\nfacts:\n  - id: f1\n    label: ${label}\n    start: 0\n    end: 16\n    quote: The talks ended.\n    entities: []\n`;
  }

  private article(doc: string, label: string): void {
    writeWorkspaceFile(`${this.dir}/${doc}`, 'The talks ended.\n');
    writeWorkspaceFile(`${this.dir}/${doc}.factmark.yaml`, this.sidecar(doc, label));
  }

  private async found(label: string): Promise<boolean> {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', label);
    return symbols.some((x) => x.name.startsWith(`${label}:`));
  }

  /** Indexes three articles, saves the index (held from then on), and changes the files: one sidecar edited (git, another editor), one article deleted, one added. */
  async saveThenChange(): Promise<void> {
    this.article('steady.txt', this.label('steady'));
    this.article('changed.txt', this.label('old'));
    this.article('gone.txt', this.label('left'));
    await eventually(async () => (await this.found(this.label('steady'))) && (await this.found(this.label('old'))) && (await this.found(this.label('left'))), 'Ctrl+T does not find the three facts', 30_000);
    const saved = await vscode.commands.executeCommand<{ saved?: number }>('factmark.internal.indexSnapshot', { action: 'save' });
    assert.ok((saved.saved ?? 0) >= 3, `the index was saved with its documents: ${JSON.stringify(saved)}`);
    writeWorkspaceFile(`${this.dir}/changed.txt.factmark.yaml`, this.sidecar('changed.txt', this.label('renewed')));
    fs.rmSync(path.join(workspaceDir(), this.dir, 'gone.txt'));
    fs.rmSync(path.join(workspaceDir(), this.dir, 'gone.txt.factmark.yaml'));
    this.article('added.txt', this.label('added'));
  }

  /** After the reopening (`start`: what the build took from the saved index): Ctrl+T finds what the files hold now, not what the saved index held. */
  async assertReflected(start: { kept: number; reread: number; gone: number } | undefined): Promise<void> {
    assert.ok(await this.found(this.label('steady')), 'the unchanged article is missing from the reopened index');
    assert.ok(await this.found(this.label('renewed')), 'the sidecar changed while the window was closed is not reflected');
    assert.ok(!(await this.found(this.label('old'))), 'Ctrl+T still finds the fact as it was before the sidecar changed');
    assert.ok(!(await this.found(this.label('left'))), 'Ctrl+T still finds the fact of the deleted article');
    assert.ok(await this.found(this.label('added')), 'the article added while the window was closed is missing');
    assert.ok(start, 'the reopened window built its index without the saved one');
    assert.ok(start.kept >= 1 && start.reread >= 2 && start.gone >= 1, `kept the unchanged, read the changed and the new, dropped the gone: ${JSON.stringify(start)}`);
  }

  remove(): void {
    fs.rmSync(path.join(workspaceDir(), this.dir), { recursive: true, force: true });
  }
}
