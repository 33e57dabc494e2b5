import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectDocumentDate } from '../../../../src/core/dates';
import { createDefaultPipeline } from '../../../../src/core/recognition';
import { KOREA_GOLD, locate } from '../../../keys/korea-generals';
import { repoRoot } from '../../../fixtures/paths';

const SAMPLE = path.resolve(repoRoot, '../shared/corpus/korea-generals-2006-03-02.txt');

/**
 * Entity errors on the sample article that issue 14 (item 1) is about, left to the entity model's
 * work: the test tolerates them, so that it fails on any new error and passes as they are fixed.
 * "North" of "North and South Korean generals" is an adjective, not a place.
 */
const KNOWN_ENTITY_MISSES = ['ORGANIZATION UNITED24', 'ORGANIZATION GlobalSecurity.org'];
const KNOWN_ENTITY_EXTRAS = ['PLACE North@167'];

describe('the recognisers on the sample article, against its hand-written key', function () {
  let text = '';
  before(function () {
    if (!fs.existsSync(SAMPLE)) {
      console.log(`      (skipped: ${SAMPLE} not found; the shared corpus is outside the repository)`);
      this.skip();
    }
    text = fs.readFileSync(SAMPLE, 'utf8');
  });

  /** What the editor highlights, as "TYPE text@offset", dates with their TIMEX3 type and value. */
  const highlighted = () => {
    const documentDate = detectDocumentDate(text);
    assert.equal(documentDate, '2006-03-02', 'the dateline gives the document date');
    return createDefaultPipeline().recognize(text, { documentDate });
  };

  it('finds every date of the key, with its extent, TIMEX3 type and value, and no other', () => {
    const key = locate(text, KOREA_GOLD).filter((g) => g.type === 'DATE').map((g) => `${g.timex} ${g.text}@${g.start} = ${g.value}`);
    const found = highlighted().filter((m) => m.type === 'DATE').map((m) => `${m.timexType} ${m.text}@${m.start} = ${m.value}`);
    assert.deepEqual(found, key);
  });

  it('finds every person, organisation and place of the key but the known misses, and nothing else but the known extras', () => {
    const key = locate(text, KOREA_GOLD).filter((g) => g.type !== 'DATE');
    const found = highlighted().filter((m) => m.type !== 'DATE');
    const id = (x: { type: string; text: string; start: number }) => `${x.type} ${x.text}@${x.start}`;
    const keyIds = new Set(key.map(id));
    const foundIds = new Set(found.map(id));
    const misses = key.filter((g) => !foundIds.has(id(g))).map((g) => `${g.type} ${g.text}`);
    const extras = found.filter((m) => !keyIds.has(id(m))).map(id);
    assert.deepEqual(misses.filter((m) => !KNOWN_ENTITY_MISSES.includes(m)), [], 'entities of the key not found');
    assert.deepEqual(extras.filter((m) => !KNOWN_ENTITY_EXTRAS.includes(m)), [], 'entities found that the key does not have');
    if (misses.length || extras.length) console.log(`      known entity errors still there: missed ${misses.join(', ') || 'none'}; extra ${extras.join(', ') || 'none'}`);
  });
});
