import * as vscode from 'vscode';
import type { Lexicon } from '../../core/learning';
import type { Annotation, Fact } from '../../core/model';
import { SerialQueue } from '../../core/serialQueue';
import { STEP, runAll, runInSlices, type Steps } from '../../core/slices';
import type { LexiconService } from '../lexicon';
import type { AnnotationStore, OrphanRecord } from '../sidecar/store';

/** A document's annotations and facts with what was learnt, at one moment. */
interface Snapshot {
  annotations: Annotation[];
  facts: Fact[];
  /** The orphans among them: their quotes are not in the text, so they are put back as orphans. */
  orphans: OrphanRecord[];
  lexicon: Lexicon;
  model: ReadonlyMap<number, Float64Array>;
  /** The document's own date (an import may set it): undo puts it back, or removes it, with the rest. */
  documentDate?: string;
}

/** One undoable action: the state before and after it, and the text it applies to. */
interface Step {
  uri: vscode.Uri;
  label: string;
  before: Snapshot;
  after: Snapshot;
  /** The article's text when the step was made: offsets in the snapshots count on it. */
  text: string;
}

/**
 * An action over several files (the entities file and the sidecars of many articles: link to a new
 * entity, merge, split) that knows how to take itself back and do itself again. Each returns false,
 * having told the user why, when it can no longer apply (the files changed since by something else).
 */
export interface OwnStep {
  label: string;
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
}

/** Steps kept for undo, at most (each holds two copies of one document's annotations). */
const LIMIT = 100;

/**
 * Undo and redo of annotation actions (tag, accept, reject, retype, delete, notes and other fields,
 * facts), separate from text undo: each action is recorded with the document's annotations and
 * facts, the workspace lexicon and the entity-model corrections before and after it, and undo puts
 * all of them back exactly. Recorded actions, undo and redo run one at a time, in the order they
 * were asked for, so two actions started together (a click in the view while a command still
 * writes) are two steps, each with its own before and after. An action must therefore not record
 * another inside it: a compound action (Reject Everywhere) records once and uses the unrecorded
 * operations inside. Undo refuses when the article's text differs from the text the action was made on (the
 * offsets would no longer fit: undo the text edits first), and when the annotations or the lexicon
 * changed since by something it did not record (an edit of the sidecar on disk, a quick fix, a
 * colleague's commit): putting the whole snapshot back would silently undo that too. A step that
 * can no longer apply is dropped, with a message, so the steps under it stay reachable.
 */
export class History {
  private readonly done: Array<Step | OwnStep> = [];
  private readonly undone: Array<Step | OwnStep> = [];
  // The end of the last recorded action, undo or redo: the next one starts after it.
  private readonly turns = new SerialQueue();

  constructor(
    private readonly store: AnnotationStore,
    private readonly lexicon: LexiconService,
  ) {}

  /**
   * Runs an action on a document, recorded as one step, after the actions started before it. The
   * action must not call `record` (it would wait for itself).
   */
  async record<T>(document: vscode.TextDocument, label: string, action: () => Promise<T>): Promise<T> {
    return (await this.recorded(document, label, action)).result;
  }

  /** As `record`, and says which step it pushed (undefined when the action changed nothing), for `undoIf`. */
  recorded<T>(document: vscode.TextDocument, label: string, action: () => Promise<T>): Promise<{ result: T; step: object | undefined }> {
    return this.inTurn(async () => {
      const before = await this.snapshot(document);
      const result = await action();
      const after = await this.snapshot(document);
      // Compared in slices: with thousands of annotations (a large import) comparing them in one
      // piece held the extension host too long.
      if ((await runInSlices(sameStateSteps(before, after))) && before.model.size === after.model.size) return { result, step: undefined };
      const step: Step = { uri: document.uri, label, before, after, text: document.getText() };
      this.done.push(step);
      if (this.done.length > LIMIT) this.done.shift();
      this.undone.length = 0;
      return { result, step };
    });
  }

  /**
   * Runs an action that spans several files, after the actions started before it, and keeps the
   * step it returns (undefined: it changed nothing) for undo and redo in the same order as the rest.
   */
  recordOwn(action: () => Promise<OwnStep | undefined>): Promise<OwnStep | undefined> {
    return this.inTurn(async () => {
      const step = await action();
      if (!step) return undefined;
      this.done.push(step);
      if (this.done.length > LIMIT) this.done.shift();
      this.undone.length = 0;
      return step;
    });
  }

  /** Runs `work` once every recorded action, undo and redo asked for before it has ended. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    return this.turns.run(work);
  }

  /** The last recorded action, as a token to compare with later (a notice's Undo acts only on its own step). */
  top(): object | undefined {
    return this.done[this.done.length - 1];
  }

  /**
   * Takes `step` back if it is still the last action when its turn comes (a notice's Undo acts only on
   * its own step); false when another action came after it.
   */
  undoIf(step: object): Promise<string | undefined | false> {
    return this.inTurn<string | undefined | false>(async () => (this.done[this.done.length - 1] === step ? this.replay(this.done, this.undone, 'before') : false));
  }

  /** Takes the last action back; returns its label (undefined when there was none or it cannot be). */
  undo(): Promise<string | undefined> {
    return this.inTurn(() => this.replay(this.done, this.undone, 'before'));
  }

