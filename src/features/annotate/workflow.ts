import * as vscode from 'vscode';
import { isArticle, toSpan } from '../../adapter';
import { innermostAt, undecidedSuggestions, visibleAnnotations, within } from '../../core/facts';
import type { Annotation, Fact, Mention, Span } from '../../core/model';
import type { RecognitionService } from '../recognition';
import type { AnnotationStore, DocumentAnnotations } from '../sidecar/store';
import { History } from './history';
import type { LabelService } from './labels';
import { SharedFilter } from '../sharedFilter';

/**
 * The annotating workflow's operations on one document, shared by commands, code actions, hovers
 * and the view: every change goes through `AnnotationStore.edit`, which persists it.
 */
export class Workflow {
  /** Undo and redo of the actions below (and of the ones commands wrap in `history.record`). */
  readonly history: History;
  /** The filter of the Factmark view, the timeline and the map, one for all three. */
  readonly filter = new SharedFilter();

  constructor(
    readonly store: AnnotationStore,
    readonly recognition: RecognitionService,
    readonly labels: LabelService,
  ) {
    this.history = new History(store, recognition.lexicon);
  }

  /** The document's annotations, loading them first if needed. */
  async open(document: vscode.TextDocument): Promise<DocumentAnnotations> {
    return this.store.get(document.uri) ?? this.store.open(document);
  }

  /**
   * Recognises the document now when its suggestions are stale (an edit within the debounce pause),
   * so a command run right after typing acts on the suggestions the user sees instead of on none.
   */
  async freshen(document: vscode.TextDocument): Promise<void> {
    if (this.recognition.get(document.uri)?.version !== document.version) await this.recognition.recognizeNow(document);
  }

  /** Suggestions not yet accepted, retyped or rejected; none while they are stale (see `freshen`). */
  undecided(document: vscode.TextDocument): Mention[] {
    const result = this.recognition.get(document.uri);
    if (!result || result.version !== document.version) return [];
    return undecidedSuggestions(result.mentions, this.store.get(document.uri)?.model.annotations ?? []);
  }

  /** The non-rejected annotation under `offset` (the innermost when nested). */
  annotationAt(document: vscode.TextDocument, offset: number): Annotation | undefined {
    const entry = this.store.get(document.uri);
    return entry && innermostAt(visibleAnnotations(entry.model.annotations).filter((a) => !entry.orphans.has(a.id)), offset);
  }

  factAt(document: vscode.TextDocument, offset: number): Fact | undefined {
    const entry = this.store.get(document.uri);
    return entry && innermostAt(entry.model.facts.filter((f) => !entry.orphans.has(f.id)), offset);
  }

  /**
   * Undecided suggestions under the cursor or, for a non-empty selection, inside it. A selection
   * that is exactly a suggestion (as Go to Next Suggestion leaves it) means that suggestion only,
   * not the ones nested in it.
   */
  suggestionsIn(document: vscode.TextDocument, selection: vscode.Selection | vscode.Range): Mention[] {
    const span = toSpan(document, selection);
    const all = this.undecided(document);
    if (span.start === span.end) {
      const at = innermostAt(all, span.start);
      return at ? [at] : [];
    }
    const exact = all.filter((m) => m.start === span.start && m.end === span.end);
    if (exact.length) return exact;
    return all.filter((m) => m.start < span.end && m.end > span.start && (within(m, span) || within(span, m)));
  }

  /**
   * The annotation a command on "the annotation under the cursor" means: the one the selection is
   * exactly (so a nested or adjacent annotation is not taken instead), else the innermost under the cursor.
   */
  annotationSelected(document: vscode.TextDocument, selection: vscode.Selection): Annotation | undefined {
    if (!selection.isEmpty) {
      const span = toSpan(document, selection);
      const entry = this.store.get(document.uri);
      const exact = entry && visibleAnnotations(entry.model.annotations).find((a) => a.start === span.start && a.end === span.end && !entry.orphans.has(a.id));
      if (exact) return exact;
    }
    return this.annotationAt(document, document.offsetAt(selection.active));
  }

  /**
   * Tags spans as `type` (confirmed). A span already confirmed as that type is left alone; a
   * rejection of that type on that span becomes a confirmation. Returns the number added.
   */
  async tag(document: vscode.TextDocument, spans: readonly Span[], type: string): Promise<number> {
    return this.history.record(document, `Tag as ${this.labels.title(type)}`, () => this.tagNow(document, spans, type));
  }

