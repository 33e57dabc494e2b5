import * as assert from 'node:assert/strict';
import {
  citation,
  entitiesInside,
  innermostAt,
  occurrences,
  prefillDate,
  sentenceAt,
  sentenceFinder,
  undecidedSuggestions,
} from '../../../src/core/facts';
import { BUILTIN_LABELS, legendMarkdown, resolveLabels } from '../../../src/core/labels';
import type { Annotation, Mention } from '../../../src/core/model';
import * as fc from 'fast-check';

describe('labels (src/core/labels)', () => {
  it('has the four built-in types with theme colours and keys', () => {
    assert.deepEqual(BUILTIN_LABELS.map((l) => [l.name, l.themeColour, l.key]), [
      ['PERSON', 'factmark.person', 'p'],
      ['ORGANIZATION', 'factmark.organization', 'o'],
      ['PLACE', 'factmark.place', 'l'],
      ['DATE', 'factmark.date', 'd'],
    ]);
  });

  it('adds custom types with colours and keys and reports bad entries', () => {
    const { labels, problems } = resolveLabels([
      { name: 'weapon', colour: '#f00', key: 'w' },
      'vessel',
      { name: 'Person' },
      { name: '1bad' },
      { name: 'LAW', colour: 'red', key: 'p' },
    ]);
    assert.deepEqual(labels.slice(4).map((l) => [l.name, l.title, l.colour, l.key]), [
      ['WEAPON', 'Weapon', '#ff0000', 'w'],
      ['VESSEL', 'Vessel', '#e11d48', undefined],
      ['LAW', 'Law', '#0891b2', undefined],
    ]);
    assert.equal(problems.length, 4, problems.join('\n'));
  });

  it('renders a legend table', () => {
    const md = legendMarkdown(resolveLabels([{ name: 'WEAPON', colour: '#ff0000' }]).labels);
    assert.match(md, /\| Person \| `PERSON` \| `factmark.person` \| `p` \|/);
    assert.match(md, /\| Weapon \| `WEAPON` \| `#ff0000` \| {2}\|/);
  });
});

describe('workflow helpers (src/core/facts)', () => {
  const text = 'The Bank of England met Bush on Thursday. Bush left. Bushes grew.';
  const at = (quote: string, type: string, extra: Partial<Annotation> = {}, from = 0): Annotation => {
    const start = text.indexOf(quote, from);
    return { id: `${type}:${start}`, start, end: start + quote.length, text: quote, type, status: 'confirmed', ...extra };
  };
  const sentence = { start: 0, end: text.indexOf('.') + 1 };

  it('finds the entities inside a span, nested ones included, rejections left out', () => {
    const anns = [at('Bank of England', 'ORGANIZATION'), at('England', 'PLACE'), at('Bush', 'PERSON'), at('Bush', 'PERSON', {}, 30), at('Thursday', 'PLACE', { status: 'rejected' })];
    assert.deepEqual(entitiesInside(anns, sentence).map((a) => a.text), ['Bank of England', 'England', 'Bush']);
  });

  it('pre-fills a fact date from a confirmed date, then a suggestion, then the document date', () => {
    const thursday: Mention = { ...at('Thursday', 'DATE'), value: '2006-03-02', source: 'dates' };
    assert.equal(prefillDate(sentence, [at('Thursday', 'DATE', { value: '2006-03-01' })], [thursday], '2006-03-02'), '2006-03-01');
    assert.equal(prefillDate(sentence, [], [thursday], undefined), '2006-03-02');
    assert.equal(prefillDate(sentence, [], [{ ...thursday, value: 'XXXX-WXX-4' }], '2006-03-05'), '2006-03-05');
    assert.equal(prefillDate(sentence, [], [], undefined), undefined);
  });

  it('hides suggestions the user accepted, retyped or rejected, and keeps nested ones', () => {
    const m = (quote: string, type: string): Mention => ({ ...at(quote, type), source: 'ner' });
    const mentions = [m('Bank of England', 'ORGANIZATION'), m('England', 'PLACE'), m('Bush', 'PERSON'), m('Thursday', 'DATE')];
    const store = [at('Bank of England', 'ORGANIZATION'), at('Bush', 'PERSON', { status: 'rejected' }), at('Thursday', 'PLACE', { status: 'rejected' })];
    assert.deepEqual(undecidedSuggestions(mentions, store).map((x) => x.text), ['England', 'Thursday']);
  });

  it('finds whole-word occurrences only', () => {
    assert.deepEqual(occurrences(text, 'Bush').map((s) => s.start), [24, 42]);
  });

  it('picks the innermost span at a cursor and formats a citation', () => {
    const anns = [at('Bank of England', 'ORGANIZATION'), at('England', 'PLACE')];
    assert.equal(innermostAt(anns, text.indexOf('England') + 2)?.text, 'England');
    assert.equal(innermostAt(anns, text.indexOf('Bank'))?.text, 'Bank of England');
    assert.equal(citation('Bank of\nEngland', 'news/a.txt', { start: 4, end: 19 }), '“Bank of England” — news/a.txt, offset 4–19');
  });
});

describe('sentence at the cursor (src/core/facts)', () => {
  it('finds the sentence around an offset, trimmed, across quotes and blank lines', () => {
    const text = 'First one. "Second one," he said. Third?\n\nNew paragraph without end';
    const at = (quote: string) => {
      const s = sentenceAt(text, text.indexOf(quote));
      return text.slice(s.start, s.end);
    };
    assert.equal(at('First'), 'First one.');
    assert.equal(at('Second'), '"Second one," he said.');
    assert.equal(at('Third'), 'Third?');
    assert.equal(at('paragraph'), 'New paragraph without end');
  });

  it('finds, from one pass over the text, the sentence a scan from the start finds, at every offset', () => {
    // The scan the timeline and map used per mention (quadratic in an article's length), kept here as the oracle.
    const scan = (text: string, offset: number) => {
      const boundary = /[.!?]["'”’)]*\s+|\n\s*\n/g;
      let start = 0;
      let end = text.length;
      for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
        const after = m.index + m[0].length;
        if (after <= offset) start = after;
        else {
          end = m.index + m[0].trimEnd().length;
          break;
        }
      }
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      return { start, end };
    };
    const pieces = fc.constantFrom('a', 'Word', ' ', '  ', '.', '. ', '?', '!"', '”', ')', '\n', '\n\n', '\n \n', 'x.y');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')), (text) => {
        const find = sentenceFinder(text);
        for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(find(offset), scan(text, offset), `offset ${offset} of ${JSON.stringify(text)}`);
      }),
      { numRuns: 500 },
    );
  });
});
