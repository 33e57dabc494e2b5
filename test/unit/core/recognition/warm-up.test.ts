import * as assert from 'node:assert/strict';
import { commonWords } from '../../../../src/core/ner/clusters';
import { forgetLexemes, lexemeKept } from '../../../../src/core/ner/lexeme';
import { warmUpRecognizers } from '../../../../src/core/recognition';

describe('the warm-up at activation (issue 14, first paint)', () => {
  it('takes the commonest words from the word clusters, most frequent first', () => {
    const words = commonWords(15);
    assert.equal(words.length, 15 * 512);
    assert.equal(words[0], 'the');
    assert.equal(new Set(words).size, words.length);
    assert.ok(words.every((w) => w === w.toLowerCase()));
  });

  it('leaves the tagger knowing those words, in lower case and capitalised, so that a new article finds them known', function () {
    this.timeout(60_000);
    // (The lexemes are the process's: emptied first, as when they fill up, so that only the warm-up fills them.)
    forgetLexemes();
    assert.equal(lexemeKept('government'), false);
    warmUpRecognizers();
    const words = commonWords(15);
    const missing = [...words, ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].filter((w) => !lexemeKept(w));
    // (A few the tokenizer reads with the full stop after them, as an abbreviation: "Sen.")
    assert.ok(missing.length <= 5, `${missing.length} of ${words.length * 2} not known: ${missing.slice(0, 10).join(' ')}`);
  });
});
