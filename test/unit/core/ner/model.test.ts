import * as assert from 'node:assert/strict';
import { chunksFromTags } from '../../../../src/core/ner/conlleval';
import { prepareDocument } from '../../../../src/core/ner/features';
import { Gazetteer } from '../../../../src/core/ner/gazetteer';
import { allowed, canEnd, chunksFromLabels, LABEL_COUNT, labelsFromChunks } from '../../../../src/core/ner/labels';
import { tagDocument, tagDocumentBeam } from '../../../../src/core/ner/tagger';
import { AveragedPerceptron, buildGazetteer, goldLabels, LabelledDocument, pack, prepareTrainingSet, trainEpoch } from '../../../../src/core/ner/train';
import { fromBase64, PackedWeights, toBase64 } from '../../../../src/core/ner/weights';

describe('ner labels', () => {
  it('round-trips chunks through BILOU labels', () => {
    const chunks = [{ type: 'PER', start: 0, end: 3 }, { type: 'LOC', start: 3, end: 4 }, { type: 'ORG', start: 5, end: 7 }];
    const labels = labelsFromChunks(chunks, 8);
    assert.deepEqual(chunksFromLabels(labels), chunks);
  });

  it('allows only well-formed BILOU sequences', () => {
    const [bPer, iPer, lPer, uPer] = [1, 2, 3, 4];
    const bLoc = 9;
    assert.ok(allowed(-1, bPer) && allowed(-1, uPer) && allowed(-1, 0));
    assert.ok(!allowed(-1, iPer) && !allowed(-1, lPer));
    assert.ok(allowed(bPer, iPer) && allowed(bPer, lPer));
    assert.ok(!allowed(bPer, 0) && !allowed(bPer, bLoc) && !allowed(bPer, bLoc + 2));
    assert.ok(canEnd(lPer) && canEnd(uPer) && canEnd(0) && !canEnd(bPer));
    for (let label = 0; label < LABEL_COUNT; label++) assert.equal(allowed(lPer, label), allowed(0, label));
  });
});

describe('ner weights', () => {
  it('encodes and decodes the packed table, through base64', () => {
    const buckets = Int32Array.of(3, 200, 70000, 1 << 19);
    const values = Int8Array.from({ length: buckets.length * LABEL_COUNT }, (_, i) => ((i * 37) % 255) - 127);
    const weights = new PackedWeights(20, LABEL_COUNT, buckets, values, 0.25);
    const text = toBase64(weights.encode());
    assert.match(text, /^[A-Za-z0-9+/]*=*$/);
    const back = PackedWeights.decode(fromBase64(text));
    assert.deepEqual([...back.buckets], [...buckets]);
    assert.deepEqual([...back.values], [...values]);
    assert.equal(back.scale, 0.25);
  });

  it('scores each feature with the row of its bucket, the first row of a bucket listed twice', () => {
    // Buckets at both ends of 32-bucket words (the row is found by counting the kept buckets before it).
    const buckets = Int32Array.of(0, 1, 31, 32, 63, 64, 95, 1000, 1000, 4097, (1 << 12) - 1);
    const values = Int8Array.from({ length: buckets.length * LABEL_COUNT }, (_, i) => ((i * 53) % 255) - 127);
    const bits = 12;
    const weights = new PackedWeights(bits, LABEL_COUNT, buckets, values, 1);
    for (let b = 0; b < 1 << bits; b++) {
      const out = new Float64Array(LABEL_COUNT);
      // A feature hash whose top `bits` bits are the bucket.
      weights.accumulate(Uint32Array.of((b << (32 - bits)) >>> 0), 0, 1, out);
      const row = [...buckets].indexOf(b);
      const expected = row < 0 ? new Array(LABEL_COUNT).fill(0) : [...values.subarray(row * LABEL_COUNT, (row + 1) * LABEL_COUNT)];
      assert.deepEqual([...out], expected, `bucket ${b}`);
    }
  });

  it('decodes base64 of every length', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      assert.deepEqual([...fromBase64(toBase64(bytes))], [...bytes]);
    }
  });
});

describe('ner name lists', () => {
  it('matches listed names, in upper case in headlines', () => {
    const names = Gazetteer.parse('4\tNorth Korea\n1\tKim Jong Il');
    const lex = (words: string[]) => prepareDocument([words])[0].lexemes;
    const found = names.matches(lex(['Kim', 'Jong', 'Il', 'visited', 'North', 'Korea']), false);
    assert.deepEqual(found, [{ start: 0, end: 3, types: 1 }, { start: 4, end: 6, types: 4 }]);
    assert.equal(names.matches(lex(['NORTH', 'KOREA']), false).length, 0);
    assert.equal(names.matches(lex(['NORTH', 'KOREA']), true).length, 1);
  });
});

describe('ner training', () => {
  // A tiny hand-made corpus: names in a few fixed frames, enough for the perceptron to separate them.
  const sentence = (text: string): { words: string[]; tags: string[] } => {
    const words: string[] = [];
    const tags: string[] = [];
    for (const part of text.split(' ')) {
      const [word, tag] = part.split('/');
      words.push(word);
      tags.push(tag ? `I-${tag}` : 'O');
    }
    return { words, tags };
  };
  const corpus: LabelledDocument[] = [
    [sentence('Mr./ Anna/PER Berg/PER visited Oslo/LOC on Monday .'), sentence('Anna/PER spoke to Acme/ORG Corp/ORG .')],
    [sentence('Mr./ Olaf/PER Lund/PER visited Bergen/LOC on Friday .'), sentence('He joined Nordic/ORG Corp/ORG in Bergen/LOC .')],
    [sentence('Mr./ Ivan/PER Holm/PER visited Tromso/LOC on Sunday .'), sentence('Ivan/PER spoke to Polar/ORG Corp/ORG .')],
  ];

  it('learns the training sentences and packs without losing them', () => {
    const model = new AveragedPerceptron(16);
    const prepared = prepareTrainingSet(corpus, 2);
    const gold = corpus.map(goldLabels);
    for (let epoch = 0; epoch < 8; epoch++) trainEpoch(model, prepared, gold, [0, 1, 2]);
    const packed = pack(16, model.averaged());
    const test = prepareDocument([['Mr.', 'Olaf', 'Lund', 'visited', 'Oslo', 'on', 'Friday', '.']], { names: buildGazetteer(corpus) });
    for (const labels of [tagDocument(test, packed)[0], tagDocumentBeam(test, packed, 4)[0]]) {
      assert.deepEqual(chunksFromLabels(labels), chunksFromTags(['O', 'I-PER', 'I-PER', 'O', 'I-LOC', 'O', 'O', 'O']));
    }
  });
});
