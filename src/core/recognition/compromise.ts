import nlp from 'compromise';
import type { EntityType, Mention, Recognizer } from '../model';

/**
 * First entity recogniser, built on `compromise`'s lexicon and rules. It is weak on news
 * (0.49 F1 on CoNLL-2003) and exists so the pipeline runs end to end; the trained tagger in
 * ../ner replaces it behind the same Recognizer interface.
 */
export const compromiseRecognizer: Recognizer = {
  name: 'compromise',
  recognize(text: string): Mention[] {
    const doc = nlp(text);
    const found: Mention[] = [];
    const collect = (view: { json(opts: object): unknown }, type: EntityType) => {
      for (const item of view.json({ offset: true }) as Array<{ offset?: { start: number; length: number } }>) {
        if (!item.offset) continue;
        const span = trimToWord(text, item.offset.start, item.offset.start + item.offset.length);
        if (span) found.push({ ...span, type, text: text.slice(span.start, span.end), source: 'compromise' });
      }
    };
    collect(doc.people(), 'PERSON');
    collect(doc.organizations(), 'ORGANIZATION');
    collect(doc.places(), 'PLACE');
    return found.sort((a, b) => a.start - b.start || b.end - a.end);
  },
};

/** compromise's offsets include surrounding punctuation ("Seoul."); keep letters and digits at the edges. */
function trimToWord(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const wordChar = /[\p{L}\p{N}]/u;
  while (start < end && !wordChar.test(text[start])) start++;
  while (end > start && !wordChar.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}
