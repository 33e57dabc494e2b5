import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_LEARNING, ModelLearner, type Decided } from '../../../../src/core/learning';
import { recognizeEntities, shippedEntityModel } from '../../../../src/core/ner';
import { corpusRoot } from '../../../fixtures/paths';

const corpus = path.join(corpusRoot, 'news/AP900815-0044.txt');

describe('the model learner (core/learning/learner.ts)', () => {
  const text = fs.existsSync(corpus) ? fs.readFileSync(corpus, 'utf8') : undefined;
  before(function () {
    if (!text) this.skip(); // ../shared/corpus is not there
  });
  const bush = (start: number, type: string): Decided => ({ start, end: start + 4, text: 'Bush', type, status: 'confirmed' });
  const bushes = (learner: ModelLearner) =>
    recognizeEntities(text!, learner.model() ?? shippedEntityModel())
      .filter((m) => m.text === 'Bush')
      .map((m) => `${m.type}@${m.start}`);

  it('undoes a correction that would contradict an earlier decision in the same document (the self-check)', () => {
    const first = text!.indexOf('Bush seemed to suggest');
    const second = text!.indexOf('Bush to order');
    const earlier = bush(first, 'PERSON');
    const check = new ModelLearner(DEFAULT_LEARNING);
    assert.ok(bushes(check).includes(`PERSON@${first}`), 'precondition: the model agrees with the earlier decision');
    check.learn('ap', text!, [earlier]);
    assert.equal(check.learn('ap', text!, [earlier, bush(second, 'ORGANIZATION')]), false, 'the correction was kept');
    assert.ok(bushes(check).includes(`PERSON@${first}`));

    const unchecked = new ModelLearner({ ...DEFAULT_LEARNING, selfCheck: false });
    unchecked.learn('ap', text!, [earlier]);
    assert.equal(unchecked.learn('ap', text!, [earlier, bush(second, 'ORGANIZATION')]), true);
    assert.ok(!bushes(unchecked).includes(`PERSON@${first}`), 'without the self-check the earlier decision is contradicted');
  });

  it('learns nothing from a rejected mention, and each decision once', () => {
    const learner = new ModelLearner();
    const at = text!.indexOf('Soviet Union');
    const rejected: Decided = { start: at, end: at + 12, text: 'Soviet Union', type: 'PLACE', status: 'rejected' };
    assert.equal(learner.learn('ap', text!, [rejected]), false);
    assert.equal(learner.adjustments.size, 0);
  });
});
