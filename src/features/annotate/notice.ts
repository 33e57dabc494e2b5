import * as vscode from 'vscode';
import { toRange } from '../../adapter';
import type { Mention, Span } from '../../core/model';
import type { Workflow } from './workflow';

/** How long learning may take to show in the suggestions before the notice gives up on a decision. */
const SETTLE_MS = 3000;

const key = (m: Mention) => `${m.start}:${m.end}:${m.type}`;

/**
 * Runs a decision (accept, tag) and, once what was learnt from it shows in the document's
 * suggestions, tells the user what else changed: "2 other suggestions changed: North (Place) added
 * — Show · Undo". Show selects them; Undo takes the decision back as Undo Annotation Action does
 * (its annotations, the names it taught the lexicon and the model correction), while it is the last action. Silent when nothing else changed. The decision's
 * own result is returned at once: the notice follows on its own.
 */
export async function withChangeNotice(workflow: Workflow, document: vscode.TextDocument, decide: () => Promise<number>): Promise<number> {
  const lexicon = workflow.recognition.lexicon;
  const version = document.version;
  // Only a decision that is learnt can change other suggestions; and only current suggestions can be compared.
  if (!lexicon.learns(document.uri) || workflow.recognition.get(document.uri)?.version !== version) return decide();
  const before = new Map(workflow.undecided(document).map((m) => [key(m), m]));
  const known = new Set(workflow.store.get(document.uri)?.model.annotations.map((a) => a.id) ?? []);
  const count = await decide();
  const step = workflow.history.top();
  const made = (workflow.store.get(document.uri)?.model.annotations ?? []).filter((a) => !known.has(a.id) && a.status === 'confirmed');
  if (count === 0 || made.length === 0) return count;
  void settled(workflow, document).then(async () => {
    // An edit meanwhile moves every offset: nothing to compare.
    if (document.version !== version || workflow.recognition.get(document.uri)?.version !== version) return;
    const decided = (m: Span) => made.some((a) => a.start === m.start && a.end === m.end);
    const after = workflow.undecided(document).filter((m) => !decided(m));
    const added = after.filter((m) => !before.has(key(m)));
    const keys = new Set(after.map(key));
    const removed = [...before.values()].filter((m) => !keys.has(key(m)) && !decided(m));
    const n = added.length + removed.length;
    if (n === 0) return;
    const title = (m: Mention) => `${m.text} (${workflow.labels.title(m.type)})`;
    const parts = [...added.map((m) => `${title(m)} added`), ...removed.map((m) => `${title(m)} gone`)];
    const choice = await vscode.window.showInformationMessage(
      `Factmark: ${n} other suggestion${n === 1 ? '' : 's'} changed: ${parts.slice(0, 4).join(', ')}${parts.length > 4 ? ', …' : ''}.`,
      'Show',
      'Undo',
    );
    if (choice === 'Show') {
      const editor = await vscode.window.showTextDocument(document);
      const spans = added.length ? added : removed;
      editor.selections = spans.map((m) => {
        const r = toRange(document, m);
        return new vscode.Selection(r.start, r.end);
      });
      editor.revealRange(editor.selections[0]);
    } else if (choice === 'Undo') {
      // Through undo, and only while this decision is the last action: undoing it by hand (removing
      // its annotations, forgetting its names, going back to an older model) would also take back
      // whatever was decided or learnt since.
      if (!step || (await workflow.history.undoIf(step)) === false) void vscode.window.showInformationMessage('Factmark: other annotation actions came after this one; take them back first with Undo Annotation Action (Alt+M Ctrl+Z).');
    }
  });
  return count;
}

/** Resolves once the document's suggestions were recomputed after a decision (or after SETTLE_MS). */
function settled(workflow: Workflow, document: vscode.TextDocument): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      if (timer) clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    // The lexicon write and the model correction each trigger a new recognition: wait for the last one.
    const listener = workflow.recognition.onDidChange((r) => {
      if (r.uri.toString() !== document.uri.toString()) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(done, 300);
    });
    timer = setTimeout(done, SETTLE_MS);
  });
}
