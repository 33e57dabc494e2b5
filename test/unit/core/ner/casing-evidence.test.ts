import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CASING_LOWER, CASING_MID_CAP, isAllCaps, prepareDocument } from '../../../../src/core/ner/features';
import { isTitleCase } from '../../../../src/core/ner/recase';
import { lexeme } from '../../../../src/core/ner/lexeme';

// The casing evidence of a document (is a capitalised word written in lower case, or capitalised
// mid-sentence, elsewhere in it?) lives in one table reused by every document, for speed. What the
// tagger sees must be what two sets per document gave: nothing carried over from the document before.

/** The evidence as the tagger had it before the shared table: two sets of word hashes per document. */
function reference(sentences: string[][]): number[][] {
  const lexemes = sentences.map((words) => words.map(lexeme));
  const caps = lexemes.map((lex) => isAllCaps(lex) || isTitleCase(lex));
  const lower = new Set<number>();
  const midCap = new Set<number>();
  lexemes.forEach((sentence, s) =>
    sentence.forEach((lex, i) => {
      if (lex.allLower) lower.add(lex.lowerHash | 0);
      else if (!caps[s] && i > 0 && lex.capitalised && lex.hasLower) midCap.add(lex.lowerHash | 0);
    }),
  );
  return lexemes.map((sentence) =>
    sentence.map((lex) => (lex.capitalised ? (lower.has(lex.lowerHash | 0) ? CASING_LOWER : 0) | (midCap.has(lex.lowerHash | 0) ? CASING_MID_CAP : 0) : 0)),
  );
}

const casingOf = (sentences: string[][]): number[][] => prepareDocument(sentences, {}, false).map((s) => [...s.casing]);

describe('casing evidence of the entity tagger', () => {
  it('says which capitalised words the same document writes in lower case or capitalises mid-sentence', () => {
    const doc = [
      ['Rice', 'fell', '.'],
      ['They', 'grow', 'rice', 'and', 'met', 'Bush', '.'],
      ['Bush', 'said', 'so', '.'],
    ];
    assert.deepEqual(casingOf(doc), [
      [CASING_LOWER, 0, 0],
      [0, 0, 0, 0, 0, CASING_MID_CAP, 0],
      [CASING_MID_CAP, 0, 0, 0],
    ]);
  });

  it('carries nothing over from the document recognised before', () => {
    casingOf([['the', 'bush', 'burned', 'and', 'Rice', 'spoke', '.']]);
    assert.deepEqual(casingOf([['Bush', 'said', '.'], ['Rice', 'left', '.']]), [
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('agrees with two sets per document on any run of documents, small or large', () => {
    const word = fc.constantFrom('Kim', 'kim', 'Park', 'park', 'Seoul', 'SEOUL', 'the', 'The', 'Of', 'of', 'Bank', 'bank', 'A', 'a', '.', '"', 'Émile', 'émile', 'US', 'us', 'Us');
    const sentence = fc.array(fc.oneof(word, fc.stringMatching(/^[A-Za-z]{1,6}$/)), { minLength: 1, maxLength: 12 });
    const documents = fc.array(fc.array(sentence, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(documents, (docs) => {
        for (const doc of docs) assert.deepEqual(casingOf(doc), reference(doc));
      }),
      { numRuns: 200 },
    );
    // A document with more distinct words than the table first holds: it grows, and forgets nothing.
    // (Letters, not digits, tell the words apart: the tagger reads every digit as 0.)
    const letters = (k: number): string => (k < 26 ? '' : letters(Math.floor(k / 26) - 1)) + String.fromCharCode(97 + (k % 26));
    const big = Array.from({ length: 3000 }, (_, k) => [`Word${letters(k)}`, `word${letters(k)}`, `Other${letters(k)}`]);
    assert.deepEqual(casingOf(big), reference(big));
    // One larger than the shared table is for (a book at once) has a table of its own, and the next document starts clean.
    const book = Array.from({ length: 12000 }, (_, k) => [`Word${letters(k)}`, `word${letters(k)}`, `Other${letters(k)}`]);
    assert.deepEqual(casingOf(book), reference(book));
    assert.deepEqual(casingOf([['Wordb', 'said', '.']]), [[0, 0, 0]]);
  });
});
