import * as assert from 'node:assert/strict';
import { matchName, proposeEntities, proposeLinks, type Entity, type MentionRef } from '../../../../src/core/entities';

const ROH: Entity = { id: 'e-roh', name: 'Roh Moo-hyun', type: 'PERSON' };
const US: Entity = { id: 'e-us', name: 'United States', type: 'PLACE' };
const BUSH41: Entity = { id: 'e-bush41', name: 'George Bush', type: 'PERSON', aliases: ['Bush'] };
const BUSH43: Entity = { id: 'e-bush43', name: 'George W. Bush', type: 'PERSON', aliases: ['Bush'] };
const KOREA: Entity = { id: 'e-nk', name: 'North Korea', type: 'PLACE' };

let n = 0;
const m = (document: string, text: string, type = 'PERSON', entity?: string): MentionRef => ({ ref: `${document}#${++n}`, document, text, type, ...(entity ? { entity } : {}) });

describe('link proposals with evidence (src/core/entities)', () => {
  it('fits "Roh", "President Roh" and "Roh Moo-hyun" to Roh Moo-hyun, saying why', () => {
    assert.equal(matchName('Roh Moo-hyun', 'Roh Moo-hyun', 'PERSON')!.score, 1);
    assert.match(matchName('President Roh', 'Roh Moo-hyun', 'PERSON')!.evidence, /part of the name "Roh Moo-hyun" \(title "President"\)/);
    assert.match(matchName('President Roh Moo-hyun', 'Roh Moo-hyun', 'PERSON')!.evidence, /with the title "President"/);
    const props = proposeLinks([ROH], [m('a.txt', 'Roh'), m('a.txt', 'President Roh'), m('b.txt', 'Roh Moo-hyun'), m('b.txt', "Roh Moo-hyun's")]);
    assert.deepEqual(props.map((p) => p.proposed), ['e-roh', 'e-roh', 'e-roh', 'e-roh']);
    for (const p of props) assert.ok(p.candidates[0].evidence.length > 0);
  });

  it('fits "U.S." to United States by its initials, and not "Korea" to North Korea', () => {
    const [us, korea] = proposeLinks([US, KOREA], [m('a.txt', 'U.S.', 'PLACE'), m('a.txt', 'Korea', 'PLACE')]);
    assert.equal(us.proposed, 'e-us');
    assert.match(us.candidates[0].evidence[0], /initials of "United States"/);
    assert.equal(korea, undefined, 'no candidate for Korea');
    assert.equal(matchName('United States', 'U.S.', 'PLACE')!.score, 0.8);
  });

  it('never links a person to an entity of another type', () => {
    assert.deepEqual(proposeLinks([{ ...ROH, type: 'ORGANIZATION' }], [m('a.txt', 'Roh Moo-hyun')]), []);
  });

  it('keeps "Bush" ambiguous between two Bushes unless its own document names one of them', () => {
    const mentions = [
      m('1990.txt', 'George Bush'),
      m('1990.txt', 'Bush'),
      m('2006.txt', 'Bush', 'PERSON', 'e-bush43'),
      m('2006.txt', 'President Bush'),
      m('note.txt', 'Bush'),
    ];
    const props = new Map(proposeLinks([BUSH41, BUSH43], mentions).map((p) => [p.ref, p]));
    assert.equal(props.get(mentions[0].ref)!.proposed, 'e-bush41');
    const in1990 = props.get(mentions[1].ref)!;
    assert.equal(in1990.proposed, 'e-bush41');
    assert.ok(in1990.candidates.find((c) => c.entity === 'e-bush41')!.evidence.some((e) => /named in the same document \(1990\.txt\)/.test(e)));
    assert.equal(props.get(mentions[3].ref)!.proposed, 'e-bush43');
    const alone = props.get(mentions[4].ref)!;
    assert.equal(alone.proposed, undefined);
    assert.equal(alone.ambiguous, true);
    assert.deepEqual(alone.candidates.map((c) => c.entity).sort(), ['e-bush41', 'e-bush43']);
    assert.equal(props.has(mentions[2].ref), false, 'a linked mention gets no proposal');
  });
});

describe('proposed new entities (src/core/entities)', () => {
  it('gathers the spellings of one person, with evidence', () => {
    const props = proposeEntities([m('a.txt', 'Roh Moo-hyun'), m('a.txt', 'Roh'), m('b.txt', 'President Roh'), m('b.txt', 'Roh Moo-hyun')]);
    assert.equal(props.length, 1);
    assert.equal(props[0].name, 'Roh Moo-hyun');
    assert.deepEqual(props[0].aliases, ['Roh', 'President Roh']);
    assert.equal(props[0].mentions.length, 4);
    assert.ok(props[0].evidence.some((e) => /same name in 2 documents/.test(e)));
  });

  it('gathers "U.S." with "United States"', () => {
    const props = proposeEntities([m('a.txt', 'United States', 'PLACE'), m('b.txt', 'U.S.', 'PLACE')]);
    assert.equal(props.length, 1);
    assert.deepEqual(props[0].aliases, ['U.S.']);
  });

  it('keeps two people with one surname apart: "George Bush" and "George W. Bush" are two proposals', () => {
    const mentions = [m('1990.txt', 'George Bush'), m('1990.txt', 'Bush'), m('2006.txt', 'George W. Bush'), m('2006.txt', 'Bush'), m('x.txt', 'Bush')];
    const props = proposeEntities(mentions);
    const byName = new Map(props.map((p) => [p.name, p]));
    assert.deepEqual(byName.get('George Bush')!.mentions, [mentions[0].ref, mentions[1].ref]);
    assert.deepEqual(byName.get('George W. Bush')!.mentions, [mentions[2].ref, mentions[3].ref]);
    const lone = props.find((p) => p.mentions.includes(mentions[4].ref))!;
    assert.equal(lone.name, 'Bush');
    assert.deepEqual(lone.ambiguousWith?.sort(), ['George Bush', 'George W. Bush']);
  });

  it('keeps "Park" apart from "Park Chan-bong" when another Park is named, and joins it when its document says which', () => {
    const mentions = [m('a.txt', 'Park Chan-bong'), m('a.txt', 'Park'), m('b.txt', 'Park Geun-hye'), m('c.txt', 'Park')];
    const props = proposeEntities(mentions);
    assert.ok(props.find((p) => p.name === 'Park Chan-bong')!.mentions.includes(mentions[1].ref));
    assert.equal(props.find((p) => p.mentions.includes(mentions[3].ref))!.ambiguousWith?.length, 2);
  });

  it('leaves out mentions an existing entity already covers', () => {
    assert.deepEqual(proposeEntities([m('a.txt', 'Roh')], [ROH]), []);
  });
});
