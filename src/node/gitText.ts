/**
 * The text a sidecar's offsets were made on, from git's object store by its fingerprint (the git
 * blob hash a sidecar stores as `document.gitBlob`), so that re-anchoring after an edit made outside
 * Factmark can diff the two texts instead of searching for each quote: with the old text known, a
 * sentence copied next to the original no longer leaves an annotation on the wrong copy. The
 * extension asks git the same way, asynchronously (src/features/sidecar/oldText.ts). Factmark's own
 * store of those texts (textStore.ts) is asked first.
 */
import { execFileSync } from 'node:child_process';
import { stripBom } from '../core/documents';
import { gitBlobOfBytes } from '../core/sidecar';
import { openTextStore, type TextStore } from './textStore';

/** The largest old text asked of git (the document limit of the CLI). */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The UTF-8 text of blob `hash` from the repository holding `dir` (its byte-order mark removed, as
 * the CLI reads documents), or undefined: no git, not a repository, no such object, a blob whose
 * bytes do not hash to `hash`, or bytes that are not UTF-8.
 */
export function gitBlobTextSync(hash: string, dir: string): string | undefined {
  if (!/^[0-9a-f]{40}$/.test(hash)) return undefined;
  let bytes: Buffer;
  try {
    bytes = execFileSync('git', ['cat-file', 'blob', hash], { cwd: dir, maxBuffer: MAX_BYTES, timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
  } catch {
    return undefined;
  }
  return gitBlobOfBytes(bytes) === hash ? textOfBytes(bytes) : undefined;
}

/** Bytes read as the CLI reads documents: UTF-8 or nothing, the byte-order mark removed. */
function textOfBytes(bytes: Uint8Array): string | undefined {
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * The old texts a sidecar's fingerprint may name, for documents in `dir`: Factmark's own store of the
 * texts sidecars were written on (textStore.ts), then git's. Each hash is looked up once (retries
 * re-read the sidecar).
 */
export function oldTextsOf(dir: string, store: TextStore | undefined = openTextStore()): (hash: string) => string | undefined {
  const asked = new Map<string, string | undefined>();
  return (hash) => {
    if (!asked.has(hash)) {
      const kept = store?.get(hash);
      asked.set(hash, (kept && textOfBytes(kept)) ?? gitBlobTextSync(hash, dir));
    }
    return asked.get(hash);
  };
}
