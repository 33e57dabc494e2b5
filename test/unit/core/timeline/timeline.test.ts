import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectDocumentDate, recognizeDates } from '../../../../src/core/dates';
import type { Annotation } from '../../../../src/core/model';
import { anchoredDuration, buildTimeline, extentOf, filterTimeline, groupTimeline, isoDay, isPlaced, NO_ENTITY, type TimelineDocument } from '../../../../src/core/timeline';
import { corpusRoot } from '../../../fixtures/paths';

const KOREA = path.join(corpusRoot, 'korea-generals-2006-03-02.txt');

function span(value: string): [string, string, string] {
  const e = extentOf(value);
  assert.ok(isPlaced(e), `${value} is not placed`);
  return [isoDay(e.start), isoDay(e.end), e.precision];
}

describe('timeline extents', () => {
  it('makes a day a point and a month, year, decade, quarter, week a bar', () => {
    assert.deepEqual(span('2006-03-02'), ['2006-03-02', '2006-03-03', 'day']);
    assert.deepEqual(span('2006-06'), ['2006-06-01', '2006-07-01', 'month']);
    assert.deepEqual(span('1953'), ['1953-01-01', '1954-01-01', 'year']);
    assert.deepEqual(span('199'), ['1990-01-01', '2000-01-01', 'decade']);
    assert.deepEqual(span('19'), ['1900-01-01', '2000-01-01', 'century']);
    assert.deepEqual(span('2006-Q2'), ['2006-04-01', '2006-07-01', 'quarter']);
    assert.deepEqual(span('2006-W09'), ['2006-02-27', '2006-03-06', 'week']);
    assert.deepEqual(span('2005-WI'), ['2005-12-01', '2006-03-01', 'season']);
    assert.deepEqual(span('0044'), ['0044-01-01', '0045-01-01', 'year']);
  });

  it('anchors "the next two months" at the document date, forwards, and leaves a bare duration apart', () => {
    const next = anchoredDuration('P2M', 'the next two months', '2006-03-02');
    assert.ok(isPlaced(next));
    assert.deepEqual([isoDay(next.start), isoDay(next.end)], ['2006-03-02', '2006-05-02']);
    assert.ok(!isPlaced(anchoredDuration('P2Y', 'two years', '2006-03-02')));
    assert.match((anchoredDuration('P7Y', 'the last seven years', undefined) as { reason: string }).reason, /no date/);
  });

  it('does not place durations, vague references or partly unknown values', () => {
    for (const v of ['P2Y', 'PRESENT_REF', 'XXXX-03-02', '2006-XX', '', 'soon']) {
      const e = extentOf(v);
      assert.ok(!isPlaced(e), v);
      assert.ok(e.reason.length > 0);
    }
  });
});

describe('timeline of the Korea article', () => {
  const text = fs.readFileSync(KOREA, 'utf8');
  const documentDate = detectDocumentDate(text);
  const suggestions = recognizeDates(text, { documentDate });
  const doc: TimelineDocument = { uri: 'file:///korea.txt', name: 'korea.txt', documentDate, text, annotations: [], facts: [], suggestions };
  const timeline = buildTimeline([doc]);

  it('puts the 1953 armistice, the 2000 summit and the 2006-03-02 talks in order', () => {
    const at = (needle: string) => timeline.items.findIndex((i) => i.quote.includes(needle));
    const armistice = at('1953 armistice');
    const summit = at('historic 2000 summit');
    const talks = timeline.items.findIndex((i) => i.value === '2006-03-02' && i.quote.includes('Panmunjeom'));
    assert.ok(armistice >= 0 && summit >= 0 && talks >= 0, JSON.stringify(timeline.items.map((i) => i.label)));
    assert.ok(armistice < summit && summit < talks);
    assert.equal(timeline.items[armistice].point, false, 'a year is a bar');
    assert.equal(timeline.items[talks].point, true, 'a day is a point');
  });

  it('resolves "the last seven years" against the article date as a bar ending there', () => {
    const last = timeline.items.find((i) => i.label === 'the last seven years');
    assert.ok(last);
    assert.equal(isoDay(last.from), '1999-03-03');
    assert.equal(isoDay(last.to), '2006-03-03');
    assert.equal(last.point, false);
  });

  it('lists bare durations apart, with the reason', () => {
    const twoDay = timeline.unplaced.find((u) => u.label === 'two-day');
    assert.ok(twoDay);
    assert.match(twoDay.reason, /duration/);
    assert.ok(!timeline.items.some((i) => i.label === 'two-day'));
  });

  it('quotes the sentence of a date', () => {
    const armistice = timeline.items.find((i) => i.label === '1953');
    assert.ok(armistice);
    assert.match(armistice.quote, /^Fighting in the Korean War was halted by an 1953 armistice/);
    // What a click selects: that sentence in the text, not the date alone.
    assert.equal(text.slice(armistice.sentence.start, armistice.sentence.end), armistice.quote);
  });
});

