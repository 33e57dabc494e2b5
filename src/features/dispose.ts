import * as vscode from 'vscode';

/**
 * Base for the objects that own VS Code resources (listeners, emitters, decoration types): what
 * `_register` takes is disposed with the object, once, last registered first. One place instead of a
 * hand-rolled `disposables[]` per class (the pattern of vscode-markdown-languageservice's
 * `util/dispose.ts`). Subclasses that stop timers or save first override `dispose` and call
 * `super.dispose()` last.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly _owned: vscode.Disposable[] = [];
  private _isDisposed = false;

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Owns `value`: disposed with this object (at once if this object is already disposed). */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this._isDisposed) value.dispose();
    else this._owned.push(value);
    return value;
  }

  /** Owns each of `values`. */
  protected _registerAll(...values: vscode.Disposable[]): void {
    for (const v of values) this._register(v);
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    // One failing dispose must not keep the others alive.
    for (const d of this._owned.splice(0).reverse()) {
      try {
        d.dispose();
      } catch (e) {
        console.error('Factmark: a dispose failed', e);
      }
    }
  }
}
