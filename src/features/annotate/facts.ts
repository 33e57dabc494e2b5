import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import { entitiesInside, preview, prefillDate, sentenceAt, within } from '../../core/facts';
import type { Fact, Span } from '../../core/model';
import { documentOf, selectedSpans } from './commands';
import { activeArticle, type Workflow } from './workflow';

/** Arguments of the fact commands (from the view, hovers and tests); anything absent is asked for. */
export interface FactArgs {
  uri?: string;
  id?: string;
  start?: number;
  end?: number;
  label?: string;
  /** Annotation ids to link. */
  entities?: string[];
  /** Normalised date; an empty string means none. */
  date?: string;
  note?: string;
}

/** Create, edit and delete facts. */
export function registerFacts(commands: CommandManager, workflow: Workflow): vscode.Disposable {
  const { store, labels } = workflow;

  const pickLabel = async (current?: string): Promise<string | undefined> => {
    const qp = vscode.window.createQuickPick();
    const base = labels.factLabels.map((l) => ({ label: l, description: l === current ? 'current' : undefined }));
    qp.items = base;
    qp.placeholder = 'What kind of fact? (type to use a label of your own)';
    if (current) qp.activeItems = base.filter((i) => i.label === current);
    qp.onDidChangeValue((v) => {
      const typed = v.trim();
      qp.items = typed && !base.some((i) => i.label === typed) ? [...base, { label: typed, description: 'new label' }] : base;
    });
    return new Promise((resolve) => {
      qp.onDidAccept(() => {
        resolve(qp.selectedItems[0]?.label ?? (qp.value.trim() || undefined));
        qp.hide();
      });
      qp.onDidHide(() => {
        resolve(undefined);
        qp.dispose();
      });
      qp.show();
    });
  };

  /** Multi-select of the annotations (and undecided suggestions) inside `span`; picked suggestions are accepted. */
  const pickEntities = async (document: vscode.TextDocument, span: Span, linked: readonly string[] | undefined): Promise<string[] | undefined> => {
    const entry = await workflow.open(document);
    const inside = entitiesInside(entry.model.annotations, span);
    const suggestions = workflow.undecided(document).filter((m) => within(m, span));
    type Item = vscode.QuickPickItem & { id?: string; mention?: (typeof suggestions)[number] };
    const items: Item[] = [
      ...inside.map((a) => ({ label: a.text, description: labels.title(a.type), picked: linked ? linked.includes(a.id) : true, id: a.id })),
      ...suggestions.map((m) => ({ label: m.text, description: `${labels.title(m.type)} · suggestion (accepted if linked)`, picked: false, mention: m })),
    ];
    if (items.length === 0) return [];
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: 'Entities this fact links' });
    if (!picked) return undefined;
    const mentions = picked.filter((p) => p.mention).map((p) => p.mention!);
    if (mentions.length) await workflow.accept(document, mentions);
    const after = store.get(document.uri)?.model.annotations ?? [];
    const accepted = mentions.map((m) => after.find((a) => a.start === m.start && a.end === m.end && a.type === m.type)?.id).filter((x): x is string => !!x);
    return [...picked.filter((p) => p.id).map((p) => p.id!), ...accepted];
  };

  const askDate = (value: string | undefined) =>
    vscode.window.showInputBox({
      title: 'Date of the fact',
      value: value ?? '',
      placeHolder: 'ISO / TimeML value, e.g. 2006-03-02 or 2006-06 (empty: no date)',
      validateInput: (v) => (v.trim() && !/^(\d{4}|X{4})([-\w:.]*)$|^[A-Z_]+$/.test(v.trim()) ? 'Use an ISO / TimeML value such as 2006-03-02.' : undefined),
    });

  const factTarget = async (arg: FactArgs | undefined) => {
    const document = await documentOf(arg);
    if (!document) return undefined;
    const entry = await workflow.open(document);
    let fact: Fact | undefined;
    if (arg?.id) fact = entry.model.facts.find((f) => f.id === arg.id);
    else {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document === document) fact = workflow.factAt(document, document.offsetAt(editor.selection.active));
    }
    if (!fact) void vscode.window.showInformationMessage('Factmark: there is no fact under the cursor.');
    return fact && { document, fact };
  };

  return vscode.Disposable.from(
    commands.register({ id: CommandId.CreateFact, execute: async (arg?: FactArgs) => {
      const editor = arg?.uri ? undefined : activeArticle();
      const document = editor?.document ?? (await documentOf(arg));
      if (!document) return undefined;
      const text = document.getText();
      let span: Span | undefined = arg?.start !== undefined && arg.end !== undefined ? { start: arg.start, end: arg.end } : undefined;
      if (!span && editor) {
        const selected = selectedSpans(editor)[0];
        span = editor.selection.isEmpty ? sentenceAt(text, document.offsetAt(editor.selection.active)) : selected;
      }
      if (!span || span.end <= span.start) return undefined;
      const entry = await workflow.open(document);
      // The date is pre-filled from the suggestions: right after typing they must describe this text.
      await workflow.freshen(document);
      const label = arg?.label ?? (await pickLabel());
      if (!label) return undefined;
      const entities = arg?.entities ?? (await pickEntities(document, span, undefined));
      if (!entities) return undefined;
      const suggestions = workflow.recognition.get(document.uri)?.mentions ?? [];
      const documentDate = entry.model.documentDate ?? workflow.recognition.get(document.uri)?.documentDate;
      const date = arg?.date ?? (await askDate(prefillDate(span, entry.model.annotations, suggestions, documentDate)));
      if (date === undefined) return undefined;
      const id = store.newId(document.uri, 'fact');
      const fact: Fact = { id, label, start: span.start, end: span.end, text: text.slice(span.start, span.end), entities };
      if (date.trim()) fact.date = date.trim();
      if (arg?.note) fact.note = arg.note;
      await workflow.history.record(document, 'Create fact', () =>
        store.edit(document, (model) => {
          model.facts.push(fact);
        }),
      );
      return id;
    } }),
    commands.register({ id: CommandId.EditFact, execute: async (arg?: FactArgs) => {
      const t = await factTarget(arg);
      if (!t) return;
      const { document, fact } = t;
      const given = arg && (arg.label !== undefined || arg.entities !== undefined || arg.date !== undefined || arg.note !== undefined);
      if (given) {
        await workflow.updateFact(document, fact.id, (f) => {
          if (arg.label) f.label = arg.label;
          if (arg.entities) f.entities = [...arg.entities];
          if (arg.date !== undefined) arg.date ? (f.date = arg.date) : delete f.date;
          if (arg.note !== undefined) arg.note ? (f.note = arg.note) : delete f.note;
        });
        return;
      }
      const what = await vscode.window.showQuickPick(
        [
          { label: 'Label', description: fact.label, field: 'label' as const },
          { label: 'Linked entities', description: `${fact.entities.length}`, field: 'entities' as const },
          { label: 'Date', description: fact.date ?? 'none', field: 'date' as const },
          { label: 'Note', description: fact.note ?? 'none', field: 'note' as const },
        ],
        { placeHolder: `Edit the fact "${preview(fact.text, 50)}"` },
      );
      if (!what) return;
      if (what.field === 'label') {
        const label = await pickLabel(fact.label);
        if (label) await workflow.updateFact(document, fact.id, (f) => (f.label = label));
      } else if (what.field === 'entities') {
        const entities = await pickEntities(document, fact, fact.entities);
        if (entities) await workflow.updateFact(document, fact.id, (f) => (f.entities = entities));
      } else if (what.field === 'date') {
        const date = await askDate(fact.date);
        if (date !== undefined) await workflow.updateFact(document, fact.id, (f) => (date.trim() ? (f.date = date.trim()) : delete f.date));
      } else {
        const note = await vscode.window.showInputBox({ title: 'Note on the fact', value: fact.note ?? '', prompt: 'Leave empty to remove it.' });
        if (note !== undefined) await workflow.updateFact(document, fact.id, (f) => (note.trim() ? (f.note = note.trim()) : delete f.note));
      }
    } }),
    commands.register({ id: CommandId.DeleteFact, execute: async (arg?: FactArgs) => {
      const t = await factTarget(arg);
      if (t) await workflow.remove(t.document, t.fact.id);
    } }),
  );
}
