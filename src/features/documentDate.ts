import * as vscode from 'vscode';
import type { CommandManager } from '../commandManager';
import { isArticle } from '../adapter';
import { CommandId } from '../commands';
import type { RecognitionService } from './recognition';
import type { AnnotationStore } from './sidecar/store';

/** A document date as the sidecar stores it: a year, a month or a day. */
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * The document's own date, which relative dates ("Thursday", "two years ago") resolve against:
 * detected from the dateline, or set by hand with "Set Document Date…" and kept in the sidecar
 * (`document.date`), where it wins over detection.
 */
export function registerDocumentDate(
  commands: CommandManager,
  store: AnnotationStore,
  recognition: RecognitionService,
  record: <T>(document: vscode.TextDocument, label: string, action: () => Promise<T>) => Promise<T>,
): vscode.Disposable {
  recognition.setDocumentDateSource((uri) => store.get(uri)?.model.documentDate);
  return vscode.Disposable.from(
    // A date set in the sidecar, changed or removed (by this command, by hand, by a merge, an import
    // or an undo) re-resolves the document's dates. Compared with the sidecar date the suggestions
    // used, not their date, which may be detected from the text: so removing the date refreshes too,
    // and typing (which changes the store but not the date) does not.
    store.onDidChange((entry) => {
      const result = recognition.get(entry.uri);
      if (!result?.skipped && entry.model.documentDate !== result?.setDate) recognition.refresh(entry.uri);
    }),
    commands.register({ id: CommandId.SetDocumentDate, execute: async (value?: string) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !isArticle(editor.document)) {
        void vscode.window.showInformationMessage('Factmark: open a plain-text article to set its date.');
        return undefined;
      }
      const current = recognition.get(editor.document.uri)?.documentDate;
      const answer =
        value ??
        (await vscode.window.showInputBox({
          title: 'Document date',
          prompt: 'The date the article was written (relative dates resolve against it). Empty: detect it from the text.',
          value: current ?? '',
          placeHolder: 'YYYY-MM-DD',
          validateInput: (v) => (v.trim() === '' || DATE.test(v.trim()) ? undefined : 'A date as YYYY, YYYY-MM or YYYY-MM-DD'),
        }));
      if (answer === undefined) return undefined;
      const date = answer.trim();
      if (date !== '' && !DATE.test(date)) return undefined;
      await store.open(editor.document);
      const document = editor.document;
      await record(document, date ? `Set Document Date ${date}` : 'Clear Document Date', () =>
        store.edit(document, (model) => {
          if (date) model.documentDate = date;
          else delete model.documentDate;
        }),
      );
      recognition.refresh(editor.document.uri);
      return date || undefined;
    } }),
  );
}
