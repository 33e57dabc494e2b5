/**
 * Comments a rewrite must keep: the writers check their result with these, and fall back or refuse
 * rather than drop a line the analyst wrote.
 */

import { isMap, parseDocument, visit } from 'yaml';
import { YAML_OPTIONS } from './parse';
import type { SidecarData } from './types';

/**
 * The first comment line of `original` missing from `text`, leaving out those of entries `data`
 * no longer holds (removed with their entry, as the in-place writers do); undefined when none is.
 * Counted, not searched: a comment written twice ("# checked" on two entries) and kept once is lost
 * too, though its text is still in the output.
 */
export function lostComments(original: string, text: string, data: SidecarData): string | undefined {
  const kept = new Set([...data.annotations, ...data.facts].map((e) => e.id));
  const left = new Map<string, number>();
  for (const line of commentLines(text)) left.set(line, (left.get(line) ?? 0) + 1);
  return commentLines(original, kept).find((line) => {
    const n = left.get(line) ?? 0;
    left.set(line, n - 1);
    return n <= 0;
  });
}

/** The comment lines of a YAML text (without their `#`, blank ones left out); with `kept`, not those of list entries whose id is not in it. */
function commentLines(source: string, kept?: ReadonlySet<string>): string[] {
  const yaml = parseDocument(source, YAML_OPTIONS);
  const lines: string[] = [];
  // (In a CRLF file the parser can leave a line's \r on a comment followed by a blank line.)
  // Loops, not push(...): a comment of 100,000s of lines would overflow the stack.
  const add = (some: string[]) => {
    for (const line of some) lines.push(line);
  };
  const take = (c: string | null | undefined) => {
    if (c) add(c.split(/\r?\n/));
  };
  take(yaml.commentBefore);
  take(yaml.comment);
  visit(yaml, {
    Node(key, node) {
      // An entry of a list that is gone: its comments went with it, those above it and the one on
      // its last line; lines below it (the parser gives them to it in a flow list) are not its own.
      if (kept && typeof key === 'number' && isMap(node) && typeof node.get('id') === 'string' && !kept.has(node.get('id') as string)) {
        const hash = source.indexOf('#', node.range![1]);
        const onItsLine = hash >= 0 && !source.slice(node.range![1], hash).includes('\n');
        add((node.comment ?? '').split(/\r?\n/).slice(onItsLine ? 1 : 0));
        return visit.SKIP;
      }
      take(node.commentBefore);
      take(node.comment);
      return undefined;
    },
  });
  return lines.map((line) => line.replace(/\r$/, '')).filter((line) => line.trim() !== '');
}
