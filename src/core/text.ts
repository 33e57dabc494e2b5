/** Why a document is not recognised, or undefined when it can be. */
export function unsuitableReason(text: string, maxLength: number): string | undefined {
  if (text.length > maxLength) {
    return `larger than the ${Math.round(maxLength / 1024)} KB limit (factmark.suggestions.maxFileSizeKB)`;
  }
  // NUL characters never occur in text articles; a few in the first 8 KB mean a binary file.
  if (text.slice(0, 8192).includes('\u0000')) return 'a binary file';
  return undefined;
}

/** `s` as a regular expression that matches it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a file's text on disk is what an editor holds of it. VS Code gives a loaded document one
 * line ending (a file of mixed CRLF and LF gets its majority's) and drops a UTF-8 BOM, so the two
 * are compared with those left out; any other difference counts.
 */
export function sameAsLoaded(disk: string, loaded: string): boolean {
  const plain = (s: string) => s.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return disk === loaded || plain(disk) === plain(loaded);
}
