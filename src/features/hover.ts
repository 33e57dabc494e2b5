import * as vscode from 'vscode';
import { toRange } from '../adapter';
import { CommandId } from '../commands';
import { factsLinking, innermostAt, preview, undecidedSuggestions } from '../core/facts';
import type { Annotation, Fact, Mention } from '../core/model';
import { kbKey } from '../core/kb';
import { entityKey } from '../core/tree';
import { mentionAt, typeLabel } from './highlights';
import type { RecognitionService } from './recognition';

/** What the hover needs from the annotating workflow (the annotation store and the label set). */
export interface HoverSource {
  /** The stored annotations and facts of a document, with its orphans. */
  entry(uri: vscode.Uri): { model: { annotations: readonly Annotation[]; facts: readonly Fact[] }; orphans: ReadonlySet<string> } | undefined;
  title(type: string): string;
}

/** Commands a hover card may run (command links are trusted for these only). */
const HOVER_COMMANDS = [
  CommandId.AcceptSuggestion,
  CommandId.RejectSuggestion,
  CommandId.AcceptScoped,
  CommandId.RejectScoped,
  CommandId.RetypeAnnotation,
  CommandId.RemoveAnnotation,
  CommandId.EditNote,
  CommandId.EditValue,
  CommandId.EditKb,
  CommandId.EditFact,
  CommandId.Reveal,
];

/**
 * Hover cards: on a suggestion, its type, normalised date and accept / reject links; on an
 * annotation, its type, value, note, knowledge-base id, linked facts and actions (retype, remove,
 * edit, go to the other mentions); on a fact, its label, date and linked entities.
 */
export function registerHover(recognition: RecognitionService, source?: HoverSource): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { language: 'plaintext' },
    {
      provideHover(document, position) {
        const offset = document.offsetAt(position);
        const entry = source?.entry(document.uri);
        const live = entry ? entry.model.annotations.filter((a) => a.status !== 'rejected' && !entry.orphans.has(a.id)) : [];
        const annotation = innermostAt(live, offset);
        const result = recognition.get(document.uri);
        const fresh = result && result.version === document.version ? result : undefined;
        const mentions = fresh ? (entry ? undecidedSuggestions(fresh.mentions, entry.model.annotations) : fresh.mentions) : [];
        const mention = entry ? innermostAt(mentions, offset) : mentionAt(mentions, offset);
        const fact = entry && innermostAt(entry.model.facts.filter((f) => !entry.orphans.has(f.id)), offset);
        const parts: vscode.MarkdownString[] = [];
        if (annotation && entry && source) parts.push(annotationCard(document, annotation, entry.model, source));
        if (mention && (!annotation || mention.end - mention.start <= annotation.end - annotation.start)) {
          parts.push(suggestionCard(document, mention, fresh?.documentDate, !!source));
        }
        if (fact && entry && source && !annotation) parts.push(factCard(document, fact, entry.model.annotations, source));
        if (parts.length === 0) return undefined;
        const span = annotation ?? mention ?? fact!;
        return new vscode.Hover(parts, toRange(document, span));
      },
    },
  );
}

function markdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportThemeIcons = true;
  return md;
}

function link(title: string, command: CommandId, args: object): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify([args]))})`;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

function suggestionCard(document: vscode.TextDocument, m: Mention, documentDate: string | undefined, actions: boolean): vscode.MarkdownString {
  const md = markdown();
  md.appendMarkdown(`**${typeLabel(m.type)}** · suggested\n\n`);
  if (m.type === 'DATE') {
    if (m.value && !m.value.includes('X')) md.appendMarkdown(`Normalised: \`${m.value}\``);
    else md.appendMarkdown(`Not resolved: ${documentDate ? 'ambiguous' : 'the document has no date of its own'}`);
    if (documentDate) md.appendMarkdown(`\n\nDocument date: \`${documentDate}\``);
  }
  if (actions) {
    const args = { uri: document.uri.toString(), start: m.start, end: m.end, type: m.type };
    // Wider scopes are explicit choices, on the same line: a plain reject hides this mention only.
    const scoped = (title: string, command: CommandId, scope: string) => link(title, command, { ...args, scope });
    md.appendMarkdown(
      `\n\n${link('$(check) Accept', CommandId.AcceptSuggestion, args)} (${scoped('all here', CommandId.AcceptScoped, 'document')}, ${scoped('everywhere', CommandId.AcceptScoped, 'everywhere')}) · ` +
        `${link('$(close) Reject', CommandId.RejectSuggestion, args)} (${scoped('here', CommandId.RejectScoped, 'document')}, ${scoped('everywhere', CommandId.RejectScoped, 'everywhere')})`,
    );
  }
  return md;
}

