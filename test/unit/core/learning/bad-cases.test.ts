import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Learner, type Decided } from '../../../../src/core/learning';
import { corpusRoot } from '../../../fixtures/paths';

// The bad cases of issue 10, each as an analyst met it in the workbench, driven through the core
// decision path the extension uses (Learner: lexicon, model corrections, self-check).
const corpus = corpusRoot;
const read = (name: string) => (fs.existsSync(path.join(corpus, name)) ? fs.readFileSync(path.join(corpus, name), 'utf8') : undefined);

/** One document open in the workbench: its annotations, reported in full after each decision (as the sidecar store does). */
class Session {
  readonly annotations: Decided[] = [];
  constructor(
    readonly learner: Learner,
    readonly name: string,
    readonly text: string,
  ) {}

  suggestions(): string[] {
    return this.learner.suggest(this.text, this.name, '2006-03-02').map((m) => `${m.type}:${m.text}@${m.start}`);
  }

  /** The n-th whole-word occurrence of `name` (0-based). */
  at(name: string, n = 0): { start: number; end: number; text: string } {
    let i = -1;
    for (let k = 0; k <= n; k++) i = this.text.indexOf(name, i + 1);
    assert.ok(i >= 0, `${name} #${n} is in the text`);
    return { start: i, end: i + name.length, text: name };
  }

  decide(...decisions: Decided[]): void {
    this.annotations.push(...decisions);
    this.learner.decide(this.name, this.text, [...this.annotations]);
  }
}

const confirm = (span: { start: number; end: number; text: string }, type: string): Decided => ({ ...span, type, status: 'confirmed' });
const reject = (span: { start: number; end: number; text: string }, type: string): Decided => ({ ...span, type, status: 'rejected' });
const changed = (before: string[], after: string[]) => ({ gone: before.filter((x) => !after.includes(x)), added: after.filter((x) => !before.includes(x)) });