describe('timeline of annotations and facts', () => {
  const text = 'Kim met Roh in Seoul on 2 March 2006. Bush spoke in 2005. Later, Kim left.';
  const a = (id: string, type: string, word: string, value?: string, status: Annotation['status'] = 'confirmed'): Annotation => {
    const start = text.indexOf(word);
    return { id, type, start, end: start + word.length, text: word, status, ...(value ? { value } : {}) };
  };
  const annotations = [
    a('p1', 'PERSON', 'Kim'),
    a('p2', 'PERSON', 'Roh'),
    a('l1', 'PLACE', 'Seoul'),
    a('d1', 'DATE', '2 March 2006', '2006-03-02'),
    a('p3', 'PERSON', 'Bush'),
    a('d2', 'DATE', '2005', '2005'),
    a('d3', 'DATE', 'Later', undefined),
    a('d4', 'DATE', '2005', '2005', 'rejected'),
  ];
  const facts = [
    { id: 'f1', label: 'meeting', start: 0, end: 37, text: text.slice(0, 37), entities: ['p1', 'p2', 'l1', 'd1'], date: '2006-03-02' },
    { id: 'f2', label: 'statement', start: 38, end: 58, text: text.slice(38, 58), entities: ['p3'] },
  ];
  const doc: TimelineDocument = { uri: 'u', name: 'a.txt', text, annotations, facts, documentDate: '2006-03-03' };
  const timeline = buildTimeline([doc]);

  it('places facts by their date and lists an undated fact and a date without value apart', () => {
    const f1 = timeline.items.find((i) => i.key === 'u#f1');
    assert.ok(f1);
    assert.deepEqual(f1.entities, ['Kim', 'Roh', 'Seoul']);
    assert.equal(f1.type, 'meeting');
    assert.deepEqual(timeline.unplaced.map((u) => u.key).sort(), ['u#d3', 'u#f2']);
    assert.ok(!timeline.items.some((i) => i.key === 'u#d4'), 'a rejected date is not shown');
  });

  it('filters by entity, type and date range', () => {
    assert.deepEqual(filterTimeline(timeline, { text: 'bush' }).items.map((i) => i.key), ['u#d2']);
    // The Factmark view's text filter matches a label or a value too: "meeting" is f1's label.
    assert.deepEqual(filterTimeline(timeline, { text: 'MEETING' }).items.map((i) => i.key), ['u#f1']);
    assert.deepEqual(filterTimeline(timeline, { text: '2006-03' }).items.map((i) => i.key).sort(), ['u#d1', 'u#f1']);
    assert.deepEqual(filterTimeline(timeline, { from: '2006' }).items.map((i) => i.key).sort(), ['u#d1', 'u#f1']);
    assert.deepEqual(filterTimeline(timeline, { to: '2005-12' }).items.map((i) => i.key), ['u#d2']);
  });

  it('takes the Factmark view’s type filter: FACT the facts, DATE the dates, an entity type what is about one', () => {
    const keys = (types: string[]) => {
      const t = filterTimeline(timeline, { types });
      return [...t.items, ...t.unplaced].map((i) => i.key).sort();
    };
    assert.deepEqual(keys(['FACT']), ['u#f1', 'u#f2']);
    assert.deepEqual(keys(['DATE']), ['u#d1', 'u#d2', 'u#d3']);
    // A place: the meeting in Seoul and the date of its sentence; nothing else names one.
    assert.deepEqual(keys(['PLACE']), ['u#d1', 'u#f1']);
    assert.deepEqual(keys(['ORGANIZATION']), []);
    assert.deepEqual(keys([]), keys(['FACT', 'DATE']));
  });

  it('groups by entity (an item in each of its entities’ lanes), document and type', () => {
    const lanes = groupTimeline(timeline.items, 'entity');
    assert.deepEqual(lanes.map((l) => l.name), ['Bush', 'Kim', 'Roh', 'Seoul']);
    assert.equal(lanes.find((l) => l.name === 'Kim')?.items.length, 2);
    assert.deepEqual(groupTimeline(timeline.items, 'type').map((l) => l.name), ['DATE', 'meeting']);
    assert.deepEqual(groupTimeline(timeline.items, 'document').map((l) => l.name), ['a.txt']);
    const lonely = buildTimeline([{ uri: 'v', name: 'b.txt', text: 'In 1990.', annotations: [a('x', 'DATE', '2005', '1990')], facts: [] }]);
    assert.deepEqual(groupTimeline(lonely.items, 'entity').map((l) => l.name), [NO_ENTITY]);
  });
});
