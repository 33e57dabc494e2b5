import * as assert from 'node:assert/strict';
import { splitSentences, tokenize } from '../../../../src/core/ner/tokenize';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('ner tokenizer', () => {
  it('keeps hyphenated Korean names and abbreviations whole', () => {
    assert.deepEqual(words('Roh Moo-hyun and Park Chan-bong visited the U.S. on Monday.'), [
      'Roh', 'Moo-hyun', 'and', 'Park', 'Chan-bong', 'visited', 'the', 'U.S.', 'on', 'Monday', '.',
    ]);
  });

  it('splits possessives and clitics like the training data', () => {
    assert.deepEqual(words("Seoul's ministry"), ['Seoul', "'s", 'ministry']);
    assert.deepEqual(words('Seoul\u2019s ministry'), ['Seoul', '\u2019s', 'ministry']);
    assert.deepEqual(words("the Koreans' view; they don't"), ['the', 'Koreans', "'", 'view', ';', 'they', 'do', "n't"]);
    assert.deepEqual(words("O'Brien"), ["O'Brien"]);
    assert.deepEqual(words("Seoul 's 'Moscow'"), ['Seoul', "'s", "'", 'Moscow', "'"]);
  });

  it('separates quotes, brackets, dashes and sentence-final periods', () => {
    assert.deepEqual(words('a "peace regime." (AP) - 1,000 people--2.5%'), [
      'a', '"', 'peace', 'regime', '.', '"', '(', 'AP', ')', '-', '1,000', 'people', '--', '2.5', '%',
    ]);
  });

  it('gives exact UTF-16 offsets around astral characters and CRLF', () => {
    const text = '😀 Park Chan-bong\r\nsaid 𝒳-ray 👩‍👩‍👧 Seoul\u00a0Korea\u2028end';
    const tokens = tokenize(text);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
    for (let k = 1; k < tokens.length; k++) assert.ok(tokens[k].start >= tokens[k - 1].end, 'tokens in order, no overlap');
    assert.ok(tokens.some((t) => t.text === 'Chan-bong' && t.start === text.indexOf('Chan-bong')));
    assert.ok(tokens.some((t) => t.text === 'Seoul'));
    assert.ok(tokens.every((t) => !/\s/.test(t.text)), 'no token holds whitespace');
    // no token starts or ends inside a surrogate pair
    for (const t of tokens) {
      assert.ok(!(text.charCodeAt(t.start) >= 0xdc00 && text.charCodeAt(t.start) <= 0xdfff));
      assert.ok(!(text.charCodeAt(t.end - 1) >= 0xd800 && text.charCodeAt(t.end - 1) <= 0xdbff));
    }
  });
});

describe('ner sentence splitter', () => {
  const sentences = (text: string) => splitSentences(text, tokenize(text)).map((s) => s.map((t) => t.text).join(' '));

  it('ends sentences at terminal punctuation but not after titles or initials', () => {
    assert.deepEqual(sentences('Mr. Kim has left. He met U.S. officials. "We agree," said Park.'), [
      'Mr. Kim has left .',
      'He met U.S. officials .',
      '" We agree , " said Park .',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    assert.deepEqual(sentences('They call it a "peace regime." Park said so.'), [
      'They call it a " peace regime . "',
      'Park said so .',
    ]);
  });

  it('ends a title line and a paragraph, with LF or CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `North, South Korean Generals Hold Talks${eol}${eol}02 March 2006${eol}North Korean generals met.`;
      assert.deepEqual(sentences(text), ['North , South Korean Generals Hold Talks', '02 March 2006', 'North Korean generals met .']);
    }
  });

  it('treats a lone CR, NEL and the line separator as line breaks', () => {
    for (const eol of ['\r', '\u0085', '\u2028']) {
      assert.deepEqual(sentences(`Talks in Seoul${eol}Kim met Roh`), ['Talks in Seoul', 'Kim met Roh'], JSON.stringify(eol));
    }
  });

  it('does not end a sentence at a line that merely wraps', () => {
    const text = 'The flow of commercial traffic between the two sides has increased since a historic\nsummit in 2000.';
    assert.equal(sentences(text).length, 1);
  });

  it('measures a wrapped line from its own start, after leading blank lines and after earlier lines', () => {
    const long = 'The flow of commercial traffic between the two sides has increased since a historic';
    // The leading line breaks and the title before it do not count towards the long line's length.
    assert.equal(sentences(`\n\n  ${long}\nsummit in 2000.`).length, 1);
    assert.deepEqual(sentences(`Talks\n${long}\nSummit in 2000.`), ['Talks', `${long} Summit in 2000 .`]);
    // A short line followed by a single break ends a sentence, wherever the text starts.
    assert.deepEqual(sentences('\r\n Seoul, March 2\nKim met Roh.'), ['Seoul , March 2', 'Kim met Roh .']);
  });

  it('measures a short line from a line break of any kind before it, after a wrapped line', () => {
    const long = 'The flow of commercial traffic between the two sides has increased since a historic';
    for (const eol of ['\r\n', '\r', '\u0085', '\u2028', '\u2029']) {
      // The dateline is a short line of its own: its single break ends the sentence, as after \n.
      assert.deepEqual(sentences(`${long}${eol}Seoul, March 2\nKim met Roh.`), [`${long} Seoul , March 2`, 'Kim met Roh .'], JSON.stringify(eol));
    }
  });
});
