import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createEntityRecognizer, recognizeEntities } from '../../../../src/core/ner';
import { NER_CLUSTERS_HASH } from '../../../../model/ner-model';
import { WORD_CLUSTERS } from '../../../../model/word-clusters';
import { clustersOf } from '../../../../src/core/ner/clusters';
import { hashString } from '../../../../src/core/ner/hash';
import { repoRoot } from '../../../fixtures/paths';

const corpusFile = path.resolve(repoRoot, '../shared/corpus/korea-generals-2006-03-02.txt');

const found = (text: string, misc = false) => recognizeEntities(text, undefined, misc).map((m) => `${m.type} ${m.text}`);

describe('entity recogniser (shipped model)', () => {
  it('finds the person, organisation and place of a plain sentence', () => {
    const text = 'South Korean President Roh Moo-hyun met officials of the Ministry of Unification in Seoul.';
    const mentions = found(text);
    assert.ok(mentions.includes('PERSON Roh Moo-hyun'), mentions.join('; '));
    assert.ok(mentions.includes('ORGANIZATION Ministry of Unification'), mentions.join('; '));
    assert.ok(mentions.includes('PLACE Seoul'), mentions.join('; '));
    assert.ok(!mentions.some((m) => m.startsWith('MISC')), 'MISC is off by default');
  });

  it('reads a possessive place and a hyphenated name', () => {
    const mentions = found('"We have to transform this armistice," said Park Chan-bong, a deputy minister at Seoul\'s Ministry of Unification.');
    assert.ok(mentions.includes('PERSON Park Chan-bong'), mentions.join('; '));
    assert.ok(mentions.includes('PLACE Seoul'), mentions.join('; '));
  });

  it('labels names, not common words, and offers MISC on request', () => {
    const text = 'The German company Siemens said on Monday that profits fell in Brazil.';
    const plain = found(text);
    assert.ok(plain.includes('ORGANIZATION Siemens'), plain.join('; '));
    assert.ok(plain.includes('PLACE Brazil'), plain.join('; '));
    assert.ok(!plain.some((m) => /Monday|profits|company/.test(m)), plain.join('; '));
    assert.ok(found(text, true).includes('MISC German'));
  });

  it('returns exact, sorted, non-overlapping spans with CRLF and astral characters before them', () => {
    const text = '😀 Title line\r\n\r\nPresident Bush met Kim Jong Il in Pyongyang 𝒳 on Friday.\r\n';
    const mentions = createEntityRecognizer().recognize(text, {});
    assert.ok(mentions.length >= 2, JSON.stringify(mentions));
    for (const m of mentions) {
      assert.equal(text.slice(m.start, m.end), m.text);
      assert.equal(m.source, 'entities');
      assert.ok(['PERSON', 'ORGANIZATION', 'PLACE'].includes(m.type));
    }
    for (let k = 1; k < mentions.length; k++) assert.ok(mentions[k].start >= mentions[k - 1].end);
    assert.ok(mentions.some((m) => m.text === 'Kim Jong Il' && m.type === 'PERSON'));
  });

  it('is the "entities" recogniser', () => {
    assert.equal(createEntityRecognizer().name, 'entities');
    assert.deepEqual(createEntityRecognizer().recognize('', {}), []);
  });

  it('finds every name of the Korean generals article, and nothing else in its headings', function () {
    if (!fs.existsSync(corpusFile)) {
      console.log(`      (skipped: ${corpusFile} not found; the shared corpus is outside the repository)`);
      this.skip();
    }
    const text = fs.readFileSync(corpusFile, 'utf8');
    const mentions = new Set(found(text));
    const expected = [
      'PERSON Roh Moo-hyun', 'PERSON Bush', 'PERSON Park Chan-bong', 'PERSON Park', 'PERSON Kim Jong Il', 'PERSON Kim Dae-jung',
      'PERSON Kim', 'PLACE North Korea', 'PLACE South Korea', 'PLACE Seoul', 'PLACE Panmunjeom', 'PLACE Demilitarized Zone',
      'ORGANIZATION Ministry of Unification',
    ];
    const missing = expected.filter((e) => !mentions.has(e));
    assert.deepEqual(missing, [], `missing ${missing.join(', ')}; found ${[...mentions].join('; ')}`);
    const wrong = [...mentions].filter((m) => /WMD|Mass|Destruction|Weapons|Koreans|Generals|Thursday/.test(m));
    assert.deepEqual(wrong, []);
  });

  it('leaves a title out of the name ("Mayor Rui Moreira" → Rui Moreira)', () => {
    const mentions = found('Mayor Rui Moreira said the accord would take effect in January.');
    assert.ok(mentions.includes('PERSON Rui Moreira'), mentions.join('; '));
    assert.ok(!mentions.some((m) => m.includes('Mayor')), mentions.join('; '));
  });

  it('keeps a title word that names a street or a ministry with it ("King Street", "Justice Ministry")', () => {
    assert.ok(found('Police said King Street was closed.').includes('PLACE King Street'));
    assert.ok(found('Police said Justice Ministry was closed.').includes('ORGANIZATION Justice Ministry'));
  });

  it('reads a listed place as a place even where its name looks like a people\'s ("Paris", not of "Para")', () => {
    assert.ok(found('Officials in Paris said the talks failed.').includes('PLACE Paris'));
  });

  it('reads the people of a place as MISC, but not a person or a team named after them', () => {
    assert.ok(found('Analysts said North Koreans would vote.', true).includes('MISC North Koreans'));
    const team = found('The Cleveland Indians beat the Yankees on Sunday.', true);
    assert.ok(!team.includes('MISC Cleveland Indians'), team.join('; '));
    assert.ok(found('Ahmed Korei met the press.').includes('PERSON Ahmed Korei'));
  });

  it('reads the name opening a dateline as a place, not a score line ("Lisbon, 14 May 2019" but "Bury 1")', () => {
    const mentions = found('Lisbon, 14 May 2019\n\nThe Port of Lisbon and the city council of Porto signed an agreement.');
    assert.ok(mentions.includes('PLACE Lisbon'), mentions.join('; '));
    assert.ok(!found('Sporting Lisbon 1\n').includes('PLACE Sporting Lisbon'));
  });

  it('reads the agency of a wire story\'s dateline as an organisation ("MOSCOW (AP) _", "Seoul (Yonhap) -")', () => {
    // Before, "AP" was missed in 32 of the 67 datelines of ../shared/corpus/news and "Yonhap" was a place.
    assert.deepEqual(found('MOSCOW (AP) _ The Senate voted on Tuesday.'), ['PLACE MOSCOW', 'ORGANIZATION AP', 'ORGANIZATION Senate']);
    assert.deepEqual(found('Seoul (Yonhap) - Talks resumed.'), ['PLACE Seoul', 'ORGANIZATION Yonhap']);
    // Brackets after a name that is no place, or without the dash, are not a dateline's credit.
    assert.ok(!found('The talks (Geneva) ended.').includes('ORGANIZATION Geneva'));
  });

  it('leaves a listed place in brackets after a place a place, dash or not ("Springfield (Illinois) -- ", "Berlin (Germany) - ")', () => {
    // A place told apart by its state or country is no wire credit: these were organisations (review rev34).
    for (const [text, place] of [['Springfield (Illinois) -- the town voted.', 'Illinois'], ['Berlin (Germany) - 3.4 million people', 'Germany'], ['London (UK) - the flights resumed.', 'UK']]) {
      const mentions = found(text);
      assert.ok(!mentions.includes(`ORGANIZATION ${place}`), mentions.join('; '));
    }
  });

  it('reads no wire credit where the words after the dash go on in lower case ("Portland (Oregon) - rain fell.")', () => {
    // A wire story's text opens a sentence after its dateline; an aside does not (review rev34: "Oregon" was an organisation).
    assert.deepEqual(found('Portland (Oregon) - rain fell.'), ['PLACE Portland', 'PLACE Oregon']);
    assert.deepEqual(found('MOSCOW (AP) _ "We agree," he said.'), ['PLACE MOSCOW', 'ORGANIZATION AP']);
  });

  it('ends a name before a weekday and still finds it ("Kaesong Thursday")', () => {
    const mentions = found('Officials met in the border town of Kaesong Thursday to discuss the railway.');
    assert.ok(mentions.includes('PLACE Kaesong'), mentions.join('; '));
  });

  it('gives a bracketed acronym the type of the words it abbreviates, or none', () => {
    assert.deepEqual(found('Weapons of Mass Destruction (WMD)\n\nThe inspectors left.'), []);
    const mentions = found('A spokesman for the Ministry of Unification (MOU) said talks would resume.');
    assert.ok(mentions.includes('ORGANIZATION Ministry of Unification'), mentions.join('; '));
    assert.ok(mentions.includes('ORGANIZATION MOU'), mentions.join('; '));
  });
});