  /** Does the last undone action again. */
  redo(): Promise<string | undefined> {
    return this.inTurn(() => this.replay(this.undone, this.done, 'after'));
  }

  private async replay(from: Array<Step | OwnStep>, to: Array<Step | OwnStep>, side: 'before' | 'after'): Promise<string | undefined> {
    const step = from[from.length - 1];
    if (!step) {
      void vscode.window.setStatusBarMessage(`Factmark: nothing to ${side === 'before' ? 'undo' : 'redo'}`, 3000);
      return undefined;
    }
    if (!('uri' in step)) {
      // It tells the user itself why it cannot apply; dropped then, so the steps under it stay reachable.
      from.pop();
      let applied: boolean;
      try {
        applied = await (side === 'before' ? step.undo() : step.redo());
      } catch (e) {
        // It could not even start (unsaved edits in the entities file, say): kept, to try again.
        from.push(step);
        throw e;
      }
      if (!applied) return undefined;
      to.push(step);
      void vscode.window.setStatusBarMessage(`Factmark: ${side === 'before' ? 'undid' : 'redid'} ${step.label}`, 3000);
      return step.label;
    }
    const document = await vscode.workspace.openTextDocument(step.uri);
    const name = vscode.workspace.asRelativePath(step.uri);
    const verb = side === 'before' ? 'undo' : 'redo';
    if (document.getText() !== step.text) {
      // Kept: undoing the text edits makes the step apply again.
      void vscode.window.showInformationMessage(`Factmark: the text of ${name} changed since "${step.label}"; undo the text edits first, then ${verb} again.`);
      return undefined;
    }
    const expected = step[side === 'before' ? 'after' : 'before'];
    const now = await this.snapshot(document);
    if (stateOf(now) !== stateOf(expected)) {
      from.pop();
      void vscode.window.showWarningMessage(
        `Factmark: "${step.label}" cannot be ${side === 'before' ? 'undone' : 'redone'}: the annotations of ${name} or the lexicon changed since by something Factmark did not record, which putting it back would lose. Nothing was changed.`,
      );
      return undefined;
    }
    from.pop();
    const snap = step[side];
    await this.store.restore(document, snap, snap.orphans);
    await this.lexicon.restoreLexicon(document.uri, snap.lexicon);
    this.lexicon.restoreModel(snap.model);
    to.push(step);
    void vscode.window.setStatusBarMessage(`Factmark: ${side === 'before' ? 'undid' : 'redid'} ${step.label}`, 3000);
    return step.label;
  }

  private async snapshot(document: vscode.TextDocument): Promise<Snapshot> {
    // The names an action's decisions teach are recorded as the store reports them: wait for them,
    // or the snapshot would miss a lexicon change the action made (and undo would refuse it as foreign).
    await this.lexicon.idle();
    const entry = this.store.get(document.uri) ?? (await this.store.open(document));
    // Thousands of annotations (a large import) are copied in slices. The store installs a new model
    // on every change of annotations, and typing changes the version: if either happened between two
    // slices the copy is not one moment's, and is taken again (the last time in one piece).
    for (let attempt = 0; ; attempt++) {
      const model = entry.model;
      const version = document.version;
      const steps = copySteps(model.annotations, model.facts);
      const [annotations, facts] = attempt < 2 ? await runInSlices(steps) : runAll(steps);
      if (entry.model !== model || document.version !== version) continue;
      return {
        annotations,
        facts,
        orphans: this.store.orphansOf(document.uri),
        lexicon: structuredClone(this.lexicon.lexiconFor(document.uri)),
        model: this.lexicon.snapshotModel(),
        ...(model.documentDate !== undefined ? { documentDate: model.documentDate } : {}),
      };
    }
  }
}

/** What undo compares: the document's annotations, facts, orphans and date and the lexicon (the model corrections follow them). */
function stateOf(s: Snapshot): string {
  return JSON.stringify([s.annotations, s.facts, s.orphans.map((o) => o.id).sort(), s.lexicon, s.documentDate ?? null]);
}

/** `stateOf(a) === stateOf(b)`, in steps: the lists compared a slice at a time. */
function* sameStateSteps(a: Snapshot, b: Snapshot): Steps<boolean> {
  const sameList = function* (x: readonly unknown[], y: readonly unknown[]): Steps<boolean> {
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i += STEP) {
      if (JSON.stringify(x.slice(i, i + STEP)) !== JSON.stringify(y.slice(i, i + STEP))) return false;
      yield;
    }
    return true;
  };
  return (
    (yield* sameList(a.annotations, b.annotations)) &&
    (yield* sameList(a.facts, b.facts)) &&
    JSON.stringify([a.orphans.map((o) => o.id).sort(), a.lexicon, a.documentDate ?? null]) === JSON.stringify([b.orphans.map((o) => o.id).sort(), b.lexicon, b.documentDate ?? null])
  );
}

/** Deep copies of the annotations and facts, in steps (see `core/slices.ts`). */
function* copySteps(annotations: readonly Annotation[], facts: readonly Fact[]): Steps<[Annotation[], Fact[]]> {
  const copy = function* <T>(list: readonly T[]): Steps<T[]> {
    const out: T[] = [];
    for (let i = 0; i < list.length; i += STEP) {
      out.push(...structuredClone(list.slice(i, i + STEP)));
      yield;
    }
    return out;
  };
  return [yield* copy(annotations), yield* copy(facts)];
}