describe('learning only helps: the bad cases of issue 10', function () {
  const korea = read('korea-generals-2006-03-02.txt');
  const ap = read('news/AP900815-0044.txt');
  before(function () {
    if (!korea || !ap) this.skip(); // ../shared/corpus is not there
  });

  it('tagging "GlobalSecurity.org" and "UNITED24" as organisations makes no other suggestion', () => {
    const s = new Session(new Learner(), 'korea.txt', korea!);
    const before = s.suggestions();
    s.decide(confirm(s.at('GlobalSecurity.org'), 'ORGANIZATION'));
    s.decide(confirm(s.at('UNITED24'), 'ORGANIZATION'));
    const { gone, added } = changed(before, s.suggestions());
    assert.deepEqual(gone, []);
    // The tagged names themselves may now be suggested (they are decided there); nothing else.
    assert.deepEqual(added.filter((x) => !/GlobalSecurity\.org|UNITED24/.test(x)), [], 'Face-to-Face, North-South, Legally must not appear');
  });

  it('rejecting "Face-to-Face" keeps "Bush" and "Panmunjeom" and makes no place of "Legally"', () => {
    const s = new Session(new Learner(), 'korea.txt', korea!);
    s.decide(confirm(s.at('GlobalSecurity.org'), 'ORGANIZATION'));
    s.decide(confirm(s.at('UNITED24'), 'ORGANIZATION'));
    const before = s.suggestions();
    const faceToFace = before.find((x) => x.startsWith('ORGANIZATION:Face-to-Face'));
    s.decide(reject(s.at('Face-to-Face'), 'ORGANIZATION'));
    const after = s.suggestions();
    for (const kept of ['PERSON:Bush@', 'PLACE:Panmunjeom@']) assert.ok(after.some((x) => x.startsWith(kept)), `${kept} is gone: ${JSON.stringify(changed(before, after))}`);
    assert.ok(!after.some((x) => /:Legally@/.test(x)), `Legally is suggested: ${JSON.stringify(changed(before, after))}`);
    if (faceToFace) assert.ok(!after.includes(faceToFace));
  });

  it('accepting three places and a date keeps "Park Chan-bong", "Park" and "Kim Jong Il" as they were', () => {
    const s = new Session(new Learner(), 'korea.txt', korea!);
    s.decide(confirm(s.at('GlobalSecurity.org'), 'ORGANIZATION'));
    s.decide(confirm(s.at('UNITED24'), 'ORGANIZATION'));
    s.decide(reject(s.at('Face-to-Face'), 'ORGANIZATION'));
    const before = s.suggestions();
    // "South" in "the North launched a surprise invasion of the South" (its second mention as a place).
    const south = s.at('South', s.text.slice(0, s.text.indexOf('invasion of the South')).split(/\bSouth\b/).length - 1);
    s.decide(confirm(s.at('Ukraine'), 'PLACE'));
    s.decide(confirm(s.at('Demilitarized Zone'), 'PLACE'));
    s.decide(confirm(south, 'PLACE'));
    s.decide(confirm(s.at('02 March 2006'), 'DATE'));
    const after = s.suggestions();
    for (const name of ['PERSON:Park Chan-bong@', 'PERSON:Park@', 'PERSON:Kim Jong Il@', 'PERSON:Roh Moo-hyun@']) {
      assert.ok(after.some((x) => x.startsWith(name)), `${name} is gone: ${JSON.stringify(changed(before, after))}`);
    }
    assert.ok(!after.some((x) => /PLACE:Park@|:Kim Jong@/.test(x)), JSON.stringify(changed(before, after)));
    // A confirmed "South" is a hint for its other mentions, never a cut of "South Korea".
    assert.equal(after.filter((x) => x.startsWith('PLACE:South Korea@')).length, before.filter((x) => x.startsWith('PLACE:South Korea@')).length);
  });

  it('in AP900815-0044, confirming the 11 mentions of "Bush" changes no other suggestion', () => {
    const s = new Session(new Learner(), 'ap.txt', ap!);
    const before = s.suggestions();
    const bushes: Decided[] = [];
    for (let i = ap!.indexOf('Bush'); i >= 0; i = ap!.indexOf('Bush', i + 1)) bushes.push(confirm({ start: i, end: i + 4, text: 'Bush' }, 'PERSON'));
    assert.equal(bushes.length, 11);
    for (const b of bushes) s.decide(b);
    const { gone, added } = changed(before, s.suggestions());
    assert.deepEqual(gone.filter((x) => !/:Bush@/.test(x)), [], 'a suggestion other than Bush went away');
    assert.deepEqual(added.filter((x) => !/^PERSON:Bush@/.test(x)), [], 'a suggestion other than the person Bush appeared (Soviets, The Pentagon, Iran…)');
  });

  it('rejecting the adjective "North" once keeps every other "North" place, in this article and in others', () => {
    const learner = new Learner();
    const s = new Session(learner, 'korea.txt', korea!);
    const before = s.suggestions();
    const places = (xs: string[]) => xs.filter((x) => x.startsWith('PLACE:North@'));
    // Five places (since issue 14 the model itself no longer suggests the adjective; an analyst may still reject the span).
    assert.ok(places(before).length >= 5, `precondition: ${places(before).join(' ')}`);
    // "North and South Korean generals are speaking face to face": an adjective, not a place.
    const adjective = s.at('North and South Korean generals');
    s.decide(reject({ ...adjective, end: adjective.start + 5, text: 'North' }, 'PLACE'));
    const after = s.suggestions();
    assert.deepEqual(places(after), places(before), 'the model may still suggest the mention; the sidecar hides it, and only it');
    const other = new Session(learner, 'other.txt', 'Officials travelled to the North on Friday. North Korea said nothing.');
    assert.ok(other.suggestions().some((x) => x.startsWith('PLACE:North@')), other.suggestions().join(' '));
  });
});
