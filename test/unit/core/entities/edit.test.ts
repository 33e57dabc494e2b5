import * as assert from 'node:assert/strict';
import { addEntity, mergeEntities, renameEntity, splitEntity, unknownLinks, type EntitiesData } from '../../../../src/core/entities';
import { IdMaker } from '../../../../src/core/ids';

const data = (): EntitiesData => ({
  version: 1,
  entities: [
    { id: 'e-park', name: 'Park Chan-bong', type: 'PERSON', kb: ['Q1'] },
    { id: 'e-park2', name: 'Park', type: 'PERSON', aliases: ['Mr. Park'], note: 'delegate' },
    { id: 'e-bush', name: 'Bush', type: 'PERSON', aliases: ['George Bush', 'George W. Bush', 'President Bush'] },
    { id: 'e-seoul', name: 'Seoul', type: 'PLACE' },
  ],
});

describe('editing entities (src/core/entities)', () => {
  it('adds an entity with a fresh e- id that the file does not hold', () => {
    const { data: d, entity } = addEntity(data(), { name: 'Kim Jong Il', type: 'PERSON' }, new IdMaker());
    assert.match(entity.id, /^e-[a-z2-9]{8}$/);
    assert.equal(d.entities.length, 5);
    assert.equal(data().entities.length, 4, 'the input is not changed');
  });

  it('merges "Park" into "Park Chan-bong": names become aliases, ids and notes are kept, mentions relink', () => {
    const r = mergeEntities(data(), 'e-park2', 'e-park');
    assert.deepEqual(r.data.entities.map((e) => e.id), ['e-park', 'e-bush', 'e-seoul']);
    assert.deepEqual(r.data.entities[0], { id: 'e-park', name: 'Park Chan-bong', type: 'PERSON', kb: ['Q1'], aliases: ['Park', 'Mr. Park'], note: 'delegate' });
    assert.deepEqual([...r.relink], [['e-park2', 'e-park']]);
  });

  it('refuses to merge a person into a place', () => {
    assert.throws(() => mergeEntities(data(), 'e-bush', 'e-seoul'), /PERSON.*PLACE/);
  });

  it('splits the two Bushes into two entities', () => {
    const r = splitEntity(data(), 'e-bush', 'George W. Bush', ['George W. Bush'], new IdMaker());
    const old = r.data.entities.find((e) => e.id === 'e-bush')!;
    assert.deepEqual(old.aliases, ['George Bush', 'President Bush']);
    assert.deepEqual(r.entity, { id: r.entity.id, name: 'George W. Bush', type: 'PERSON' });
  });

  it('renames, keeping the old name as an alias', () => {
    const d = renameEntity(data(), 'e-seoul', 'Seoul Special City');
    assert.deepEqual(d.entities[3], { id: 'e-seoul', name: 'Seoul Special City', type: 'PLACE', aliases: ['Seoul'] });
  });

  it('reports a mention linked to a missing entity, with the entity its text fits', () => {
    const links = unknownLinks(data().entities, [
      { id: 'a1', entity: 'e-gone', text: 'Seoul', type: 'PLACE' },
      { id: 'a2', entity: 'e-seoul', text: 'Seoul', type: 'PLACE' },
      { id: 'a3', entity: 'e-gone', text: 'Pyongyang', type: 'PLACE' },
      { id: 'a4', text: 'Seoul', type: 'PLACE' },
    ]);
    assert.deepEqual(links, [
      { mention: 'a1', entity: 'e-gone', suggestion: 'e-seoul' },
      { mention: 'a3', entity: 'e-gone' },
    ]);
  });
});
