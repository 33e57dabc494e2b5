// What the evaluations of hand-labelled text (eval-headlines, eval-wiki) share: the inline marks read
// as gold spans, and the shipped recogniser's entities in the same terms.
import { loadCore } from './conll.mjs';

const BACK = { PERSON: 'PER', ORGANIZATION: 'ORG', PLACE: 'LOC', MISC: 'MISC' };

/** A labelled line ("[PER Kim]'s Visit …") as its text and gold chunks (character spans). */
export function unlabel(line) {
  let text = '';
  const gold = [];
  let last = 0;
  for (const m of line.matchAll(/\[(PER|ORG|LOC|MISC) ([^\]]+)\]/g)) {
    text += line.slice(last, m.index);
    gold.push({ type: m[1], start: text.length, end: text.length + m[2].length });
    text += m[2];
    last = m.index + m[0].length;
  }
  return { text: text + line.slice(last), gold };
}

/** The shipped model's entities of a text as CoNLL chunks (`found`), and conlleval's scorer. */
export async function entityScoring() {
  const ner = await loadCore('ner/index.js');
  const { ChunkScorer } = await loadCore('ner/conlleval.js');
  const model = ner.loadEntityModel();
  const found = (text) => ner.recognizeEntities(text, model, true).map((m) => ({ type: BACK[m.type], start: m.start, end: m.end }));
  return { found, ChunkScorer };
}

/** An F1 as a percentage, five characters wide. */
export const pct = (s) => (100 * s.f1).toFixed(1).padStart(5);
