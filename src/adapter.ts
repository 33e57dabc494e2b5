import * as vscode from 'vscode';
import type { Span } from './core/model';

/**
 * The one adapter between core offsets (UTF-16 indices into the document text, as VS Code counts
 * them) and VS Code positions. Code-point offsets never reach this file: the core converts them.
 */
export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

export function toSpan(document: vscode.TextDocument, range: vscode.Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** Factmark works on plain-text documents only. */
export function isArticle(document: vscode.TextDocument): boolean {
  return document.languageId === 'plaintext';
}
