import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectDocumentDate } from '../../../../src/core/dates';
import { recognizeEntities, shippedEntityModel } from '../../../../src/core/ner';
import { createDefaultPipeline, warmUpRecognizers } from '../../../../src/core/recognition';
import { corpusRoot, repoRoot } from '../../../fixtures/paths';

// What the recognisers found in each article of ../shared/corpus/news before the speed work of issue 14,
// as one digest per article. Speed work must change nothing a user sees: not a span, type or value.
// Regenerate (only when an output change is meant) with FACTMARK_WRITE_DIGESTS=1 npm run test:unit.
const DIGESTS = path.join(repoRoot, 'test/fixtures/recognition/corpus-news.digests.txt');
const NEWS = path.join(corpusRoot, 'news');

/** The document date, every highlight of the pipeline and the entity tagger's MISC names too, as a digest. */
function digest(text: string): string {
  const documentDate = detectDocumentDate(text);
  const found = createDefaultPipeline().recognize(text, { documentDate });
  const misc = recognizeEntities(text, shippedEntityModel(), true).filter((m) => m.type === 'MISC');
  const lines = [`date ${documentDate ?? '-'}`];
  for (const m of [...found, ...misc]) lines.push([m.start, m.end, m.type, m.timexType ?? '', m.value ?? ''].join(' '));
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

describe('recognition output on the corpus articles, unchanged by speed work', function () {
  this.timeout(120_000);
  let names: string[] = [];
  before(function () {
    if (!fs.existsSync(NEWS)) {
      console.log(`      (skipped: ${NEWS} not found; the shared corpus is outside the repository)`);
      this.skip();
    }
    names = fs.readdirSync(NEWS).filter((f) => f.endsWith('.txt')).sort();
    // The warm-up an extension runs at activation must leave nothing behind that changes a result.
    warmUpRecognizers();
  });

  it('gives every article the same dates, names, spans and values as recorded', () => {
    const now = names.map((name) => `${name} ${digest(fs.readFileSync(path.join(NEWS, name), 'utf8'))}`);
    if (process.env.FACTMARK_WRITE_DIGESTS) fs.writeFileSync(DIGESTS, now.join('\n') + '\n');
    const recorded = fs.readFileSync(DIGESTS, 'utf8').trim().split('\n');
    assert.equal(now.length, recorded.length, 'the number of articles');
    const changed = now.filter((line, i) => line !== recorded[i]).map((line) => line.split(' ')[0]);
    assert.deepEqual(changed, [], `${changed.length} articles are recognised differently`);
  });
});
