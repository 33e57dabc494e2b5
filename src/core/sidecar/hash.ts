/** Fingerprints of document and sidecar text, computed the same way on every platform. */

import { sha1 } from '@noble/hashes/legacy.js';

/**
 * UTF-8 bytes of a JavaScript string. A lone surrogate becomes U+FFFD, as TextEncoder does
 * (TextEncoder is not part of the ES library the core is restricted to).
 */
export function utf8Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    }
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return out.subarray(0, n);
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += (b < 16 ? '0' : '') + b.toString(16);
  return s;
}

/**
 * git's blob hash of the text's UTF-8 bytes: `sha1("blob <len>\0" + bytes)`, as `git hash-object`
 * prints it. Stored as the document fingerprint so that the text the anchors were made on can be
 * fetched back from git history (`git cat-file blob <hash>`).
 */
export function gitBlobSha1(text: string): string {
  // Loading a sidecar asks for the hash of the same text more than once (is it the text the sidecar
  // describes; which old text to fetch): the last answer is kept. The same string compares at once.
  if (text !== lastHashed.text) lastHashed = { text, hash: gitBlobOfBytes(utf8Bytes(text)) };
  return lastHashed.hash;
}

let lastHashed: { text: string | undefined; hash: string } = { text: undefined, hash: '' };

/** git's blob hash of a file's bytes, as `git hash-object` prints it. */
export function gitBlobOfBytes(body: Uint8Array): string {
  const header = utf8Bytes(`blob ${body.length}\0`);
  const all = new Uint8Array(header.length + body.length);
  all.set(header, 0);
  all.set(body, header.length);
  return hex(sha1(all));
}

/**
 * Hash of a file's content (the git blob hash), to tell whether a sidecar changed on disk since it
 * was read: compare by content, never by modification time.
 */
export function contentHash(text: string): string {
  return gitBlobSha1(text);
}

/**
 * The fingerprint stored as `document.gitBlob`: the git blob hash of the document file when its
 * bytes are given and read as `text` (an editor drops a byte-order mark and shows invalid UTF-8 as
 * U+FFFD, so the text alone cannot give the file's hash), else of the text's UTF-8.
 */
export function documentFingerprint(text: string, fileBytes?: Uint8Array): string {
  if (fileBytes && new TextDecoder('utf-8').decode(fileBytes) === text) return gitBlobOfBytes(fileBytes);
  return gitBlobSha1(text);
}

/**
 * True when `fingerprint` is that of `text`: of its UTF-8, or of a file holding it after a
 * byte-order mark. (A file with invalid UTF-8 can only be told by its bytes: see
 * {@link documentFingerprint}; without them its text counts as changed and is re-anchored.)
 */
export function fingerprintMatches(fingerprint: string | undefined, text: string, fileBytes?: Uint8Array): boolean {
  if (fingerprint === undefined) return false;
  if (fingerprint === gitBlobSha1(text)) return true;
  if (fileBytes) return fingerprint === documentFingerprint(text, fileBytes);
  return fingerprint === gitBlobSha1(`\ufeff${text}`);
}