function annotationCard(
  document: vscode.TextDocument,
  a: Annotation,
  model: { annotations: readonly Annotation[]; facts: readonly Fact[] },
  source: HoverSource,
): vscode.MarkdownString {
  const md = markdown();
  const uri = document.uri.toString();
  md.appendMarkdown(`**${escape(source.title(a.type))}** · ${a.status}\n\n`);
  const rows: string[] = [];
  if (a.value) rows.push(`Normalised: \`${a.value}\``);
  if (a.kb) {
    // A Wikidata item however written (Q42, an import's Wikidata:Q42 or IRI) links its page, shown as written.
    const qid = kbKey(a.kb);
    rows.push(/^Q\d+$/.test(qid) ? `Knowledge base: [${escape(a.kb)}](https://www.wikidata.org/wiki/${qid})` : `Knowledge base: \`${a.kb}\``);
  }
  if (a.note) rows.push(`Note: ${escape(a.note)}`);
  const facts = factsLinking(model.facts, a.id);
  for (const f of facts.slice(0, 5)) {
    rows.push(`Fact: ${link(`${escape(f.label)}: ${escape(preview(f.text, 60))}`, CommandId.Reveal, { uri, start: f.start, end: f.end })}${f.date ? ` (${f.date})` : ''}`);
  }
  if (rows.length) md.appendMarkdown(`${rows.join('  \n')}\n\n`);
  const key = entityKey(a);
  const others = model.annotations.filter((x) => x.id !== a.id && x.status !== 'rejected' && entityKey(x) === key).sort((x, y) => x.start - y.start);
  if (others.length) {
    const next = others.find((x) => x.start > a.start) ?? others[0];
    md.appendMarkdown(`${others.length} other mention${others.length === 1 ? '' : 's'}: ${link('$(arrow-right) Next mention', CommandId.Reveal, { uri, start: next.start, end: next.end })}\n\n`);
  }
  const args = { uri, id: a.id };
  md.appendMarkdown(
    [
      link('$(symbol-class) Retype', CommandId.RetypeAnnotation, args),
      link('$(edit) Note', CommandId.EditNote, args),
      link('Value', CommandId.EditValue, args),
      link('KB id', CommandId.EditKb, args),
      link('$(trash) Remove', CommandId.RemoveAnnotation, args),
    ].join(' · '),
  );
  return md;
}

function factCard(document: vscode.TextDocument, f: Fact, annotations: readonly Annotation[], source: HoverSource): vscode.MarkdownString {
  const md = markdown();
  md.appendMarkdown(`**Fact** · ${escape(f.label)}${f.date ? ` · \`${f.date}\`` : ''}\n\n`);
  const linked = f.entities.map((id) => annotations.find((a) => a.id === id)).filter((a): a is Annotation => !!a);
  if (linked.length) md.appendMarkdown(`Links: ${linked.map((a) => `${escape(a.text)} (${escape(source.title(a.type))})`).join(', ')}\n\n`);
  if (f.note) md.appendMarkdown(`Note: ${escape(f.note)}\n\n`);
  md.appendMarkdown(link('$(edit) Edit fact', CommandId.EditFact, { uri: document.uri.toString(), id: f.id }));
  return md;
}