describe('entity recogniser: names never seen in training, read by the words used like them (word clusters)', () => {
  it('reads an unknown company whose shares fell as an organisation', () => {
    // The model before the clusters read "Korvath" as a place here; "Shares of … fell" is said of companies.
    assert.deepEqual(found('Shares of Korvath fell after the report.'), ['ORGANIZATION Korvath']);
  });

  it('reads every "Bush" of a 1990 wire story as the president', function () {
    const story = path.resolve(repoRoot, '../shared/corpus/news/AP900815-0044.txt');
    if (!fs.existsSync(story)) {
      console.log(`      (skipped: ${story} not found; the shared corpus is outside the repository)`);
      this.skip();
    }
    // Before the clusters, 5 of its 11 mentions were found, two of them as places ("a message to Bush").
    const bushes = found(fs.readFileSync(story, 'utf8')).filter((m) => m.endsWith(' Bush'));
    assert.deepEqual(bushes, Array<string>(11).fill('PERSON Bush'));
  });

  it('reads an accented name by its cluster without the accents ("Zürich" as "zurich")', () => {
    // Before, no accented word had a cluster (the table's words are ASCII): all three were organisations.
    assert.deepEqual(found('Prime Minister Erdoğan visited Zürich and Malmö.'), ['PERSON Erdoğan', 'PLACE Zürich', 'PLACE Malmö']);
    assert.equal(clustersOf('zürich'), clustersOf('zurich'));
  });

  it('reads a name by its plain letters where no accent comes off ("Solskjær" as "solskjaer", "Wałęsa" as "walesa")', () => {
    // Letters Unicode does not decompose ("æ", "ø", "ł", "ß"): these three were missed (review rev34).
    assert.deepEqual(found('Coach Solskjær praised the team.'), ['PERSON Solskjær']);
    assert.deepEqual(found('Coach Bjørn praised the team.'), ['PERSON Bjørn']);
    assert.deepEqual(found('Wałęsa said on Monday he would stay.'), ['PERSON Wałęsa']);
    assert.equal(clustersOf('wałęsa'), clustersOf('walesa'));
  });

  it('was trained with the cluster table it ships with', () => {
    assert.equal(hashString(WORD_CLUSTERS), NER_CLUSTERS_HASH, 'model/word-clusters.ts changed: train the entity model again (npm run train:ner)');
  });

  it('groups words used alike: an airline with airlines, a bank with banks; an unknown word has no cluster', () => {
    assert.equal(clustersOf('qantas') >> 8, clustersOf('airlines') >> 8);
    assert.equal(clustersOf('warburg') >> 8, clustersOf('securities') >> 8);
    assert.notEqual(clustersOf('qantas') >> 8, clustersOf('warburg') >> 8);
    assert.equal(clustersOf('korvath'), 0);
  });
});

describe('entity recogniser on arbitrary text (property)', () => {
  // Words and separators that exercise names, clitics, abbreviations, line ends and surrogate pairs.
  const pieces = ['Kim', 'Jong', 'Il', "Seoul's", 'U.S.', 'Park', 'Chan-bong', 'the', 'of', 'Ministry', 'said', '.', ',', '"', '(', ')',
    '😀', '𝒳', '\r\n', '\n\n', '\r', '\u2028', ' ', ' ', '--', "'s", 'Mr.', 'NORTH', 'KOREA', '1,000', '\u00a0', 'é', '\u0301'];
  it('returns exact, in-bounds, sorted, non-overlapping spans for any mix of pieces', () => {
    const recognizer = createEntityRecognizer({ misc: true });
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 }), (parts) => {
        const text = parts.join(parts.length % 3 === 0 ? '' : ' ');
        const mentions = recognizer.recognize(text, {});
        let end = 0;
        for (const m of mentions) {
          assert.ok(m.start >= end && m.start < m.end && m.end <= text.length);
          assert.equal(text.slice(m.start, m.end), m.text);
          assert.ok(!/^\s|\s$/.test(m.text));
          end = m.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
