import * as assert from 'node:assert/strict';
import type { Mention, Recognizer } from '../../../../src/core/model';
import { RecognitionPipeline, groupIntoChunks, resolveOverlaps, splitParagraphs } from '../../../../src/core/recognition';
import { blankLine } from '../../../../src/core/recognition/paragraphs';

/** A recogniser that marks every capitalised word as a PLACE and counts the texts it was given. */
function capitalsRecognizer(): Recognizer & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: 'capitals',
    calls,
    recognize(text: string): Mention[] {
      calls.push(text);
      return [...text.matchAll(/\b[A-Z][a-z]+\b/g)].map((m) => ({
        start: m.index!,
        end: m.index! + m[0].length,
        type: 'PLACE',
        text: m[0],
        source: 'capitals',
      }));
    },
  };
}

describe('splitParagraphs', () => {
  it('splits at blank lines (LF and CRLF) and drops empty paragraphs', () => {
    const text = 'One para.\r\n\r\nTwo\nlines.\n\n\n\nThree.';
    const spans = splitParagraphs(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(spans, ['One para.', 'Two\nlines.', 'Three.']);
  });

  it('splits at blank lines holding spaces, tabs and CRLF, but not at a lone CR or a line of other characters', () => {
    const text = 'One.\n \t\r\nTwo.\r\rThree.\r\n\r\n\r\nFour.\n.\nFive.\n\t\n';
    const spans = splitParagraphs(text).map((s) => text.slice(s.start, s.end));
    // a third line break after a blank line opens the next paragraph (the spans are not trimmed)
    assert.deepEqual(spans, ['One.', 'Two.\r\rThree.', '\r\nFour.\n.\nFive.']);
  });

  it('finds the blank lines the regular expression of its definition finds', () => {
    // blankLine is /\r?\n[ \t]*\r?\n/g read by character codes: the two must agree on every text
    const byRegExp = (text: string) => [...text.matchAll(/\r?\n[ \t]*\r?\n/g)].map((m) => [m.index!, m.index! + m[0].length]);
    const byCodes = (text: string) => {
      const out: number[][] = [];
      for (let gap = blankLine(text, 0); gap; gap = blankLine(text, gap.end)) out.push([gap.start, gap.end]);
      return out;
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = ['', '\n', '\n\n\n\nx', '\r\r\n\n', '\r\n\r\n\r\n', 'x\r\n \r\r\n\ny', 'a\n \t \r\nb\n\t\nc', '\r\n\n\r\n'];
    for (let i = 0; i < 20000; i++) texts.push(Array.from({ length: Math.floor(random() * 12) }, () => 'a\r\n \t'[Math.floor(random() * 5)]).join(''));
    for (const text of texts) assert.deepEqual(byCodes(text), byRegExp(text), JSON.stringify(text));
  });

  it('cuts an over-long paragraph between words, never inside one', () => {
    const text = 'Seoul and Pyongyang met. '.repeat(400);
    const spans = splitParagraphs(text, 1000);
    assert.ok(spans.length > 5);
    assert.equal(spans.map((s) => text.slice(s.start, s.end)).join(''), text);
    for (const s of spans) {
      assert.ok(s.end - s.start <= 1000);
      assert.ok(!/\w/.test(text[s.end - 1] ?? '') || !/\w/.test(text[s.end] ?? ''), `cut inside a word at ${s.end}`);
    }
  });
});

describe('RecognitionPipeline', () => {
  it('returns mentions at document offsets, exactly on their text', () => {
    const text = 'intro line\n\nthen Seoul said\n\nand Busan replied';
    const pipeline = new RecognitionPipeline([capitalsRecognizer()]);
    const mentions = pipeline.recognize(text, {});
    assert.deepEqual(mentions.map((m) => m.text), ['Seoul', 'Busan']);
    for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('recognises only the paragraphs an edit changed', () => {
    const recognizer = capitalsRecognizer();
    // one paragraph per chunk, to see which paragraphs are recognised
    const pipeline = new RecognitionPipeline([recognizer], 100, { min: 1, max: 1 });
    const before = 'Seoul spoke.\n\nBusan replied.\n\nTokyo listened.';
    pipeline.recognize(before, {});
    recognizer.calls.length = 0;
    const after = before.replace('Busan replied', 'Busan and Osaka replied');
    const mentions = pipeline.recognize(after, {});
    assert.deepEqual(recognizer.calls, ['Busan and Osaka replied.']);
    assert.deepEqual(mentions.map((m) => m.text), ['Seoul', 'Busan', 'Osaka', 'Tokyo']);
    assert.equal(mentions[3].start, after.indexOf('Tokyo'));
  });

  it('does not reuse a paragraph result computed for another document date', () => {
    const recognizer = capitalsRecognizer();
    const pipeline = new RecognitionPipeline([recognizer]);
    pipeline.recognize('Seoul spoke on Thursday.', { documentDate: '2006-03-02' });
    pipeline.recognize('Seoul spoke on Thursday.', { documentDate: '2007-01-01' });
    assert.equal(recognizer.calls.length, 2);
  });

  it('gives a paragraph read under one document date, then another, then the first again, each date its own dates', () => {
    // what a relative date resolves to depends on the document date: a result kept for one must not answer for another
    let calls = 0;
    const dated: Recognizer = {
      name: 'dated',
      recognize(text, context) {
        calls++;
        return [{ start: 0, end: 5, type: 'DATE', text: text.slice(0, 5), value: context.documentDate, source: 'dated' }];
      },
    };
    const pipeline = new RecognitionPipeline([dated]);
    const values = ['2006-03-02', '2007-01-01', '2006-03-02', undefined].map((documentDate) => pipeline.recognize('Today we met.', { documentDate })[0].value);
    assert.deepEqual(values, ['2006-03-02', '2007-01-01', '2006-03-02', undefined]);
    // each date's result is kept: the first date's, read again, and no date, read again, come from the cache
    assert.equal(calls, 3);
    pipeline.recognize('Today we met.', {});
    assert.equal(calls, 3);
  });

  it('keeps the paragraphs read last when its cache is full, dropping the one read longest ago', () => {
    const recognizer = capitalsRecognizer();
    const pipeline = new RecognitionPipeline([recognizer], 2, { min: 1, max: 1 });
    for (const text of ['Seoul spoke.', 'Busan replied.', 'Seoul spoke.', 'Tokyo listened.']) pipeline.recognize(text, {});
    recognizer.calls.length = 0;
    pipeline.recognize('Seoul spoke.', {});
    pipeline.recognize('Tokyo listened.', {});
    assert.deepEqual(recognizer.calls, []);
    pipeline.recognize('Busan replied.', {});
    assert.deepEqual(recognizer.calls, ['Busan replied.']);
  });

  it('gives a whole short article to the recognisers at once (document-level features need it)', () => {
    const recognizer = capitalsRecognizer();
    const article = 'Seoul spoke.\n\nBusan replied.\n\nTokyo listened.';
    new RecognitionPipeline([recognizer]).recognize(article, {});
    assert.deepEqual(recognizer.calls, [article]);
  });

  it('recognises the chunks a range overlaps first, and the whole text after without redoing them', () => {
    const recognizer = capitalsRecognizer();
    const pipeline = new RecognitionPipeline([recognizer], 100, { min: 1, max: 1 });
    const text = 'Seoul spoke.\n\nBusan replied.\n\nTokyo listened.';
    const visible = pipeline.recognizeRange(text, {}, text.indexOf('replied'), text.indexOf('replied') + 3);
    assert.deepEqual(visible.map((m) => [m.text, m.start]), [['Busan', text.indexOf('Busan')]]);
    assert.deepEqual(recognizer.calls, ['Busan replied.']);
    assert.deepEqual(pipeline.recognize(text, {}).map((m) => m.text), ['Seoul', 'Busan', 'Tokyo']);
    assert.deepEqual(recognizer.calls, ['Busan replied.', 'Seoul spoke.', 'Tokyo listened.']);
  });

  it('yields between chunks so a caller can spread the work', () => {
    const pipeline = new RecognitionPipeline([capitalsRecognizer()], 100, { min: 1, max: 1 });
    const steps = pipeline.steps('Alpha one.\n\nBeta two.\n\nGamma three.', {});
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    // between the three chunks, not after the last: the result follows the last chunk at once
    assert.equal(yields, 2);
    assert.deepEqual(r.value.map((m) => m.text), ['Alpha', 'Beta', 'Gamma']);
  });
});

describe('groupIntoChunks', () => {
  const article = (i: number) => `Report ${i} from Seoul.\n\n` + `Paragraph ${i} of the story, with some words. `.repeat(20);
  const text = Array.from({ length: 200 }, (_, i) => article(i)).join('\n\n');
  const chunksOf = (t: string) => groupIntoChunks(t, splitParagraphs(t), 4000, 16000).map((c) => t.slice(c.start, c.end));

  it('covers every paragraph once, in chunks within the size bounds', () => {
    const chunks = chunksOf(text);
    const paragraphs = splitParagraphs(text).map((p) => text.slice(p.start, p.end));
    assert.deepEqual(chunks.join('\n\n').split('\n\n'), paragraphs);
    for (const c of chunks.slice(0, -1)) assert.ok(c.length >= 4000 && c.length < 16000 + 1000, `chunk of ${c.length}`);
  });

  it('changes only the chunks near an edit, so later chunks stay cached', () => {
    const before = chunksOf(text);
    const at = text.indexOf('Report 50 ');
    const edited = text.slice(0, at) + 'An inserted paragraph.\n\n' + text.slice(at);
    const after = new Set(chunksOf(edited));
    const kept = before.filter((c) => after.has(c)).length;
    assert.ok(kept >= before.length - 3, `only ${kept} of ${before.length} chunks survived one inserted paragraph`);
  });
});

describe('resolveOverlaps', () => {
  const m = (start: number, end: number, type: string): Mention => ({ start, end, type, text: 'x'.repeat(end - start), source: 't' });

  it('keeps the part of an entity outside an overlapping date', () => {
    const text = 'the truce village of Panmunjeom Thursday, in';
    const at = (s: string) => text.indexOf(s);
    const place: Mention = { start: at('Panmunjeom'), end: at(','), type: 'PLACE', text: 'Panmunjeom Thursday', source: 't' };
    const date: Mention = { start: at('Thursday'), end: at(','), type: 'DATE', text: 'Thursday', source: 't' };
    const kept = resolveOverlaps([place, date]);
    assert.deepEqual(kept.map((k) => [k.type, k.text, text.slice(k.start, k.end)]), [
      ['PLACE', 'Panmunjeom', 'Panmunjeom'],
      ['DATE', 'Thursday', 'Thursday'],
    ]);
  });

  it('prefers a date to an overlapping entity, then the longer span', () => {
    const kept = resolveOverlaps([m(0, 8, 'PERSON'), m(0, 8, 'DATE'), m(10, 15, 'PLACE'), m(10, 21, 'ORGANIZATION'), m(30, 35, 'PLACE')]);
    assert.deepEqual(
      kept.map((k) => [k.start, k.end, k.type]),
      [
        [0, 8, 'DATE'],
        [10, 21, 'ORGANIZATION'],
        [30, 35, 'PLACE'],
      ],
    );
  });
});
