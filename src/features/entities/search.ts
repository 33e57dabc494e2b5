import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { CommandId } from '../../commands';
import { preview } from '../../core/facts';
import { describeQuery, parseSearch, type IndexQuery } from '../../core/index';
import type { LabelService } from '../annotate/labels';
import type { CorpusIndex } from './corpusIndex';

/** Rows shown at most of each kind: the title says how many there are in all. */
const MAX_ROWS = 200;

interface Hit extends vscode.QuickPickItem {
  target?: { uri: string; start: number; end: number };
}

const PLACEHOLDER = 'Text to find, and filters: type:PERSON entity:"Roh Moo-hyun" after:2006 before:2006-06 status:confirmed doc:korea';

/**
 * Factmark: Search Annotations… — every annotation and fact of the workspace, from the workspace
 * index, by text and typed filters; the chosen one opens with its text selected. Also on the
 * Factmark view's title bar. An argument (a search text) starts the search with it.
 */
export function registerSearch(commands: CommandManager, corpus: CorpusIndex, labels: LabelService): vscode.Disposable {
  return commands.register({ id: CommandId.SearchAnnotations, execute: async (initial?: unknown) => {
    const pick = vscode.window.createQuickPick<Hit>();
    pick.title = 'Search Annotations';
    pick.placeholder = PLACEHOLDER;
    // The rows are the index's answer: VS Code must not filter them again by its own matching.
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.value = typeof initial === 'string' ? initial : '';
    pick.busy = true;
    const done = new Promise<void>((resolve) => {
      pick.onDidHide(() => {
        pick.dispose();
        resolve();
      });
    });
    pick.show();
    const index = await corpus.ready('always');
    const update = () => {
      const { query, problems } = parseSearch(pick.value);
      if (problems.length) {
        pick.items = [{ label: `$(warning) ${problems.join('; ')}`, alwaysShow: true }];
        return;
      }
      if (isEmpty(query)) {
        pick.title = `Search Annotations (${index.size} documents)`;
        pick.items = [];
        return;
      }
      const { mentions, facts } = index.query(query);
      const nameOf = (key: string) => index.document(key)?.name ?? key;
      const items: Hit[] = [];
      // Mentions first: what was asked for by type, entity or text; the facts that name them after.
      for (const m of mentions.slice(0, MAX_ROWS)) {
        const entity = m.entity !== undefined ? index.entity(m.entity) : undefined;
        items.push({
          label: `$(tag) ${preview(m.text, 60)}`,
          description: [labels.title(m.type), m.status, entity && `→ ${entity.name}`, m.value].filter(Boolean).join(' · '),
          detail: `${nameOf(m.doc)}:${m.line + 1} — ${`${m.before}${m.text}${m.after}`.trim()}`,
          alwaysShow: true,
          target: { uri: m.doc, start: m.start, end: m.end },
        });
      }
      for (const f of facts.slice(0, MAX_ROWS)) {
        items.push({
          label: `$(note) ${f.label}: ${preview(f.text, 70)}`,
          description: [f.date ?? index.document(f.doc)?.date, f.entities.map((e) => index.entity(e)?.name).filter(Boolean).join(', ')].filter(Boolean).join(' · '),
          detail: `${nameOf(f.doc)}:${f.line + 1}`,
          alwaysShow: true,
          target: { uri: f.doc, start: f.start, end: f.end },
        });
      }
      const more = mentions.length > MAX_ROWS || facts.length > MAX_ROWS ? ` (first ${MAX_ROWS} of each shown)` : '';
      pick.title = `Search Annotations: ${mentions.length} mentions, ${facts.length} facts — ${describeQuery(query)}${more}`;
      pick.items = items;
    };
    pick.onDidChangeValue(update);
    pick.onDidAccept(() => {
      const target = pick.selectedItems[0]?.target;
      if (!target) return;
      pick.hide();
      void vscode.commands.executeCommand(CommandId.Reveal, target);
    });
    pick.busy = false;
    update();
    await done;
  } });
}

function isEmpty(q: IndexQuery): boolean {
  return Object.values(q).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
}
