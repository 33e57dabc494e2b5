import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import { occurrences } from '../../core/facts';
import type { LexiconEntry } from '../../core/learning';
import type { Mention } from '../../core/model';
import { documentOf, type AnnotationArgs } from './commands';
import { confirmEverywhere } from './everywhere';
import { withChangeNotice } from './notice';
import { activeArticle, type Workflow } from './workflow';

/** How far a decision on a suggestion reaches: the user's choice, this mention by default. */
export type DecisionScope = 'mention' | 'document' | 'everywhere';

/** Arguments of the scoped accept / reject commands (hover links, code actions, keybindings, tests). */
export interface ScopedArgs extends AnnotationArgs {
  scope?: DecisionScope;
}

/** Arguments of Forget What Factmark Learnt: the entry to forget, or none to pick from a list. */
interface ForgetArgs extends AnnotationArgs {
  entry?: LexiconEntry;
  status?: 'confirmed' | 'rejected';
}

/**
 * Accept and reject with a scope. Rejecting *this mention* (the default, Alt+M X) hides that
 * suggestion only; *in this document* and *everywhere* are explicit choices kept in
 * `factmark.lexicon.yaml` (an entry with `document:` holds in that document only), each told with
 * the number of other suggestions it hides and an Undo. Accepting *all in this document* confirms
 * every mention of the text there; *everywhere* does that too and makes the text a rule of the
 * workspace lexicon (suggested with this type in every article, over the model's type).
 */
