import * as assert from 'node:assert/strict';
import { anchorAt, reanchor } from '../../../../src/core/anchor';
import { anchor, utf16, where } from './queries';
import { knownGap } from '../../../../src/core/anchor/bridge';
import { loadAnnotations, parseSidecar } from '../../../../src/core/sidecar';

// Without the old text, two annotations whose stored contexts reach each other were one passage
// (src/core/anchor/bridge.ts): where one is placed, the other is where the known text between them
// puts it. Cases from eval:anchoring's "partly duplicated sentence", made small.


// A branch switch through a sidecar written by hand (cases of src/core/sidecar/load.ts).
const p0 = 'Shares of the retailer rose on the Toronto Stock Exchange, where they closed at C$35, up 12.5 cents.\n\n';
const p1 = "Hudson's Bay said that Woodbridge Co., which currently holds about 70 percent of its shares, agreed.\n\n";
const p2 = "Woodbridge is a holding company owned by Toronto's Thomson family.\n\n";
/** p2 with a longer sentence: its names' 32 characters of context then lie inside it. */
const p2long = "Woodbridge is a holding company owned by Toronto's Thomson family, which also controls the publisher of the Globe and Mail newspaper.\n\n";
const p3 = "Hudson's Bay said it will redeem 9.5 million shares later this year.\n\n";
const p4 =
  'Analysts had expected the move since the spring, one of them said in a note to clients on Friday. The bank did not say how it would pay for the shares, which it values at about C$330 million, and a spokesman declined to say more about the plan.\n\n';
const p5 = 'Reporting by Wojtek Dabrowski in Toronto; editing by Peter Galloway and the rest of the desk.\n\n';
const p6 = `The company's chairman spoke at length at the meeting. ${p3.slice(0, -2)} He did not take questions.\n`;
/** A sidecar entry for `quote` at `start` of `on`, with its context there; `hint`: a stored orphan with that offset. */
const entry = (id: string, quote: string, on: string, start: number, hint?: number) => [
  `  - id: ${id}`,
  '    type: ORGANIZATION',
  `    start: ${hint ?? start}`,
  `    end: ${hint ?? start + quote.length}`,
  `    quote: ${JSON.stringify(quote)}`,
  `    prefix: ${JSON.stringify(on.slice(Math.max(0, start - 32), start))}`,
  `    suffix: ${JSON.stringify(on.slice(start + quote.length, start + quote.length + 32))}`,
  '    status: confirmed',
  ...(hint !== undefined ? ['    orphaned: true'] : []),
];
const sidecar = (entries: string[][]) =>
  ['factmark: 1', 'document:', '  path: a.txt', '  gitBlob: "0123456789012345678901234567890123456789"', 'offsets: codepoints', 'annotations:', ...entries.flat(), ''].join('\n');
const startOf = (loaded: ReturnType<typeof loadAnnotations>, id: string) => (loaded.orphans.has(id) ? 'orphan' : loaded.document.annotations.find((a) => a.id === id)!.start);

