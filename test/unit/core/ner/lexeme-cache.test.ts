import * as assert from 'node:assert/strict';
import { recognizeEntities } from '../../../../src/core/ner';
import { labelSentences } from '../../../../src/core/ner/recognizer';
import { lexeme, roleFeatures } from '../../../../src/core/ner/lexeme';

// Lexemes are cached three ways for speed (tokens of one or two ASCII characters by character code,
// recent longer words in a small table, the rest in a map), and every cache is emptied when they hold
// 30,000 words together. Which cache answers, or whether it was just emptied, must change no result.
describe('lexeme caches of the entity tagger', () => {
  const text = 'Mr. Kim said on Thursday that the U.S. and South Korea would meet in Seoul, a city of 10 million.';
  const fields = (word: string) => {
    const lex = lexeme(word);
    return { word: lex.word, lower: lex.lower, lowerHash: lex.lowerHash, shapeHash: lex.shapeHash, capitalised: lex.capitalised, roles: roleFeatures(lex).map((r) => [...r]) };
  };

  it('finds the same names after every cache of words has been emptied, short words included', () => {
    const before = recognizeEntities(text);
    const words = ['a', 'of', 'U.S.', 'Seoul', 'Kim', ',', '10', 'Mr.'].map((w) => [w, fields(w), lexeme(w)] as const);
    // More new words than the caches keep: they are emptied on the way.
    for (let k = 0; k < 31_000; k++) lexeme(`zq${k.toString(36)}`);
    for (const [word, seen, object] of words) {
      assert.notEqual(lexeme(word), object, `the cached lexeme of "${word}" was forgotten`);
      assert.deepEqual(fields(word), seen, `"${word}" reads the same`);
    }
    assert.deepEqual(recognizeEntities(text), before);
  });

  it('tags a sentence with an empty token, and tells one-character tokens apart', () => {
    // An empty text once answered with the mark of an empty slot of the recent words' table, not a lexeme.
    const labels = labelSentences([['Kim', '', 'Seoul']]);
    assert.equal(labels.length, 1);
    assert.equal(labels[0].length, 3);
    assert.equal(labels[0][1], 0, 'an empty token is outside any name');
    assert.equal(lexeme('').word, '');
    for (const [text, word] of [['\u201c', '"'], ['\u201d', '"'], ['\u2019', "'"], ['\u2014', '--'], ['\u97d3', '\u97d3'], ['', '']]) {
      assert.equal(lexeme(text).word, word, `the lexeme of "${text}"`);
    }
  });
});