  /** `tag` unrecorded, for compound actions that record once (Accept Everywhere). */
  async tagNow(document: vscode.TextDocument, spans: readonly Span[], type: string): Promise<number> {
    await this.open(document);
    const suggestions = this.recognition.get(document.uri)?.version === document.version ? (this.recognition.get(document.uri)?.mentions ?? []) : [];
    let added = 0;
    await this.store.edit(document, (model) => {
      for (const span of spans) {
        if (span.end <= span.start) continue;
        const same = model.annotations.find((a) => a.start === span.start && a.end === span.end && a.type === type);
        if (same?.status === 'confirmed') continue;
        if (same) {
          same.status = 'confirmed';
          added++;
          continue;
        }
        const suggested = suggestions.find((m) => m.start === span.start && m.end === span.end && m.type === type);
        const annotation: Annotation = {
          id: this.store.newId(document.uri, 'annotation'),
          type,
          start: span.start,
          end: span.end,
          text: document.getText().slice(span.start, span.end),
          status: 'confirmed',
        };
        if (suggested?.value) annotation.value = suggested.value;
        model.annotations.push(annotation);
        added++;
      }
    });
    return added;
  }

  /** Accepts suggestions: each becomes a confirmed annotation of its type (keeping its normalised value). */
  async accept(document: vscode.TextDocument, mentions: readonly Mention[]): Promise<number> {
    return this.decide(document, mentions, 'confirmed');
  }

  /** Rejects suggestions: each becomes a `rejected` annotation that hides it. */
  async reject(document: vscode.TextDocument, mentions: readonly Mention[]): Promise<number> {
    return this.decide(document, mentions, 'rejected');
  }

  private async decide(document: vscode.TextDocument, mentions: readonly Mention[], status: 'confirmed' | 'rejected'): Promise<number> {
    if (mentions.length === 0) return 0;
    return this.history.record(document, status === 'confirmed' ? 'Accept' : 'Reject', () => this.decideNow(document, mentions, status));
  }

  /** Accepts or rejects suggestions without recording a step: for an action that records itself (Reject Everywhere). */
  async decideNow(document: vscode.TextDocument, mentions: readonly Mention[], status: 'confirmed' | 'rejected'): Promise<number> {
    if (mentions.length === 0) return 0;
    await this.open(document);
    await this.store.edit(document, (model) => {
      for (const m of mentions) {
        const same = model.annotations.find((a) => a.start === m.start && a.end === m.end && a.type === m.type);
        if (same) {
          same.status = status;
          continue;
        }
        const annotation: Annotation = {
          id: this.store.newId(document.uri, 'annotation'),
          type: m.type,
          start: m.start,
          end: m.end,
          text: m.text,
          status,
        };
        if (m.value) annotation.value = m.value;
        model.annotations.push(annotation);
      }
    });
    return mentions.length;
  }

  /** Changes annotation `id`'s fields (type, value, kb, note); an empty string clears a field. */
  async update(document: vscode.TextDocument, id: string, fields: Partial<Pick<Annotation, 'type' | 'value' | 'kb' | 'note'>>): Promise<void> {
    await this.history.record(document, fields.type ? 'Retype' : 'Edit annotation', () => this.store.edit(document, (model) => {
      const a = model.annotations.find((x) => x.id === id);
      if (!a) return;
      if (fields.type) a.type = fields.type;
      for (const key of ['value', 'kb', 'note'] as const) {
        if (fields[key] === undefined) continue;
        if (fields[key]) a[key] = fields[key];
        else delete a[key];
      }
    }));
  }

  /** Applies `change` to fact `id`. */
  async updateFact(document: vscode.TextDocument, id: string, change: (fact: Fact) => void): Promise<void> {
    await this.history.record(document, 'Edit fact', () => this.store.edit(document, (model) => {
      const f = model.facts.find((x) => x.id === id);
      if (f) change(f);
    }));
  }

  /** Deletes an annotation or a fact (a deleted annotation's links are removed from facts). */
  async remove(document: vscode.TextDocument, id: string): Promise<void> {
    await this.history.record(document, 'Delete', () => this.store.remove(document, id));
  }
}

/** The active editor when it shows an article; tells the user otherwise. */
export function activeArticle(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && isArticle(editor.document)) return editor;
  void vscode.window.showInformationMessage('Factmark: open a plain-text article first.');
  return undefined;
}
