import * as assert from 'node:assert/strict';
import type { Mention } from '../../../../src/core/model';
import { EMPTY_LEXICON, Learned, Learner, addDecisions, parseLexicon, serializeLexicon } from '../../../../src/core/learning';

const texts = (ms: Mention[]) => ms.map((m) => `${m.type}:${m.text}`);
const place = (text: string, name: string, n = 0): Mention => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(name, i + 1);
  return { start: i, end: i + name.length, text: name, type: 'PLACE', source: 'entities' };
};

describe('decisions with a scope (issue 10)', () => {
  const text = 'North and South Korean generals met. Officials travelled to the North.';
  const model = [place(text, 'North'), place(text, 'North', 1)];

  it('a text rejected in one document is still suggested in the others', () => {
    const lexicon = addDecisions(EMPTY_LEXICON, [], [{ text: 'North', type: 'PLACE', document: 'news/korea.txt' }]);
    const learned = new Learned(lexicon, []);
    assert.deepEqual(learned.apply(text, model, {}, 'news/korea.txt'), []);
    assert.deepEqual(texts(learned.apply(text, model, {}, 'news/other.txt')), ['PLACE:North', 'PLACE:North']);
    assert.deepEqual(texts(learned.apply(text, model, {})), ['PLACE:North', 'PLACE:North'], 'a document without a path gets the entries for everywhere only');
  });

  it('a text rejected everywhere is not suggested in any document', () => {
    const learned = new Learned(addDecisions(EMPTY_LEXICON, [], [{ text: 'North', type: 'PLACE' }]), []);
    assert.deepEqual(learned.apply(text, model, {}, 'news/other.txt'), []);
  });

  it('writes the scope as a document field, reads files without it as before, and rejects a malformed one', () => {
    const lexicon = addDecisions(EMPTY_LEXICON, [{ text: 'Park Chan-bong', type: 'PERSON' }], [
      { text: 'North', type: 'PLACE', document: 'korea.txt' },
      { text: 'North', type: 'PLACE' },
    ]);
    const file = serializeLexicon(lexicon);
    assert.match(file, /- \{ text: "North", type: "PLACE", document: "korea.txt" \}/);
    assert.match(file, /- \{ text: "North", type: "PLACE" \}\n/);
    assert.deepEqual(parseLexicon(file).lexicon, lexicon);
    const old = parseLexicon('factmark-lexicon: 1\nconfirmed:\n  - { text: "Park Chan-bong", type: "PERSON" }\nrejected:\n  - { text: "Mass", type: "PLACE" }\n');
    assert.deepEqual(old.errors, []);
    assert.deepEqual(old.lexicon.rejected, [{ text: 'Mass', type: 'PLACE' }]);
    assert.equal(parseLexicon('rejected:\n  - { text: North, type: PLACE, document: 3 }\n').errors.length, 1);
  });

  it('a confirmed name is a hint: it fills gaps, never cuts a longer suggestion nor one of another kind', () => {
    const t = 'North Korea met the North. He won the U.S. Open in the U.S. and a London-based firm.';
    const models: Mention[] = [{ start: 0, end: 11, text: 'North Korea', type: 'PLACE', source: 'entities' }];
    const lexicon = addDecisions(EMPTY_LEXICON, [
      { text: 'North', type: 'PLACE' },
      { text: 'U.S.', type: 'PLACE' },
      { text: 'London', type: 'PLACE' },
    ], []);
    const out = texts(new Learned(lexicon, []).apply(t, models, {}));
    assert.deepEqual(out, ['PLACE:North Korea', 'PLACE:North', 'PLACE:U.S.']);
    const us = new Learned(lexicon, []).apply(t, models, {}).find((m) => m.text === 'U.S.')!;
    assert.equal(us.start, t.lastIndexOf('U.S.'), 'the hint is the U.S. standing alone, not the one in "U.S. Open"');
  });

  it('a learner never rejects by text what the user rejected on one mention', () => {
    const learner = new Learner();
    const north = place(text, 'North');
    learner.decide('korea.txt', text, [{ ...north, status: 'rejected' }]);
    assert.deepEqual(learner.lexicon.rejected, []);
    learner.decideText([{ text: 'North', type: 'PLACE', document: 'korea.txt' }], 'rejected');
    assert.ok(!learner.suggest(text, 'korea.txt').some((m) => m.text === 'North'));
    assert.ok(learner.suggest(text, 'other.txt').some((m) => m.text === 'North' && m.type === 'PLACE'));
  });

  it('Accept Everywhere is a rule: it retypes the model\'s suggestion of its span, a plain accept only fills gaps', () => {
    const t = 'The army moved. Later the army left, as the Army Council said.';
    const at = (name: string, n = 0) => place(t, name, n);
    // The model's convention: "army" a place (say); the analyst's: an organisation.
    const models: Mention[] = [at('army'), { ...at('Army Council'), type: 'ORGANIZATION' }];
    const hint = addDecisions(EMPTY_LEXICON, [{ text: 'army', type: 'ORGANIZATION' }], []);
    assert.deepEqual(texts(new Learned(hint, []).apply(t, models, {})), ['PLACE:army', 'ORGANIZATION:army', 'ORGANIZATION:Army Council'], 'a hint fills the gap, never retypes');
    const rule = addDecisions(EMPTY_LEXICON, [{ text: 'army', type: 'ORGANIZATION', rule: true }], []);
    assert.deepEqual(texts(new Learned(rule, []).apply(t, models, {})), ['ORGANIZATION:army', 'ORGANIZATION:army', 'ORGANIZATION:Army Council'], 'the rule retypes');
    // A rule decides a text also confirmed one mention at a time with another type (a hint alone would leave it to the model).
    const both = addDecisions(rule, [{ text: 'army', type: 'PLACE' }], []);
    assert.deepEqual(texts(new Learned(both, []).apply(t, models, {})), ['ORGANIZATION:army', 'ORGANIZATION:army', 'ORGANIZATION:Army Council']);
    // Confirming the same text and type again one mention at a time keeps the rule; rejecting it everywhere ends it.
    assert.equal(addDecisions(rule, [{ text: 'army', type: 'ORGANIZATION' }], []).confirmed[0].rule, true);
    assert.deepEqual(addDecisions(rule, [], [{ text: 'army', type: 'ORGANIZATION' }]).confirmed, []);
  });

  it('writes a rule as "rule: true", reads it back, and reports a malformed one', () => {
    const lexicon = addDecisions(EMPTY_LEXICON, [{ text: 'the army', type: 'ORGANIZATION', rule: true }, { text: 'Park', type: 'PERSON' }], []);
    const file = serializeLexicon(lexicon);
    assert.match(file, /- \{ text: "the army", type: "ORGANIZATION", rule: true \}\n/);
    assert.match(file, /- \{ text: "Park", type: "PERSON" \}\n/);
    assert.deepEqual(parseLexicon(file).lexicon, lexicon);
    assert.equal(parseLexicon('confirmed:\n  - { text: army, type: ORGANIZATION, rule: yes please }\n').errors.length, 1);
  });
});
