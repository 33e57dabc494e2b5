import * as vscode from 'vscode';
import { resolveLabels, type Label } from '../../core/labels';
import { DEFAULT_FACT_LABELS } from '../../core/facts';
import { chordKeyProblems, chordKeysInUse } from '../../core/labelKeys';

/**
 * The label set in effect: built-ins plus `factmark.labels` (user or workspace settings), and the
 * fact labels (`factmark.facts.labels`). Re-read only when those settings change.
 */
export class LabelService implements vscode.Disposable {
  private current: Label[] = [];
  private factLabelList: string[] = [];
  private reported = '';
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  /** Fires after the label set or the fact labels changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('factmark.labels') || e.affectsConfiguration('factmark.facts.labels')) {
        this.read();
        this.changed.fire();
      }
    });
  }

  get labels(): readonly Label[] {
    return this.current;
  }

  get factLabels(): readonly string[] {
    return this.factLabelList;
  }

  find(type: string): Label | undefined {
    return this.current.find((l) => l.name === type);
  }

  /** The label a key picks (its `Alt+M <key>` chord or its key in Tag Selection As…). */
  byKey(key: string | undefined): Label | undefined {
    return key ? this.current.find((l) => l.key === key.toLowerCase()) : undefined;
  }

  title(type: string): string {
    return this.find(type)?.title ?? type;
  }

  private read(): void {
    const c = vscode.workspace.getConfiguration('factmark');
    const { labels, problems } = resolveLabels(c.get<unknown[]>('labels', []));
    this.current = labels;
    const facts = c.get<unknown[]>('facts.labels', []).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    this.factLabelList = facts.length ? facts.map((x) => x.trim()) : [...DEFAULT_FACT_LABELS];
    // Enables the Alt+M <key> chords of the custom labels (see ./labelKeys.ts and package.json).
    void vscode.commands.executeCommand('setContext', 'factmark.labelKeys', chordKeysInUse(labels));
    const summary = [...problems, ...chordKeyProblems(labels)].join(' ');
    if (summary && summary !== this.reported) void vscode.window.showWarningMessage(`Factmark: ${summary}`);
    this.reported = summary;
  }

  /**
   * Asks for a label. Typing a label's key (one character) picks it at once, so
   * "Tag As…" then a letter tags without the mouse.
   */
  async pick(placeHolder: string, current?: string): Promise<Label | undefined> {
    const items = this.current.map((l) => ({
      label: l.title,
      description: `${l.name}${l.key ? ` · key ${l.key}` : ''}${l.name === current ? ' · current' : ''}`,
      picked: l.name === current,
      labelDef: l,
    }));
    const qp = vscode.window.createQuickPick<(typeof items)[number]>();
    qp.items = items;
    qp.placeholder = placeHolder;
    return new Promise<Label | undefined>((resolve) => {
      let done = false;
      const finish = (l: Label | undefined) => {
        if (done) return;
        done = true;
        resolve(l);
        qp.hide();
      };
      qp.onDidChangeValue((v) => {
        if (v.length !== 1) return;
        const byKey = this.current.find((l) => l.key === v.toLowerCase());
        if (byKey) finish(byKey);
      });
      qp.onDidAccept(() => finish(qp.selectedItems[0]?.labelDef));
      qp.onDidHide(() => {
        finish(undefined);
        qp.dispose();
      });
      qp.show();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