describe('reanchor without the old text: neighbours that were one passage (issue 11 item 5)', () => {
  it('a name in a sentence whose first words were copied in front of it follows the rest of its sentence, not the copy', () => {
    const old = 'The ministry published its figures on Friday morning.\n\nKim Jong met Park Geun in Seoul on Monday, officials said after the talks.\n\nThe talks end soon, both sides say.\n';
    const now = old.replace('Kim Jong met', 'Kim Jong met Park Geun in Seoul. Kim Jong met');
    const [kim, park, seoul, monday] = ['Kim Jong', 'Park Geun', 'Seoul', 'Monday'].map((q) => anchor(old, q));
    const r = reanchor(undefined, now, [kim, park, seoul, monday, anchor(old, 'ministry'), anchor(old, 'talks end')], utf16);
    // Before: "Kim Jong" an ambiguous orphan between the copy and the original.
    assert.equal(where(r, kim), now.lastIndexOf('Kim Jong'));
    assert.equal(where(r, park), now.lastIndexOf('Park Geun'));
    assert.equal(where(r, seoul), now.lastIndexOf('Seoul'));
  });

  it('a name whose context agrees with a stacked copy of its first words is not left on the copy its next name does not follow', () => {
    const old = "The struggle must not stop for one minute!'' said a message that was read Wednesday night to several thousand rallying Cuban scientists.\n\nRescued on Nov. 25 by fishermen, the boy has become a symbol.\n";
    const now = old.replace("'' said a message", "'' said a message that was read Wednesday night to several thousand rallying. said a message that was read Wednesday night to. said a message");
    const [wednesday, cuban] = ['Wednesday', 'Cuban'].map((q) => anchor(old, q));
    const r = reanchor(undefined, now, [anchor(old, 'struggle'), wednesday, cuban, anchor(old, 'Nov')], utf16);
    // Before: on the first copy (its stored context agrees there in full), wrong and not flagged.
    assert.equal(where(r, wednesday), now.lastIndexOf('Wednesday'));
    assert.equal(where(r, cuban), now.lastIndexOf('Cuban'));
  });

  it('names of a sentence copied whole right after it follow the name before them that is sure, not the copy', () => {
    const old = 'The ministry published its figures on Friday morning.\n\nOn Monday Kim Jong met Park Geun in Seoul, officials said after the talks.\n\nThe talks end soon, both sides say.\n';
    const now = old.replace('officials said', 'officials said. Kim Jong met Park Geun in Seoul, officials said');
    const [monday, kim, park, seoul] = ['Monday', 'Kim Jong', 'Park Geun', 'Seoul'].map((q) => anchor(old, q));
    const r = reanchor(undefined, now, [monday, kim, park, seoul, anchor(old, 'ministry'), anchor(old, 'talks end')], utf16);
    // Before: all three ambiguous orphans ("On Monday" was not copied, and only it is sure).
    assert.deepEqual([kim, park, seoul].map((a) => where(r, a)), [now.indexOf('Kim Jong'), now.indexOf('Park Geun'), now.indexOf('Seoul')]);
  });

  it('knows the text between two names only inside one sentence, and counts code points as stored', () => {
    const text = 'Kim met Park in Seoul on Monday. Lee left.';
    const at = (q: string) => anchor(text, q);
    assert.equal(knownGap(at('Seoul'), at('Monday'), false), ' on ');
    assert.equal(knownGap(at('Monday'), at('Lee'), false), undefined, 'across a sentence end');
    const astral = 'Kim 😀 met Park in Seoul.';
    const cp = (q: string) => {
      const s = astral.indexOf(q);
      const a = anchorAt(astral, q, s, s + q.length);
      return { ...a, start: [...astral.slice(0, s)].length, end: [...astral.slice(0, s)].length + q.length };
    };
    assert.equal(knownGap(cp('Kim'), cp('Park'), true), ' 😀 met ');
  });

  it("a name its neighbours' stale contexts put on a passage that came back with its own annotation is an orphan, not a second name there", () => {
    // A branch switch: on the shorter text the first "Hudson" took the place of the second one
    // (whose paragraph stayed) and was stored with that place's context, beside "Bay" and "9.5
    // million" of that paragraph; the second "Hudson", orphaned there, comes back with the text.
    const text = p0 + p1 + p2 + p3;
    const short = p0 + p3;
    const second = text.length - p3.length;
    const loaded = loadAnnotations(
      parseSidecar(
        sidecar([
          entry('a1', 'Hudson', short, p0.length),
          entry('a2', 'Bay', short, p0.length + 9),
          entry('a4', '9.5 million', short, short.indexOf('9.5 million')),
          entry('a3', 'Hudson', text, second, p0.length),
        ]),
      ).doc!,
      text,
    );
    assert.equal(startOf(loaded, 'a3'), second, 'the returning orphan is not back at its place');
    assert.equal(startOf(loaded, 'a1'), 'orphan', 'two names on one span');
  });
  it("so is one its neighbours put there when the returning orphan's sentence was copied elsewhere and the orphan's own returning neighbours say which copy", () => {
    // The same branch switch, with the second "Hudson"'s sentence copied to the article's end, its
    // own 32 characters of context at both copies, and the sentence edited on the shorter branch.
    // The returning orphan is left ambiguous by its context and placed on its own copy by the
    // orphans returning next to it (between.ts), which vouch for their places; the first "Hudson",
    // stored from that place on the shorter text, is put there by its neighbours too, with a
    // weaker context. The orphan's claim on its own place must hold as when it was left ambiguous:
    // before, the first "Hudson" stayed there, silently on the other name's place.
    const edited = p3.replace('said it', 'said on Friday it');
    const text = p0 + p1 + p2long + p3 + p4 + p5 + p6;
    const short = p0 + p2long + edited + p5;
    const second = p0.length + p1.length + p2long.length;
    const loaded = loadAnnotations(
      parseSidecar(
        sidecar([
          entry('t', 'Thomson', short, short.indexOf('Thomson')),
          entry('a1', 'Hudson', short, p0.length + p2long.length),
          entry('g', 'Peter Galloway', short, short.indexOf('Peter Galloway')),
          entry('w', 'Woodbridge Co.', text, text.indexOf('Woodbridge Co.'), p0.length),
          entry('a3', 'Hudson', text, second, p0.length + p2long.length),
          entry('n', 'Analysts', text, text.indexOf('Analysts'), p0.length + p2long.length + edited.length),
        ]),
      ).doc!,
      text,
    );
    assert.equal(text.indexOf(p3.slice(0, -2), second + 1), text.length - p6.length + p6.indexOf('Hudson'), 'the sentence is copied');
    assert.deepEqual([startOf(loaded, 'w'), startOf(loaded, 'n')], [text.indexOf('Woodbridge Co.'), text.indexOf('Analysts')], 'the neighbours are not back');
    assert.notEqual(startOf(loaded, 'a1'), second, "on the returning orphan's place");
  });
  it('a name is not led onto a pasted copy by a neighbour whose own word was edited in the original (only that word told the copies apart)', () => {
    // Found by review27 (fuzzer, seed 90 of prose:dupAfter): a paragraph pasted after itself and
    // "Ford" in the first copy changed to "noted". The deleted "Ford" is found on the copy (its whole
    // context agrees there, once), and the piece "Chrysler Panmunjom told met in March Ford" then
    // stood once, there: "Chrysler" followed it onto the copy, wrong and not flagged.
    const p = 'Seoul \u{1F600} again formally in March a letter Dole the talks on Monday later met. Quietly \u{1F600} a letter a letter later officials formally told met formally again quietly. In \u{1F600} March again Chrysler Panmunjom told met in March Ford formally officials the plan.';
    const old = `${p}\n\nQuietly in March an envoy later later again formally Seoul later in March quietly officials Jones Jones.\n\nA letter Reuters in March quietly quietly an envoy Kim Jones Jones officials Dole again said.\n\nIn \u{1F600} March officials again Chrysler Pyongyang told said said Smith Chrysler Tokyo said. The talks formally Baker Jones formally a letter in March officials Bonn the talks officials. Panmunjom the talks said formally Paris formally formally a letter a letter Baker again again quietly.\n\nThe plan told the talks the plan in March an envoy an envoy Seoul met Pyongyang in March. Reuters formally again met Seoul Moscow formally later quietly.\n\nFord Baker told again said Dole formally Tokyo.\n`;
    const now = old.replace(p, `${p.replace('Ford', 'noted')}\n\n${p}`);
    const chrysler = anchor(old, 'Chrysler');
    const r = reanchor(undefined, now, [chrysler, anchor(old, 'Ford'), anchor(old, 'Pyongyang'), anchor(old, 'Tokyo')], utf16);
    assert.notEqual(where(r, chrysler), now.indexOf('Chrysler', p.length), 'placed on the pasted copy');
  });
  it("nor by a neighbour that ends a paragraph, whose stored context runs into the next one (the copy before the pasted one is not followed by it)", () => {
    // Found by review27 (fuzzer): "Ford" in the first copy of a paragraph pasted after itself changed
    // to "stated"; "Ford" is found on the pasted copy and "Smith" followed it there.
    const p = 'Smith Dole met formally an envoy Ford.';
    const old = ` officials the plan Baker quietly.\n\n${p}\n\nAn envoy on Monday on Monday Baker on Monday officials the talks the talks Seoul Jones again the plan Ba`;
    const now = old.replace(p, `${p.replace('Ford', 'stated')}\n\n${p}`);
    const smith = anchor(old, 'Smith');
    const r = reanchor(undefined, now, [smith, anchor(old, 'Ford'), anchor(old, 'Seoul'), anchor(old, 'Jones')], utf16);
    assert.notEqual(where(r, smith), now.lastIndexOf('Smith'), 'placed on the pasted copy');
  });
});