export function registerScopedDecisions(commands: CommandManager, workflow: Workflow): vscode.Disposable {
  const lexicon = workflow.recognition.lexicon;

  /** The suggestion the arguments name, or the one under the cursor. */
  const suggestion = async (arg: ScopedArgs | undefined): Promise<{ document: vscode.TextDocument; mention: Mention } | undefined> => {
    if (arg?.start !== undefined && arg.end !== undefined) {
      const document = await documentOf(arg);
      if (!document) return undefined;
      await workflow.freshen(document);
      const mention = workflow.undecided(document).find((m) => m.start === arg.start && m.end === arg.end && (!arg.type || m.type === arg.type));
      return mention && { document, mention };
    }
    const editor = activeArticle();
    if (!editor) return undefined;
    await workflow.freshen(editor.document);
    const mention = workflow.suggestionsIn(editor.document, editor.selection)[0];
    if (!mention) void vscode.window.showInformationMessage('Factmark: there is no suggestion under the cursor.');
    return mention && { document: editor.document, mention };
  };

  const pickScope = async (m: Mention, accept: boolean): Promise<DecisionScope | undefined> => {
    const title = workflow.labels.title(m.type);
    const items: Array<vscode.QuickPickItem & { scope: DecisionScope }> = accept
      ? [
          { label: 'This mention', description: `accept this "${m.text}" as ${title}`, scope: 'mention' },
          { label: 'All in this document', description: `confirm every "${m.text}" here as ${title}`, scope: 'document' },
          { label: 'Everywhere', description: `confirm every "${m.text}" here and suggest it as ${title} in every article, over the model's type`, scope: 'everywhere' },
        ]
      : [
          { label: 'This mention', description: `reject this "${m.text}" only`, scope: 'mention' },
          { label: 'In this document', description: `never suggest "${m.text}" as ${title} in this document`, scope: 'document' },
          { label: 'Everywhere', description: `never suggest "${m.text}" as ${title} in this workspace`, scope: 'everywhere' },
        ];
    return (await vscode.window.showQuickPick(items, { placeHolder: `${accept ? 'Accept' : 'Reject'} "${m.text}" as ${title}: where?` }))?.scope;
  };

  /** The suggestion a scoped command acts on and the scope the caller gave or the user picks. */
  const decision = async (arg: ScopedArgs | undefined, accept: boolean) => {
    const s = await suggestion(arg);
    const scope = s && (arg?.scope ?? (await pickScope(s.mention, accept)));
    return s && scope ? { ...s, scope } : undefined;
  };

  const reject = async (arg?: ScopedArgs): Promise<number> => {
    const d = await decision(arg, false);
    if (!d) return 0;
    const { document, mention, scope } = d;
    if (scope === 'mention') return workflow.reject(document, [mention]);
    const same = workflow.undecided(document).filter((m) => m.text === mention.text && m.type === mention.type && m !== mention);
    // One step for undo: the mention's rejection and the lexicon entry.
    const where = scope === 'document' ? 'in this document' : 'everywhere';
    const { step } = await workflow.history.recorded(document, `Reject "${mention.text}" ${where}`, async () => {
      await workflow.decideNow(document, [mention], 'rejected');
      const entry: LexiconEntry = scope === 'document' ? { text: mention.text, type: mention.type, document: lexicon.documentKey(document.uri) } : { text: mention.text, type: mention.type };
      await lexicon.record(document.uri, [], [entry], scope);
    });
    if (!step) return 0; // nothing changed (the suggestion went meanwhile): nothing to tell
    const others = same.length ? `; ${same.length} other suggestion${same.length === 1 ? '' : 's'} in this document hidden` : '';
    // Say what else changed, and offer the way back: the whole step (the rejected mention and the
    // lexicon entry), through undo and only while it is the last action, as the accept notice does.
    void vscode.window.showInformationMessage(`Factmark: "${mention.text}" is no longer suggested as ${workflow.labels.title(mention.type)} ${where}${others}.`, 'Undo').then(async (choice) => {
      if (choice !== 'Undo') return;
      if ((await workflow.history.undoIf(step)) === false) void vscode.window.showInformationMessage('Factmark: other annotation actions came after this one; take them back first with Undo Annotation Action (Alt+M Ctrl+Z).');
    });
    return 1 + same.length;
  };

  const accept = async (arg?: ScopedArgs): Promise<number> => {
    const d = await decision(arg, true);
    if (!d) return 0;
    const { document, mention, scope } = d;
    if (scope === 'mention') return withChangeNotice(workflow, document, () => workflow.accept(document, [mention]));
    if (scope === 'everywhere') return confirmEverywhere(workflow, document, mention.text, mention.type);
    const spans = occurrences(document.getText(), mention.text);
    return withChangeNotice(workflow, document, () => workflow.tag(document, spans, mention.type));
  };

  return vscode.Disposable.from(
    commands.register({ id: CommandId.RejectScoped, execute: reject }),
    commands.register({ id: CommandId.AcceptScoped, execute: accept }),
    commands.register({ id: CommandId.Undo, execute: () => workflow.history.undo() }),
    commands.register({ id: CommandId.Redo, execute: () => workflow.history.redo() }),
    commands.register({ id: CommandId.ForgetTextDecision, execute: async (arg?: ForgetArgs) => {
      const document = await documentOf(arg);
      if (!document) return;
      if (arg?.entry) {
        // Named by the caller (the Undo of a scoped reject, tests): no list to pick from.
        await lexicon.forget(document.uri, [arg.entry], arg.status ?? 'rejected');
        return;
      }
      const known = lexicon.lexiconFor(document.uri);
      const items = [
        ...known.rejected.map((e) => ({ entry: e, status: 'rejected' as const })),
        ...known.confirmed.map((e) => ({ entry: e, status: 'confirmed' as const })),
      ].map((x) => ({
        ...x,
        label: `${x.status === 'rejected' ? '$(close)' : '$(check)'} ${x.entry.text}`,
        description: `${workflow.labels.title(x.entry.type)} · ${x.status} ${x.entry.document ? `in ${x.entry.document}` : 'everywhere'}`,
      }));
      if (items.length === 0) {
        void vscode.window.showInformationMessage('Factmark: nothing learnt in this workspace folder yet.');
        return;
      }
      const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Forget what Factmark learnt (the text is suggested as before)', canPickMany: true });
      for (const p of picked ?? []) await lexicon.forget(document.uri, [p.entry], p.status);
    } }),
  );
}
