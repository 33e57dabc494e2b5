import * as vscode from 'vscode';
import { gitBlobOfBytes, gitBlobSha1 } from '../../core/sidecar';
import type { TextStore } from '../../node/textStore';
import { inNodeHost, onNodeDisk } from '../host';

/**
 * Where the text a sidecar's offsets were made on can come from, by its fingerprint (the git blob
 * hash stored as `document.gitBlob`): the texts Factmark saw in this session, then the copies kept
 * of the texts sidecars were written on (src/node/textStore.ts, shared with the CLI; desktop only,
 * unless `factmark.keepTextCopies` is off), then git's object store (`git cat-file blob <hash>`), so
 * that re-anchoring can diff instead of searching.
 */
export class OldTexts {
  private readonly texts = new Map<string, string>();
  /**
   * Texts remembered without their hash, oldest first: hashed when a sidecar first asks for a text
   * (find). Hashing on open cost 4-5 ms of CPU for a 5 KB article (two SHA-1s of its text in plain
   * JavaScript, not yet optimised; 21 ms in a profile of the extension host), within the 150 ms to its
   * first highlights, for a text that is asked for only after an edit made while it was closed.
   */
  private unhashed: string[] = [];
  private bytes = 0;

  private store: Promise<TextStore | undefined> | undefined;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** The store of kept texts: none in the browser, or when the user turned it off. */
  private textStore(): Promise<TextStore | undefined> {
    if (!inNodeHost() || !vscode.workspace.getConfiguration('factmark').get<boolean>('keepTextCopies', true)) return Promise.resolve(undefined);
    return (this.store ??= import('../../node/textStore').then(
      (m) => m.openTextStore(),
      () => undefined,
    ));
  }

  /**
   * Keeps a copy of the text a sidecar refers to by `gitBlob` (just written, or read with its
   * fingerprint matching), so that after an edit made while the article is closed the old text is
   * known, in a later session or to the CLI. Never fails: without the copy re-anchoring searches, as
   * it always could.
   */
  async keep(gitBlob: string | undefined, text: string, fileBytes?: Uint8Array): Promise<void> {
    try {
      const store = gitBlob ? await this.textStore() : undefined;
      if (!store) return;
      const { keepText } = await import('../../node/textStore');
      keepText(store, text, fileBytes, gitBlob);
    } catch {
      // not kept: nothing else depends on it
    }
  }

  /**
   * Remembers a text Factmark saw (on open, on save, before an external change). Without its hash it
   * is filed under the text's and, for an article saved with a byte-order mark (whose fingerprint is
   * that of the file's bytes), under the BOM's too, since the editor's text has no BOM.
   */
  remember(text: string, hash?: string): void {
    if (hash === undefined) {
      // (The same text again, saved twice or reopened, is not kept twice.)
      const at = this.unhashed.indexOf(text);
      if (at >= 0) this.unhashed.splice(at, 1);
      else this.bytes += text.length * 2;
      this.unhashed.push(text);
      this.evict();
      return;
    }
    if (this.texts.has(hash)) {
      // Most recently used last.
      this.texts.delete(hash);
      this.texts.set(hash, text);
      return;
    }
    this.texts.set(hash, text);
    this.bytes += text.length * 2;
    this.evict();
  }

  /** Over the budget: the least recently used first (the texts not yet hashed are the most recent); the last one stays. */
  private evict(): void {
    if (this.bytes <= this.maxBytes) return;
    if (this.unhashed.length > 0) this.hashRemembered();
    for (const [k, v] of this.texts) {
      if (this.bytes <= this.maxBytes || this.texts.size <= 1) break;
      this.texts.delete(k);
      this.bytes -= v.length * 2;
    }
  }

  /** Files the texts remembered without a hash under their hashes (the text's, and with a byte-order mark, the file's). */
  private hashRemembered(): void {
    const texts = this.unhashed;
    this.unhashed = [];
    for (const text of texts) {
      this.bytes -= text.length * 2;
      this.remember(text, gitBlobSha1(text));
      this.remember(text, gitBlobSha1('\ufeff' + text));
    }
  }


  /** The text whose git blob hash is `hash`, when the cache or git has it. */
  async find(hash: string | undefined, document: vscode.Uri): Promise<string | undefined> {
    if (!hash || !/^[0-9a-f]{40}$/.test(hash)) return undefined;
    if (!this.texts.has(hash)) this.hashRemembered();
    const cached = this.texts.get(hash);
    if (cached !== undefined) return cached;
    const text = (await this.fromStore(hash)) ?? (await fromGit(hash, document));
    if (text !== undefined) this.remember(text, hash);
    return text;
  }

  /** The kept copy whose fingerprint is `hash`, read as VS Code reads files (the store checked its bytes). */
  private async fromStore(hash: string): Promise<string | undefined> {
    const bytes = (await this.textStore())?.get(hash);
    return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
  }
}

/**
 * The blob from git, for local files in a trusted workspace only (Restricted Mode runs no
 * external process) and in a Node host only (the browser has no processes: on the web only the
 * texts seen in this session are known). Any failure (no git, not a repository, unknown object)
 * means "not found".
 */
async function fromGit(hash: string, document: vscode.Uri): Promise<string | undefined> {
  if (!onNodeDisk(document) || !vscode.workspace.isTrusted) return undefined;
  const { execFile } = await import('child_process');
  const path = await import('path');
  const bytes = await new Promise<Buffer | undefined>((resolve) => {
    execFile(
      'git',
      ['cat-file', 'blob', hash],
      { cwd: path.dirname(document.fsPath), encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 5000, windowsHide: true },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
  if (!bytes) return undefined;
  // The fingerprint is the blob's own hash (a byte-order mark and invalid UTF-8 included, which
  // the text as VS Code reads it no longer holds): checked on the bytes, then decoded as VS Code does.
  if (gitBlobOfBytes(bytes) !== hash) return undefined;
  return new TextDecoder('utf-8').decode(bytes);
}
