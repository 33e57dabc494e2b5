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

  it('undoes a correction that would contradict an earlier decision in the same document (the self-check)', () => {
    // A name the model has never seen, read as a person at both mentions; the analyst confirms the first
    // as a person, then tags the second as an organisation: learning that would make both organisations.
    const story = 'In a speech, Velmora seemed to suggest the plan would fail. Officials are urging Velmora to order a callup.';
    const first = story.indexOf('Velmora seemed');
    const second = story.indexOf('Velmora to order');
    const velmora = (start: number, type: string): Decided => ({ start, end: start + 7, text: 'Velmora', type, status: 'confirmed' });
    const read = (learner: ModelLearner) =>
      recognizeEntities(story, learner.model() ?? shippedEntityModel())
        .filter((m) => m.text === 'Velmora')
        .map((m) => `${m.type}@${m.start}`);
    const earlier = velmora(first, 'PERSON');
    const check = new ModelLearner(DEFAULT_LEARNING);
    assert.ok(read(check).includes(`PERSON@${first}`), 'precondition: the model agrees with the earlier decision');
    check.learn('story', story, [earlier]);
    assert.equal(check.learn('story', story, [earlier, velmora(second, 'ORGANIZATION')]), false, 'the correction was kept');
    assert.ok(read(check).includes(`PERSON@${first}`));

    const unchecked = new ModelLearner({ ...DEFAULT_LEARNING, selfCheck: false });
    unchecked.learn('story', story, [earlier]);
    assert.equal(unchecked.learn('story', story, [earlier, velmora(second, 'ORGANIZATION')]), true);
    assert.ok(!read(unchecked).includes(`PERSON@${first}`), 'without the self-check the earlier decision is contradicted');
  });

  it('learns nothing from a rejected mention, and each decision once', () => {
    const learner = new ModelLearner();
    const at = text!.indexOf('Soviet Union');
    const rejected: Decided = { start: at, end: at + 12, text: 'Soviet Union', type: 'PLACE', status: 'rejected' };
    assert.equal(learner.learn('ap', text!, [rejected]), false);
    assert.equal(learner.adjustments.size, 0);
  });
});
