import * as assert from 'node:assert/strict';
import { outlineOf } from '../../../../src/core/entities';
import type { AnnotatedDocument, Annotation } from '../../../../src/core/model';

const TEXT = 'SEOUL, 2 March 2006. Gen. Kim Yong-chol met U.S. officials in Panmunjom. Seoul said nothing.\n';
const ann = (id: string, quote: string, type: string, status: Annotation['status'] = 'confirmed', from = 0): Annotation => {
  const start = TEXT.indexOf(quote, from);
  return { id, start, end: start + quote.length, text: quote, type, status };
};

describe('the Outline of an article (src/core/entities/outline)', () => {
  const sentence = 'Gen. Kim Yong-chol met U.S. officials in Panmunjom.';
  const doc: AnnotatedDocument = {
    path: 'korea.txt',
    annotations: [
      ann('a1', 'Kim Yong-chol', 'PERSON'),
      ann('a2', 'U.S.', 'PLACE', 'suggested'),
      ann('a3', 'Panmunjom', 'PLACE', 'rejected'),
      ann('a4', 'Seoul', 'PLACE', 'confirmed', 30),
      ann('a5', '2 March 2006', 'DATE'),
    ],
    facts: [{ id: 'f1', label: 'meeting', start: TEXT.indexOf(sentence), end: TEXT.indexOf(sentence) + sentence.length, text: sentence, entities: ['a1', 'a2', 'a5'], date: '2006-03-02' }],
  };
  doc.annotations[4].value = '2006-03-02';

  it('lists the facts with the entities of their sentence beneath, and the other entities, in text order', () => {
    const items = outlineOf(doc);
    assert.deepEqual(items.map((i) => [i.kind, i.name, i.detail]), [
      ['entity', '2 March 2006', 'DATE · 2006-03-02'],
      ['fact', 'meeting: Gen. Kim Yong-chol met U.S. officials in Panmunjom.', '2006-03-02'],
      ['entity', 'Seoul', 'PLACE'],
    ]);
    assert.deepEqual(items[1].children.map((c) => c.name), ['Kim Yong-chol']);
  });

  it('shows suggestions only when asked, never rejected ones or orphans', () => {
    const items = outlineOf(doc, new Set(['a4']), { suggestions: true });
    assert.deepEqual(items[1].children.map((c) => [c.name, c.detail]), [['Kim Yong-chol', 'PERSON'], ['U.S.', 'PLACE · suggested']]);
    assert.equal(items.some((i) => i.name === 'Seoul'), false);
  });
});
