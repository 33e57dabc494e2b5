import * as assert from 'node:assert/strict';
import { clustersOf } from '../../../../src/core/ner/clusters';
import { hashString, mix } from '../../../../src/core/ner/hash';
import { lexeme, roleFeatures, writeRoles, ROLE_FEATURES_MAX, type Lexeme } from '../../../../src/core/ner/lexeme';
import { shapeHashOf, wordShape } from '../../../../src/core/ner/shape';
import { T } from '../../../../src/core/ner/templates';

// The shipped model was trained on features defined by strings (a word's shape, its prefixes and
// suffixes); a new word's features are worked out without making those strings, for speed. They must
// be the same hashes, or the model reads other weights than it learnt.
function definedRoles(lex: Lexeme): number[][] {
  const { word, lower, lowerHash, shapeHash } = lex;
  const role0 = [mix(T.Bias, 0), mix(T.Word, hashString(word)), mix(T.Lower, lowerHash), mix(T.Shape, hashString(wordShape(word, false)))];
  for (let k = 1; k <= 4 && k <= lower.length; k++) role0.push(mix(T.Prefix, hashString(lower.slice(0, k))), mix(T.Suffix, hashString(lower.slice(-k))));
  let flags = 0;
  if (/[0-9]/.test(word)) flags |= 1;
  if (word.includes('-')) flags |= 2;
  if (word.includes('.')) flags |= 4;
  if (word.length > 1 && /^\p{Lu}+$/u.test(word)) flags |= 8;
  if (flags) role0.push(mix(T.Flags, flags));
  // A word with a letter: its fine and coarse clusters (0: none), each with its capital.
  const clusters = /\p{L}/u.test(word) ? clustersOf(lower) : -1;
  const cap = /^\p{Lu}/u.test(word) ? 1 : 0;
  if (clusters >= 0) role0.push(mix(T.Cluster, (clusters >> 8) * 2 + cap), mix(T.ClusterCoarse, (clusters & 255) * 2 + cap));
  const left = [mix(T.LowerM1, lowerHash), mix(T.ShapeM1, shapeHash)];
  if (lower.length > 2) left.push(mix(T.SuffixM1, hashString(lower.slice(-3))));
  if (clusters >= 0) left.push(mix(T.ClusterM1, (clusters >> 8) * 2 + cap));
  const right = [mix(T.LowerP1, lowerHash), mix(T.ShapeP1, shapeHash)];
  if (clusters >= 0) right.push(mix(T.ClusterP1, (clusters >> 8) * 2 + cap));
  return [role0, left, right, [mix(T.LowerM2, lowerHash), mix(T.ShapeM2, shapeHash)], [mix(T.LowerP2, lowerHash), mix(T.ShapeP2, shapeHash)]];
}

describe('features of a new word', () => {
  // Every ASCII character (the fast paths test character codes by range), alone and inside words.
  const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).flatMap((ch) => [ch, `Ab${ch}z`, `${ch.repeat(3)}Qy`, `zZ${ch}`]);
  const words = [...ascii, 'Seoul', 'U.S.', 'UNITED24', 'GlobalSecurity.org', 'mid-1990s', 'Ñandú', 'ÉCOLE', 'İstanbul', 'Straße', '\u97d3\u56fd', 'a\u{1d400}b\u{1d400}\u{1d400}', '\ud800x', '\u{1f600}\u{1f600}ok', 'Xx', 'xxxxX', '1,000,000', "O'Neill", 'x', '', 'Thursday', '\u0130i\u0307'];

  it('have the shape their definition gives, without the shape string', () => {
    for (const word of words) {
      for (const collapse of [true, false]) assert.equal(shapeHashOf(word, collapse), hashString(wordShape(word, collapse)), `shape of "${word}"`);
      if (!/^thursday$/i.test(word)) assert.equal(lexeme(word).shapeHash, hashString(wordShape(lexeme(word).word, true)) | 0, `lexeme shape of "${word}"`);
    }
  });

  it('have the case their definition gives', () => {
    for (const word of [...words, 'ABC', 'abc', 'Abc', 'aBC', '123', 'a1', '-', 'x-ray', 'Ab\u00e9', '\u00c9cole']) {
      const lex = lexeme(word);
      const w = lex.word;
      assert.deepEqual(
        [lex.capitalised, lex.allLower, lex.hasLower, lex.hasLetter, lex.upperHash],
        [/^\p{Lu}/u.test(w), /^\p{Ll}+$/u.test(w), /\p{Ll}/u.test(w), /\p{L}/u.test(w), hashString(w.toUpperCase()) | 0],
        `case of "${word}"`,
      );
    }
  });

  it('have the role features their definition gives, kept or written into scratch', () => {
    const out = new Uint32Array(ROLE_FEATURES_MAX);
    const ends = new Int32Array(5);
    for (const word of words) {
      const lex = lexeme(word);
      const defined = definedRoles(lex);
      writeRoles(lex, out, ends);
      assert.deepEqual([0, 1, 2, 3, 4].map((r) => [...out.subarray(r ? ends[r - 1] : 0, ends[r])]), defined, `"${word}" written`);
      assert.deepEqual(roleFeatures(lex).map((r) => [...r]), defined, `"${word}" kept`);
      writeRoles(lex, out, ends);
      assert.deepEqual([0, 1, 2, 3, 4].map((r) => [...out.subarray(r ? ends[r - 1] : 0, ends[r])]), defined, `"${word}" written once kept`);
    }
  });
});
