import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectDocumentDate } from '../../../../src/core/dates';
import { createDefaultPipeline } from '../../../../src/core/recognition';
import { KOREA_GOLD, locate } from '../../../keys/korea-generals';
import { repoRoot } from '../../../fixtures/paths';

const SAMPLE = path.resolve(repoRoot, '../shared/corpus/korea-generals-2006-03-02.txt');

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

  it('finds every person, organisation and place of the key, and nothing else', () => {
    const key = locate(text, KOREA_GOLD).filter((g) => g.type !== 'DATE');
    const found = highlighted().filter((m) => m.type !== 'DATE');
    const id = (x: { type: string; text: string; start: number }) => `${x.type} ${x.text}@${x.start}`;
    const keyIds = new Set(key.map(id));
    const foundIds = new Set(found.map(id));
    const misses = key.filter((g) => !foundIds.has(id(g))).map((g) => `${g.type} ${g.text}`);
    const extras = found.filter((m) => !keyIds.has(id(m))).map(id);
    assert.deepEqual(misses, [], 'entities of the key not found');
    assert.deepEqual(extras, [], 'entities found that the key does not have');
  });
});
