/**
 * A large W3C file for one document (issue 12: large imports run off the extension host's main thread),
 * for the import host test and the host benchmark: capitalised words of the text as entities, every
 * seventh one suggested, one fact per ten.
 */
import { exportW3c } from '../../src/core/export/w3c';
import type { Annotation, Fact } from '../../src/core/model';

/** The text repeated until its W3C export of one document reaches `bytes`; the text and the W3C JSON. */
export function largeW3c(paragraph: string, bytes: number, name: string, uri: string): { text: string; w3c: string } {
  // The export grows linearly with the text: size it from one paragraph's export.
  const one = w3cOf(paragraph, name, uri);
  const times = Math.max(1, Math.ceil(bytes / one.length));
  const text = Array(times).fill(paragraph).join('\n');
  return { text, w3c: w3cOf(text, name, uri) };
}

function w3cOf(text: string, name: string, uri: string): string {
  const types = ['PERSON', 'ORGANIZATION', 'PLACE'];
  const annotations: Annotation[] = [];
  for (const m of text.matchAll(/\b\p{Lu}\p{Ll}+\b/gu)) {
    const i = annotations.length;
    annotations.push({ id: `a${i + 1}`, type: types[m[0].length % 3], start: m.index, end: m.index + m[0].length, text: m[0], status: i % 7 === 6 ? 'suggested' : 'confirmed' });
  }
  const facts: Fact[] = [];
  for (let i = 0; i + 2 < annotations.length; i += 10) {
    const group = annotations.slice(i, i + 3);
    const start = group[0].start;
    const end = group[2].end;
    facts.push({ id: `f${facts.length + 1}`, label: 'Statement', start, end, text: text.slice(start, end), entities: group.map((a) => a.id) });
  }
  return exportW3c([{ text, name, uri, doc: { path: name, annotations, facts } }], { includeSuggested: true }).files[0].content;
}
