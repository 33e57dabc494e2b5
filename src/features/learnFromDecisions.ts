import * as vscode from 'vscode';
import { LEXICON_FILE, lexiconEntriesOf } from '../core/learning';
import type { Annotation } from '../core/model';
import type { LexiconService } from './lexicon';

/** The part of the annotation store learning needs (src/features/sidecar/store.ts). */
interface AnnotationSource {
  readonly onDidChangeDecisions: vscode.Event<{ readonly uri: vscode.Uri; readonly model: { readonly annotations: readonly Annotation[] }; readonly orphans: ReadonlySet<string> }>;
}

/**
 * Feeds the user's decisions into the workspace lexicon (every confirmed annotation teaches its text
 * and type, suggested at its other mentions) and into the entity model (see LexiconService.learnModel).
 * Rejecting a text in a document or everywhere is an explicit command (src/features/annotate/scope.ts).
 */
export function learnFromAnnotations(store: AnnotationSource, lexicon: LexiconService): vscode.Disposable {
  // Per document, the text each annotation had when it was last decided (made, confirmed, rejected,
  // retyped), keyed by id with its status and type. Decisions only: typing inside a confirmed name
  // changes its text keystroke by keystroke, and the half-typed text ("Panmunxyjeom") was never
  // decided, so it is neither learnt then nor at the next decision in the document.
  const decidedTexts = new Map<string, Map<string, { decision: string; text: string }>>();
  return store.onDidChangeDecisions((entry) => {
    const key = entry.uri.toString();
    const before = decidedTexts.get(key);
    const now = new Map<string, { decision: string; text: string }>();
    const live = entry.model.annotations.filter((a) => !entry.orphans.has(a.id) && a.text.trim().length > 0);
    for (const a of live) {
      const decision = `${a.status}\u0000${a.type}`;
      const earlier = before?.get(a.id);
      now.set(a.id, earlier && earlier.decision === decision ? earlier : { decision, text: a.text });
    }
    decidedTexts.set(key, now);
    const asDecided = live.filter((a) => now.get(a.id)?.text === a.text);
    // A rejection of one mention stays with that mention (the sidecar); only confirmed names reach
    // their other mentions (core/learning/learner.ts).
    const { confirmed, rejected } = lexiconEntriesOf(asDecided);
    lexicon.record(entry.uri, confirmed, rejected).catch((err) => {
      void vscode.window.showWarningMessage(`Factmark: could not update ${LEXICON_FILE}: ${err instanceof Error ? err.message : String(err)}`);
    });
    lexicon.learnModel(entry.uri, asDecided);
  });
}
