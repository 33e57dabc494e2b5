/** Documents for the export tests, built by finding words in the text (offsets are never typed by hand). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnnotatedDocument, Annotation, AnnotationStatus, Fact } from '../../../../src/core/model';
import type { ExportInput } from '../../../../src/core/export/types';
import { repoRoot } from '../../../fixtures/paths';

/** The repository root (tests run from out/test/unit/export). */
export { repoRoot };
/** The shared peers folder, when present. */
export const peersDir = path.resolve(repoRoot, '../shared/peers');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');

export function peersPresent(sub = ''): boolean {
  return fs.existsSync(path.join(peersDir, sub));
}

type Extra = Partial<Pick<Annotation, 'value' | 'kb' | 'note'>> & { status?: AnnotationStatus; nth?: number };

/** Builds a document by placing annotations on the n-th occurrence of each quote. */
export class DocBuilder {
  private readonly annotations: Annotation[] = [];
  private readonly facts: Fact[] = [];

  constructor(readonly text: string, readonly name = 'sample.txt', readonly documentDate?: string) {}

  add(quote: string, type: string, extra: Extra = {}): string {
    const start = find(this.text, quote, extra.nth ?? 0);
    const id = `a${this.annotations.length + 1}`;
    const { nth: _nth, status, ...rest } = extra;
    this.annotations.push({ id, type, start, end: start + quote.length, text: quote, status: status ?? 'confirmed', ...rest });
    return id;
  }

  fact(quote: string, label: string, entities: string[], extra: { date?: string; note?: string } = {}): string {
    const start = find(this.text, quote, 0);
    const id = `f${this.facts.length + 1}`;
    this.facts.push({ id, label, start, end: start + quote.length, text: quote, entities, ...extra });
    return id;
  }

  build(): ExportInput {
    const doc: AnnotatedDocument = { path: this.name, annotations: this.annotations, facts: this.facts, ...(this.documentDate ? { documentDate: this.documentDate } : {}) };
    return { text: this.text, doc, name: this.name };
  }
}

function find(text: string, quote: string, nth: number): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`fixture: “${quote}” (#${nth}) not in text`);
  }
  return at;
}

/** A news-like document with emoji (astral), Hangul, combining marks and CRLF line endings. */
export function hardDocument(): ExportInput {
  const text = [
    '남북 장성급 회담 😀 opened in Panmunjom on 2 March 2006.',
    'Gen. Kim Jong-il met José Martínez of the U.N. | Command; 👩‍👩‍👧 families waited.',
    'Seoul said the talks "failed" *again*.',
    'Later, Kim\u0301 returned to Seoul on Friday.',
  ].join('\r\n');
  const b = new DocBuilder(text, 'news/hard-case.txt', '2006-03-02');
  const place = b.add('Panmunjom', 'PLACE', { kb: 'Q212744' });
  const date = b.add('2 March 2006', 'DATE', { value: '2006-03-02' });
  const kim = b.add('Kim Jong-il', 'PERSON', { note: 'Not the leader: a general\nwith the same name.' });
  const jose = b.add('José Martínez', 'PERSON');
  const un = b.add('U.N. | Command', 'ORGANIZATION', { kb: 'GeoNames:6295630', note: 'pipe | and "quotes", commas' });
  b.add('남북', 'PLACE', { value: 'Korea (both)' });
  b.add('Seoul', 'PLACE', { kb: 'Q8684' });
  b.add('Kim\u0301', 'PERSON', { status: 'suggested' });
  b.add('Seoul', 'PLACE', { kb: 'Q8684', nth: 1 });
  b.add('Friday', 'DATE', { value: 'XXXX-WXX-5', status: 'rejected' });
  b.add('families waited.\r\nSeoul', 'MISC', { note: 'crosses a line break' });
  b.fact('Gen. Kim Jong-il met José Martínez', 'Meeting', [kim, jose, place, date, un], { date: '2006-03-02', note: 'first meeting' });
  return b.build();
}

/** What a round trip must keep of an annotation. */
export function essentials(a: Annotation): object {
  return { type: a.type, start: a.start, end: a.end, text: a.text, value: a.value, kb: a.kb, note: a.note };
}
