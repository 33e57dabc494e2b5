import * as vscode from 'vscode';
import type { CommandManager } from '../../commandManager';
import { isArticle } from '../../adapter';
import { CommandId } from '../../commands';
import { candidates, countriesIn, isCountry, isPlaceId, linkPlace, type Candidate } from '../../core/places';
import type { Workflow } from '../annotate/workflow';
import { loadGazetteer } from './gazetteer';

/** What `factmark.linkPlace` accepts from code (tests, the map): which annotation, and optionally the id to store. */
interface LinkArgs {
  uri?: string;
  /** An annotation id; else the PLACE annotation or suggestion under the cursor. */
  id?: string;
  /** Store this gazetteer id without asking (`''` removes the link). */
  kb?: string;
}

const people = new Intl.NumberFormat('en');

function item(c: Candidate, best: boolean): vscode.QuickPickItem & { kb: string } {
  const p = c.place;
  const kind = isCountry(p) ? 'country' : p.feature === 'ADM1' ? 'state' : p.feature === 'CONT' ? 'region' : p.feature === 'PPLC' ? 'capital' : 'city';
  return {
    kb: p.id,
    label: `$(location) ${p.name}`,
    description: [p.country, kind, p.population ? `${people.format(p.population)} people` : ''].filter(Boolean).join(' · '),
    detail: `${p.id} · ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}${c.inContext ? ' · its country is named in the article' : ''}${best ? ' · best match' : ''}`,
  };
}

/**
 * "Link Place to Gazetteer…": the candidates for the PLACE under the cursor, ranked by the article's
 * context, in a quick pick; the one picked is stored in the annotation's `kb` field (`geonames:…`).
 * A suggestion is accepted first, since only annotations are stored.
 */
export function registerLinkPlace(commands: CommandManager, workflow: Workflow, extensionUri: vscode.Uri): vscode.Disposable {
  return commands.register({ id: CommandId.LinkPlace, execute: async (args?: LinkArgs) => {
    const document = args?.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : vscode.window.activeTextEditor?.document;
    const editor = vscode.window.activeTextEditor;
    if (!document || !isArticle(document)) {
      void vscode.window.showInformationMessage('Factmark: put the cursor on a place in a plain-text article to link it.');
      return undefined;
    }
    const entry = await workflow.open(document);
    let annotation = args?.id ? entry.model.annotations.find((a) => a.id === args.id) : editor && workflow.annotationSelected(document, editor.selection);
    if (!annotation && editor && editor.document === document) {
      await workflow.freshen(document);
      const suggestion = workflow.suggestionsIn(document, editor.selection).find((m) => m.type === 'PLACE');
      if (suggestion) {
        await workflow.accept(document, [suggestion]);
        annotation = workflow.store.get(document.uri)?.model.annotations.find((a) => a.start === suggestion.start && a.end === suggestion.end && a.type === 'PLACE');
      }
    }
    if (!annotation || annotation.type !== 'PLACE') {
      void vscode.window.showInformationMessage('Factmark: there is no place under the cursor (tag it as a place first).');
      return undefined;
    }
    const id = annotation.id;
    let kb = args?.kb;
    if (kb === undefined) {
      const gazetteer = await loadGazetteer(extensionUri);
      const context = { countries: countriesIn(document.getText(), gazetteer) };
      const ranked = candidates(annotation.text, gazetteer, context);
      const auto = linkPlace(annotation.text, gazetteer, context);
      const items: Array<vscode.QuickPickItem & { kb: string }> = ranked.slice(0, 50).map((c, i) => item(c, i === 0 && auto.status === 'linked'));
      if (isPlaceId(annotation.kb)) items.push({ kb: '', label: '$(close) Remove the link', description: annotation.kb });
      const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { kb: string }>();
      pick.title = `Link “${annotation.text}” to a place`;
      pick.placeholder = ranked.length
        ? auto.status === 'linked'
          ? 'The first is clearly the best match: Enter to confirm, or pick another'
          : 'Several places have this name: pick the one meant'
        : 'No place of this name in the offline gazetteer (GeoNames cities of 15,000+, countries, US states, continents)';
      pick.items = items;
      pick.matchOnDescription = true;
      pick.matchOnDetail = true;
      const stored = items.find((i) => i.kb === annotation?.kb);
      if (stored) pick.activeItems = [stored];
      kb = await new Promise<string | undefined>((resolve) => {
        pick.onDidAccept(() => resolve(pick.selectedItems[0]?.kb));
        pick.onDidHide(() => resolve(undefined));
        pick.show();
      });
      pick.dispose();
      if (kb === undefined) return undefined;
    }
    await workflow.update(document, id, { kb });
    return kb;
  } });
}
