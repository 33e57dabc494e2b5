import * as vscode from 'vscode';

/**
 * The filter the Factmark view, the timeline and the map share (issue 16): the view's text and type
 * filter, and the pictures' date range. Setting it anywhere narrows all three.
 */
export interface FilterState {
  /** Case-insensitive text (see each consumer for what it is matched against). */
  readonly text: string;
  /** Entity types and `FACT`; empty = every type. */
  readonly types: readonly string[];
  /** TIMEX3 calendar values bounding the dates shown (`1950`, `2006-03`); empty = open. */
  readonly from: string;
  readonly to: string;
}

/** A change and who made it, so a panel does not get its own typing echoed back mid-word. */
export interface FilterChange {
  readonly state: FilterState;
  readonly source?: object;
}

const NONE: FilterState = { text: '', types: [], from: '', to: '' };

export class SharedFilter implements vscode.Disposable {
  private value: FilterState = NONE;
  private readonly changed = new vscode.EventEmitter<FilterChange>();
  readonly onDidChange = this.changed.event;

  get state(): FilterState {
    return this.value;
  }

  /** Whether anything is filtered. */
  get active(): boolean {
    const v = this.value;
    return !!(v.text || v.types.length || v.from || v.to);
  }

  /** Changes some fields (strings are trimmed); fires only when something changed. */
  set(change: Partial<FilterState>, source?: object): void {
    const next: FilterState = {
      text: (change.text ?? this.value.text).trim(),
      types: [...(change.types ?? this.value.types)],
      from: (change.from ?? this.value.from).trim(),
      to: (change.to ?? this.value.to).trim(),
    };
    const same = next.text === this.value.text && next.from === this.value.from && next.to === this.value.to && next.types.join('\n') === this.value.types.join('\n');
    if (same) return;
    this.value = next;
    this.changed.fire({ state: next, source });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
