import * as assert from 'node:assert/strict';
import { addSuggestions, exportInputOf, mergeImported, readSidecar } from '../../../src/core/documents';
import { importBrat } from '../../../src/core/export';
import type { AnnotatedDocument } from '../../../src/core/model';
import { updateSidecar } from '../../../src/core/sidecar';

const TEXT = 'Gen. Kim Yong-chol met U.S. officials in Panmunjom on 2 March 2006.';

function existing(): AnnotatedDocument {
  return {
    path: 'korea.txt',
    annotations: [
      { id: 'a1', type: 'PERSON', start: 5, end: 18, text: 'Kim Yong-chol', status: 'confirmed' },
      { id: 'a7', type: 'PLACE', start: 41, end: 50, text: 'Panmunjom', status: 'rejected' },
    ],
    facts: [{ id: 'f2', label: 'Meeting', start: 5, end: 66, text: TEXT.slice(5, 66), entities: ['a1'] }],
  };
}

describe('CLI and command glue (src/core/documents.ts)', () => {
  it('gives imported annotations and facts fresh ids, unlike any existing one, and links facts to the new ids', () => {
    // a Summit over the same span as the existing Meeting: another fact, not a duplicate
    const imported = importBrat('T1\tPLACE 23 27\tU.S.\nT2\tDATE 54 66\t2 March 2006\nT3\tSummit 5 66\t' + TEXT.slice(5, 66) + '\nE1\tSummit:T3 Participant:T1 Participant2:T2\n', TEXT);
    assert.equal(imported.annotations[0].id, 'a1', 'precondition: importers number from a1');
    const { document, addedAnnotations, addedFacts } = mergeImported(existing(), imported);
    assert.equal(addedAnnotations, 2);
    assert.equal(addedFacts, 1);
    const us = document.annotations.find((a) => a.text === 'U.S.');
    const date = document.annotations.find((a) => a.text === '2 March 2006');
    const fresh = /^a-[a-z2-9]{8}$/;
    assert.match(us?.id ?? '', fresh);
    assert.match(date?.id ?? '', fresh);
    assert.notEqual(us?.id, date?.id);
    const fact = document.facts.find((f) => f.label === 'Summit');
    assert.ok(fact, JSON.stringify(document.facts));
    assert.match(fact.id, /^f-[a-z2-9]{8}$/);
    assert.deepEqual(fact.entities, [us?.id, date?.id]);
    assert.equal(document.annotations.find((a) => a.id === 'a1')?.type, 'PERSON', 'the existing a1 was replaced');
  });

  it('does not add an imported annotation twice: facts point at the one already there', () => {
    const imported = {
      annotations: [{ id: 'a1', type: 'PERSON', start: 5, end: 18, text: 'Kim Yong-chol', status: 'confirmed' as const }],
      facts: [{ id: 'f1', label: 'Quote', start: 5, end: 18, text: 'Kim Yong-chol', entities: ['a1'] }],
    };
    const { document, addedAnnotations } = mergeImported(existing(), imported);
    assert.equal(addedAnnotations, 0);
    assert.equal(document.annotations.length, 2);
    assert.deepEqual(document.facts.find((f) => f.label === 'Quote')?.entities, ['a1']);
  });

  it('gives an annotation already there the note, KB id and value the import has and it lacks, and counts it', () => {
    // They were dropped without a word: "0 annotations added", nothing listed as not imported.
    const imported = {
      annotations: [{ id: 'a1', type: 'PERSON', start: 5, end: 18, text: 'Kim Yong-chol', status: 'confirmed' as const, note: 'the general', kb: 'Q1', value: 'x' }],
      facts: [{ id: 'f1', label: 'Meeting', start: 5, end: 66, text: TEXT.slice(5, 66), entities: ['a1'] }],
    };
    const { document, addedAnnotations, updated } = mergeImported(existing(), imported);
    assert.equal(addedAnnotations, 0);
    assert.equal(updated, 1);
    const kim = document.annotations.find((a) => a.id === 'a1');
    assert.deepEqual([kim?.note, kim?.kb, kim?.value, kim?.status], ['the general', 'Q1', 'x', 'confirmed']);
    assert.equal(mergeImported(document, imported).updated, 0, 'a second import changes nothing');
  });

  it('lists a note, KB id or value of the file that differs from the one already there as not imported', () => {
    // The sidecar's own stayed, and the file's was dropped without a word.
    const base = existing();
    base.annotations[0] = { ...base.annotations[0], kb: 'Q1', note: 'same' };
    const imported = { annotations: [{ id: 'a1', type: 'PERSON', start: 5, end: 18, text: 'Kim Yong-chol', status: 'confirmed' as const, kb: 'Q2', note: 'same' }], facts: [] };
    const { document, kept } = mergeImported(base, imported);
    assert.equal(document.annotations[0].kb, 'Q1', 'the sidecar keeps its own');
    assert.deepEqual(kept.map((p) => [p.kind, p.imported, p.reason]), [['unsupported', false, "KB id “Q2” of PERSON “Kim Yong-chol” not imported: the sidecar's a1 has “Q1” (Factmark keeps one)"]]);
  });

  it('takes a KB id the importers normalise (Q5, Wikidata:Q5, its Wikidata IRI) as the same id: no difference reported', () => {
    // A file exported from this very document (W3C writes the IRI, brat's import reads Wikidata:Q5 as Q5)
    // was reported as differing, and the CLI's import exited 1.
    const base = existing();
    base.annotations[0] = { ...base.annotations[0], kb: 'Wikidata:Q5' };
    base.annotations[1] = { ...base.annotations[1], status: 'confirmed', kb: 'https://www.wikidata.org/wiki/Q42' };
    const imported = {
      annotations: [
        { id: 'a1', type: 'PERSON', start: 5, end: 18, text: 'Kim Yong-chol', status: 'confirmed' as const, kb: 'Q5' },
        { id: 'a2', type: 'PLACE', start: 41, end: 50, text: 'Panmunjom', status: 'confirmed' as const, kb: 'Q42' },
      ],
      facts: [],
    };
    const { document, kept, updated } = mergeImported(base, imported);
    assert.deepEqual(kept, []);
    assert.equal(updated, 0);
    assert.deepEqual(document.annotations.map((a) => a.kb), ['Wikidata:Q5', 'https://www.wikidata.org/wiki/Q42'], 'the sidecar keeps its own spelling');
    const other = mergeImported(base, { annotations: [{ ...imported.annotations[0], kb: 'Q6' }], facts: [] });
    assert.equal(other.kept.length, 1, 'another item is still reported');
  });

  it("gives a fact already there the note and date the import has and it lacks, and reports a differing one", () => {
    // They were dropped without a word ("0 added (sidecar unchanged)").
    const fact = { id: 'f1', label: 'Meeting', start: 5, end: 66, text: TEXT.slice(5, 66), entities: [] as string[] };
    const { document, updated, kept } = mergeImported(existing(), { annotations: [], facts: [{ ...fact, note: 'summit', date: '2006-03-02' }] });
    assert.equal(updated, 1);
    assert.deepEqual(kept, []);
    assert.deepEqual([document.facts[0].note, document.facts[0].date], ['summit', '2006-03-02']);
    const again = mergeImported(document, { annotations: [], facts: [{ ...fact, note: 'summit', date: '2006-03-01' }] });
    assert.equal(again.updated, 0);
    assert.deepEqual(again.kept.map((p) => p.reason), ["date “2006-03-01” of Meeting “Kim Yong-chol met U.S. officials in Panmunjom on 2 March 2006” not imported: the sidecar's f2 has “2006-03-02” (Factmark keeps one)"]);
  });

  it('takes an empty note as none and leaves a rejected annotation as the user left it', () => {
    // brat writes "#1<TAB>AnnotatorNotes T1<TAB>" when a note is cleared: it wrote note: "" and counted an update.
    const fromBrat = importBrat('T1\tPERSON 5 18\tKim Yong-chol\n#1\tAnnotatorNotes T1\t\n', TEXT);
    assert.equal(fromBrat.annotations[0].note, undefined);
    const empty = mergeImported(existing(), { annotations: [{ ...existing().annotations[0], note: '' }], facts: [] });
    assert.equal(empty.updated, 0);
    assert.equal(empty.document.annotations[0].note, undefined);
    // Panmunjom is rejected in the sidecar: the file's KB id does not complete it
    const rejected = mergeImported(existing(), { annotations: [{ ...existing().annotations[1], status: 'confirmed', kb: 'Q42' }], facts: [] });
    assert.equal(rejected.updated, 0);
    assert.deepEqual(rejected.document.annotations[1], existing().annotations[1]);
  });

  it('counts as updated only entries the sidecar had, each once', () => {
    // A file holding the same span twice counted the entry it had just added as "1 updated", and an
    // existing one completed by two lines of the file twice.
    const kim = existing().annotations[0];
    const twice = (extra: Partial<typeof kim>[]) => extra.map((x, i) => ({ ...kim, id: `a${i + 1}`, ...x }));
    assert.equal(mergeImported(existing(), { annotations: twice([{ note: 'n' }, { kb: 'Q5' }]), facts: [] }).updated, 1);
    const empty = { path: 'korea.txt', annotations: [], facts: [] };
    const fresh = mergeImported(empty, { annotations: twice([{}, { note: 'the general' }]), facts: [] });
    assert.deepEqual([fresh.addedAnnotations, fresh.updated], [1, 0]);
    assert.equal(fresh.document.annotations[0].note, 'the general');
  });

  it('ends a diagnostic sentence before what the export says of it (no "kept as is.; not exported")', () => {
    const sidecar = updateSidecar(undefined, { document: existing(), text: TEXT }).replace('id: a7', 'id: a1');
    const { warnings } = exportInputOf(readSidecar(sidecar, TEXT), TEXT, 'korea.txt');
    assert.match(warnings.join('\n'), /used twice: this entry is ignored and kept as is; not exported/);
    assert.doesNotMatch(warnings.join('\n'), /\.;/);
  });

  it('adds recogniser mentions as suggestions, but not over an existing or rejected annotation', () => {
    const mentions = [
      { type: 'PERSON', start: 5, end: 18, text: 'Kim Yong-chol', source: 'ner' },
      { type: 'PLACE', start: 23, end: 27, text: 'U.S.', source: 'ner' },
      { type: 'PLACE', start: 41, end: 50, text: 'Panmunjom', source: 'ner' },
      { type: 'DATE', start: 54, end: 66, text: '2 March 2006', value: '2006-03-02', source: 'dates' },
    ];
    const { document, added } = addSuggestions(existing(), mentions);
    assert.equal(added, 2);
    assert.deepEqual(
      document.annotations.map((a) => [a.id.startsWith('a-') ? 'new' : a.id, a.text, a.status]),
      [
        ['a1', 'Kim Yong-chol', 'confirmed'],
        ['new', 'U.S.', 'suggested'],
        ['a7', 'Panmunjom', 'rejected'],
        ['new', '2 March 2006', 'suggested'],
      ],
    );
    assert.equal(document.annotations.find((a) => a.text === '2 March 2006')?.value, '2006-03-02');
  });

  it('leaves orphans out of an export and says so', () => {
    const sidecar = updateSidecar(undefined, { document: existing(), text: TEXT });
    const edited = TEXT.replace('Kim Yong-chol met U.S. officials', 'The delegation head arrived');
    const reading = readSidecar(sidecar, edited);
    // The fact's own text changed too, most of its first half: it is an orphan as well. (The
    // sidecar's sentence fingerprints give back the old text around its anchors, so a name
    // replaced inside a fact leaves it placed, modified, as with the old text from git.)
    assert.deepEqual(reading.orphans.map((o) => o.id), ['a1', 'f2']);
    const { input, warnings } = exportInputOf(reading, edited, 'korea.txt', 'file:///news/korea.txt');
    assert.deepEqual(input.doc.annotations.map((a) => a.id), ['a7']);
    assert.deepEqual(input.doc.facts, []);
    assert.equal(input.uri, 'file:///news/korea.txt');
    assert.equal(warnings.length, 2);
    assert.match(warnings[0], /korea\.txt: a1 “Kim Yong-chol” does not anchor/);
  });

  it('names an entry that fails validation in the export warnings instead of leaving it out silently', () => {
    // A hand edit broke one confirmed annotation ("start: fifty-five"): the others load, and the
    // export must say that this one is not in it (it printed nothing and exited 0).
    const sidecar = updateSidecar(undefined, { document: existing(), text: TEXT }).replace('start: 5\n', 'start: five\n');
    const reading = readSidecar(sidecar, TEXT);
    assert.ok(reading.document, 'precondition: the other entries load');
    const { input, warnings } = exportInputOf(reading, TEXT, 'korea.txt');
    assert.deepEqual(input.doc.annotations.map((a) => a.id), ['a7']);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /^korea\.txt: sidecar line \d+: annotations\[0\] \(a1\)\.start: must be integer; not exported$/);
  });

  it('reports a malformed sidecar without throwing', () => {
    const reading = readSidecar('factmark: 1\ndocument: [\n', TEXT);
    assert.equal(reading.document, undefined);
    assert.ok(reading.diagnostics.some((d) => d.severity === 'error'));
  });
});

describe('re-importing the same file (issue 12, item 4)', () => {
  it('adds facts once: four imports of 1 fact leave 1 fact, not 4', () => {
    const ann = 'T1\tPLACE 23 27\tU.S.\nT2\tMeeting 5 66\t' + TEXT.slice(5, 66) + '\nE1\tMeeting:T2 Participant:T1\n';
    let doc: AnnotatedDocument = { path: 'korea.txt', annotations: [], facts: [] };
    const added: number[] = [];
    for (let i = 0; i < 4; i++) {
      const merged = mergeImported(doc, importBrat(ann, TEXT));
      doc = merged.document;
      added.push(merged.addedFacts);
    }
    assert.equal(doc.facts.length, 1, JSON.stringify(doc.facts));
    assert.deepEqual(added, [1, 0, 0, 0]);
    assert.equal(doc.annotations.length, 1);
    assert.deepEqual(doc.facts[0].entities, [doc.annotations[0].id]);
  });
});
