import * as assert from 'node:assert/strict';
import type { Mention } from '../../../../src/core/model';
import { EMPTY_LEXICON, Learned, addDecisions, parseLexicon, patternRecognizer, serializeLexicon } from '../../../../src/core/learning';

const texts = (ms: Mention[]) => ms.map((m) => `${m.type}:${m.text}`);

describe('learning from the user', () => {
  const text = 'Park Chan-bong met Park Chan-bong\'s aides. Parker did not. The Bank of England and England.';

  it('suggests a confirmed text at every other whole-word mention', () => {
    const lexicon = addDecisions(EMPTY_LEXICON, [{ text: 'Park Chan-bong', type: 'PERSON' }], []);
    const out = new Learned(lexicon, []).apply(text, [], {});
    assert.deepEqual(texts(out), ['PERSON:Park Chan-bong', 'PERSON:Park Chan-bong']);
    for (const m of out) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('prefers the longest confirmed text and overrides an overlapping model suggestion', () => {
    const lexicon = addDecisions(EMPTY_LEXICON, [
      { text: 'Bank of England', type: 'ORGANIZATION' },
      { text: 'England', type: 'PLACE' },
    ], []);
    const at = text.indexOf('Bank');
    const model: Mention[] = [{ start: at + 8, end: at + 15, text: 'England', type: 'PERSON', source: 'entities' }];
    const out = new Learned(lexicon, []).apply(text, model, {});
    assert.deepEqual(texts(out), ['ORGANIZATION:Bank of England', 'PLACE:England']);
  });

  it('does not offer a rejected suggestion again, and a later confirmation withdraws the rejection', () => {
    const model: Mention[] = [{ start: 0, end: 4, text: 'Park', type: 'PLACE', source: 'entities' }];
    let lexicon = addDecisions(EMPTY_LEXICON, [], [{ text: 'Park', type: 'PLACE' }]);
    assert.deepEqual(new Learned(lexicon, []).apply(text, model, {}), []);
    lexicon = addDecisions(lexicon, [{ text: 'Park', type: 'PLACE' }], []);
    assert.equal(lexicon.rejected.length, 0);
  });

  it('round-trips the lexicon file, sorted one entry per line, and reports bad entries without losing good ones', () => {
    const lexicon = addDecisions(EMPTY_LEXICON, [{ text: 'Zeta "Z" Corp', type: 'ORGANIZATION' }, { text: 'Alpha', type: 'PERSON' }], [{ text: 'Mass', type: 'PLACE' }]);
    const file = serializeLexicon(lexicon);
    assert.ok(file.indexOf('Alpha') < file.indexOf('Zeta'));
    assert.deepEqual(parseLexicon(file).lexicon, lexicon);
    const broken = parseLexicon('confirmed:\n  - { text: Good, type: PERSON }\n  - { text: 3 }\n');
    assert.deepEqual(broken.lexicon.confirmed, [{ text: 'Good', type: 'PERSON' }]);
    assert.equal(broken.errors.length, 1);
    assert.ok(parseLexicon('confirmed: [').errors.length > 0);
  });
});

describe('user patterns', () => {
  it('suggests the matches of each pattern as its type', () => {
    const { recognizer, errors } = patternRecognizer([{ pattern: 'Resolution \\d+', type: 'MISC' }, { pattern: 'unhcr', type: 'ORGANIZATION', flags: 'i' }]);
    assert.deepEqual(errors, []);
    const out = recognizer.recognize('UNHCR cited Resolution 242 and UNHCR again.', {});
    assert.deepEqual(texts(out).sort(), ['MISC:Resolution 242', 'ORGANIZATION:UNHCR', 'ORGANIZATION:UNHCR']);
  });

  it('reports invalid, empty-matching and oversized patterns instead of throwing', () => {
    const { errors, recognizer } = patternRecognizer([
      { pattern: '(unclosed', type: 'MISC' },
      { pattern: 'a*', type: 'MISC' },
      { pattern: 'x'.repeat(600), type: 'MISC' },
      { pattern: 'ok', type: '' },
    ]);
    assert.equal(errors.length, 4);
    assert.match(errors[0], /patterns\[0\]/);
    assert.deepEqual(recognizer.recognize('aaa ok', {}), []);
  });
});
