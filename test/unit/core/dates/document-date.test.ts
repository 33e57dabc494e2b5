import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectDocumentDate, detectDocumentDateFromName } from '../../../../src/core/dates';
import { corpusRoot } from '../../../fixtures/paths';

describe('detectDocumentDate', () => {
  it('reads a date alone on a line near the top', () => {
    assert.equal(detectDocumentDate('Headline\n\n02 March 2006\n\nBody text from 1953.'), '2006-03-02');
  });

  it('reads US-style, ISO and wire datelines', () => {
    assert.equal(detectDocumentDate('March 2, 2006\nSEOUL — Generals met.'), '2006-03-02');
    assert.equal(detectDocumentDate('WASHINGTON (AP) — Sept. 30, 1998 — The Senate voted.'), '1998-09-30');
    assert.equal(detectDocumentDate('Published 1998-02-13T10:00\nText.'), '1998-02-13');
  });

  it('reads other dateline spellings', () => {
    assert.equal(detectDocumentDate('Thu, 2 Mar 2006 14:02:11 +0000\nGenerals met.'), '2006-03-02');
    assert.equal(detectDocumentDate('Title\nPosted on 03/02/2006 by admin\nText'), '2006-03-02');
    assert.equal(detectDocumentDate('Thursday, March 2nd, 2006\nText'), '2006-03-02');
  });

  it('returns undefined rather than guessing', () => {
    assert.equal(detectDocumentDate('BUDAPEST, March 12 (Xinhua) -- Hungary joined.'), undefined);
    assert.equal(detectDocumentDate('No date here at all.'), undefined);
    assert.equal(detectDocumentDate('Filed 31 February 2006.'), undefined);
  });

  it('takes no relative expression at a line start for a dateline (chrono counts it from a fixed day)', () => {
    // "mar" of "market" let chrono read the line, and "In 5 days" came back as 2000-01-06.
    assert.equal(detectDocumentDate('In 5 days, the market will open again.'), undefined);
    assert.equal(detectDocumentDate('Tomorrow the marchers set off at 9.\nText'), undefined);
    assert.equal(detectDocumentDate('2 weeks from now, the mayor decides.'), undefined);
  });

  it('does not take a date inside a sentence of the story for the article date', () => {
    assert.equal(detectDocumentDate('Elco said net income in the year ending June 30, 1990, will fall.'), undefined);
    assert.equal(detectDocumentDate('NEW YORK _ On March 2, 2006 markets fell.'), undefined);
    assert.equal(detectDocumentDate('SEOUL, South Korea — March 2, 2006 — Generals met.'), '2006-03-02');
    assert.equal(detectDocumentDate('Lisbon, 14 May 2019\nThe harbour reopened.'), '2019-05-14');
    assert.equal(detectDocumentDate('He Said In Town, 14 May 2019 was the day.'), undefined);
    assert.equal(detectDocumentDate('Posted: Thursday, March 2, 2006 10:31 AM\nText'), '2006-03-02');
  });

  it('reads a date from a file name', () => {
    assert.equal(detectDocumentDateFromName('/a/b/korea-generals-2006-03-02.txt'), '2006-03-02');
    assert.equal(detectDocumentDateFromName('APW19980213.1310.txt'), '1998-02-13');
    assert.equal(detectDocumentDateFromName('wsj_0026.txt'), undefined);
    assert.equal(detectDocumentDateFromName('notes-2006-13-45.txt'), undefined);
  });

  it('reads a dateline that opens a long one-line paragraph', () => {
    const story = ' The Senate voted on the bill after a long debate about its cost.'.repeat(20);
    assert.equal(detectDocumentDate(`WASHINGTON (AP) — Sept. 30, 1998 —${story}`), '1998-09-30');
    assert.equal(detectDocumentDate(`SEOUL, South Korea (Yonhap) — Thu, 2 Mar 2006 14:02:11 +0000 —${story}`), '2006-03-02');
    assert.equal(detectDocumentDate(`The Senate voted${story} on March 2, 2006.`), undefined);
  });

  it('does not pick a date from deep inside the body', () => {
    const body = 'Text. '.repeat(200) + 'On March 2, 2006 it happened.';
    assert.equal(detectDocumentDate(body), undefined);
  });

  it('finds the date of the sample article when the corpus is present', function () {
    const file = path.join(corpusRoot, 'korea-generals-2006-03-02.txt');
    if (!fs.existsSync(file)) {
      console.log(`    (skipped: ${file} not found)`);
      this.skip();
    }
    assert.equal(detectDocumentDate(fs.readFileSync(file, 'utf8')), '2006-03-02');
  });
});
