/** CoNLL-2003 IOB2 export: layout of the shared task's files, valid IOB2, every character kept. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCSTART, exportConll, toConll } from '../../../../src/core/export/conll';
import { DocBuilder, hardDocument, repoRoot } from './fixtures';

/** Parses our output back: documents → sentences → [token, tag]. */
function parse(conll: string): [string, string][][][] {
  const docs: [string, string][][][] = [];
  let sentence: [string, string][] = [];
  for (const line of conll.split('\n')) {
    if (line === DOCSTART) docs.push([]);
    else if (line === '') {
      if (sentence.length > 0) docs[docs.length - 1].push(sentence);
      sentence = [];
    } else {
      const fields = line.split('\t');
      assert.equal(fields.length, 2, `token<TAB>tag: ${JSON.stringify(line)}`);
      sentence.push(fields as [string, string]);
    }
  }
  return docs;
}

/** IOB2: every entity starts with B-, I- only continues the same type. */
function iob2Errors(tags: string[]): string[] {
  return tags.flatMap((t, i) => {
    if (!/^(O|[BI]-\S+)$/.test(t)) return [`${i}: ${t}`];
    if (t.startsWith('I-') && tags[i - 1]?.slice(2) !== t.slice(2)) return [`${i}: ${tags[i - 1]} → ${t}`];
    return [];
  });
}

describe('CoNLL-2003 IOB2 export', () => {
  const input = hardDocument();
  const conll = toConll(input);

  it('starts each document with -DOCSTART- and gives one token<TAB>tag per line, a blank line after each sentence', () => {
    assert.ok(conll.startsWith(`${DOCSTART}\n\n`));
    const docs = parse(conll);
    assert.equal(docs.length, 1);
    assert.ok(docs[0].length >= 3, 'sentences split at periods');
    assert.ok(conll.endsWith('\n\n'));
  });

  it('keeps every non-space character of the text, in order (emoji, Hangul, combining marks)', () => {
    const tokens = parse(conll)[0].flat().map(([t]) => t);
    assert.equal(tokens.join(''), input.text.replace(/\s+/g, ''));
    assert.ok(tokens.includes('👩‍👩‍👧'));
    assert.ok(tokens.includes('Kim\u0301'));
  });

  it('maps types to CoNLL labels in valid IOB2, one B- per exported annotation', () => {
    const tags = parse(conll)[0].flat().map(([, t]) => t);
    assert.deepEqual(iob2Errors(tags), []);
    const types = new Set(tags.filter((t) => t !== 'O').map((t) => t.slice(2)));
    assert.deepEqual([...types].sort(), ['DATE', 'LOC', 'MISC', 'ORG', 'PER']);
    const tagOf = new Map(parse(conll)[0].flat());
    assert.equal(tagOf.get('Panmunjom'), 'B-LOC');
    assert.equal(tagOf.get('Martínez'), 'I-PER');
  });

  it('splits a token at an annotation boundary and keeps the first of overlapping annotations, with a warning', () => {
    const b = new DocBuilder('The Kim-Lee talks in Seoul.');
    b.add('Kim', 'PERSON');
    b.add('Lee', 'PERSON');
    b.add('Seoul', 'PLACE');
    b.add('in Seoul', 'MISC');
    const r = exportConll([b.build()]);
    const rows = parse(r.files[0].content)[0].flat();
    assert.deepEqual(rows.slice(1, 4), [['Kim', 'B-PER'], ['-', 'O'], ['Lee', 'B-PER']]);
    assert.deepEqual(rows.slice(-3), [['in', 'B-MISC'], ['Seoul', 'I-MISC'], ['.', 'O']]);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0], /overlaps/);
  });

  it('does not end a sentence inside an annotation or after a title', () => {
    const b = new DocBuilder('Gen. Kim met officials of Acme Inc. Ltd. in Seoul. Then he left.');
    b.add('Acme Inc. Ltd.', 'ORGANIZATION');
    const sentences = parse(toConll(b.build()))[0];
    assert.equal(sentences.length, 2);
  });

  it('knows the same abbreviations as the tagger: no sentence ends at "the Rev." or "Mar."', () => {
    const b = new DocBuilder('The Rev. Donald Spitz spoke on Mar. 3 in Richmond. Then he left.');
    b.add('Donald Spitz', 'PERSON');
    const sentences = parse(toConll(b.build()))[0];
    assert.deepEqual(sentences.map((s) => s.length), [11, 4]);
    assert.deepEqual(sentences[0].slice(0, 3), [['The', 'O'], ['Rev.', 'O'], ['Donald', 'B-PER']]);
  });

  it('uses the CoNLL-2003 label names of the shared task data', function () {
    const train = path.resolve(repoRoot, '../shared/data/conll2003/eng.testa');
    if (!fs.existsSync(train)) {
      console.log(`    (skipped: ${train} not found)`);
      return this.skip();
    }
    const theirs = new Set(fs.readFileSync(train, 'utf8').split('\n').map((l) => l.split(' ').pop() ?? '').filter((t) => /^[BI]-/.test(t)).map((t) => t.slice(2)));
    const ours = new Set(parse(conll)[0].flat().map(([, t]) => t).filter((t) => t !== 'O').map((t) => t.slice(2)));
    // PER, ORG, LOC and MISC are the shared task's; DATE is Factmark's own
    assert.deepEqual([...ours].filter((t) => !theirs.has(t)), ['DATE']);
  });
});
