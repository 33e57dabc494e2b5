import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PlaceMap } from '../../../src/core/places';
import type { AnnotationsSnapshot } from '../../../src/features/sidecar';
import * as fs from 'fs';
import * as path from 'path';
import { closeAllEditors, eventually, openInEditor, sharedDir, showSampleIn, suggestionsFor, workspaceDir, writeWorkspaceFile } from '../helpers';
import { luminance, workbench } from '../workbench';
import { clickUntil, readCspViolations, readDrawnItems, readMapTheme, readPictureText } from '../pictures';

describe('Map and place links (issue 16)', function () {
  this.timeout(60_000);
  after(async () => {
    await closeAllEditors();
    // The articles and the sidecar these tests wrote go, so later suites see the workspace they expect.
    for (const name of ['places', 'news']) fs.rmSync(path.join(workspaceDir(), name), { recursive: true, force: true });
  });

  it('draws the Korea article’s places as dots; a click on Seoul lists its mentions and selects the sentence of one', async function () {
    const { uri } = await showSampleIn(this, 'factmark.showMap');
    const data = await eventually(async () => vscode.commands.executeCommand<PlaceMap | undefined>('factmark.internal.getMap'), 'the map has no data');
    const seoul = data.points.find((p) => p.place.id === 'geonames:1835848');
    assert.ok(seoul, `Seoul is on the map: ${data.points.map((p) => p.place.name).join(', ')}`);
    assert.ok(data.points.some((p) => p.place.id === 'iso3166:KP'), 'North Korea is on the map');
    assert.ok(data.apart.some((m) => m.text === 'Panmunjeom' && m.status === 'unmatched'), 'Panmunjeom is listed apart, not guessed');

    const wb = workbench();
    if (!wb) return;
    const dots = await eventually(() => wb.evaluate(readDrawnItems, 'svg circle.dot'), 'the map draws no dots');
    assert.equal(dots.length, data.points.length);
    await wb.screenshot('map-korea');
    assert.ok(((await wb.evaluate(readPictureText, '#apart')) ?? '').includes('Panmunjeom — not in the offline gazetteer'), 'Panmunjeom is listed under the map as not in the gazetteer');
    assert.equal(await wb.evaluate(readCspViolations), 0, 'the webview logged Content Security Policy violations');
    const dot = dots.find((d) => d.label === 'Seoul');
    assert.ok(dot, 'a dot labelled Seoul');
    // The dot lists Seoul's mentions and selects the sentence of the first.
    const sentence = "It is their first meeting since North Korea broke off senior-level military talks two years ago, in protest over Seoul's assistance in helping several hundred North Koreans defect to the South.";
    let selected = '';
    await clickUntil(wb, dot, () => {
      const e = vscode.window.activeTextEditor;
      selected = e ? e.document.getText(e.selection) : '';
      return e?.document.uri.toString() === uri.toString() && selected === sentence;
    }, 'clicking the Seoul dot does not select the sentence of its first mention').catch(() => assert.fail(`clicking the Seoul dot does not select the sentence of its first mention, but ${JSON.stringify(selected)}`));
    await eventually(async () => new RegExp(`Seoul .*: ${seoul.mentions.length} mentions?`).test((await wb.evaluate(readPictureText, '#mentions')) ?? ''), 'the clicked dot does not list its mentions');
  });

  it('follows the colour theme: light, high contrast and dark, outlines and dots readable on the page', async function () {
    const wb = workbench();
    if (!wb) this.skip();
    await closeAllEditors();
    await showSampleIn(this, 'factmark.showMap');
    await eventually(() => wb!.evaluate(readDrawnItems, 'svg circle.dot'), 'the map draws no dots', 30_000);
    const config = vscode.workspace.getConfiguration('workbench');
    try {
      for (const [theme, kind, name] of [
        ['Default Light Modern', 'vscode-light', 'map-light'],
        ['Default High Contrast', 'vscode-high-contrast', 'map-high-contrast'],
        ['Default Dark Modern', 'vscode-dark', 'map-dark'],
      ]) {
        await config.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        const seen = await eventually(async () => {
          const t = await wb!.evaluate(readMapTheme);
          return t?.kind.split(' ').includes(kind) && t.dots > 0 ? t : undefined;
        }, `the map does not take the ${theme} theme`, 30_000);
        // Country outlines are drawn in the text colour, dots are edged with it: both must stand out from the page.
        assert.ok(Math.abs(luminance(seen.outline) - luminance(seen.background)) > 100, `${theme}: outlines ${seen.outline} on ${seen.background}`);
        assert.ok(Math.abs(luminance(seen.dotEdge) - luminance(seen.background)) > 100, `${theme}: dot edges ${seen.dotEdge} on ${seen.background}`);
        await wb!.screenshot(name, 'iframe.webview');
      }
    } finally {
      await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('lists a name several places share and a name the gazetteer does not know under the map, placing neither', async function () {
    await closeAllEditors();
    const uri = writeWorkspaceFile('places/springfield.txt', 'The mayors met in Springfield. The next meeting is in Zorblattown.\n');
    const editor = await openInEditor(uri);
    for (const name of ['Springfield', 'Zorblattown']) {
      const start = editor.document.getText().indexOf(name);
      editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + name.length));
      await vscode.commands.executeCommand('factmark.tagPlace');
    }
    await vscode.commands.executeCommand('factmark.showMap');
    const data = await eventually(async () => {
      const d = await vscode.commands.executeCommand<PlaceMap | undefined>('factmark.internal.getMap');
      return d?.apart.length === 2 ? d : undefined;
    }, 'the map does not keep the two names apart', 30_000);
    assert.deepEqual(data.apart.map((m) => `${m.text}:${m.status}`), ['Springfield:ambiguous', 'Zorblattown:unmatched']);
    assert.equal(data.points.length, 0, 'no place is guessed');
    const wb = workbench();
    if (!wb) return;
    const listed = await eventually(async () => {
      const text = (await wb.evaluate(readPictureText, '#apart')) ?? '';
      return text.startsWith('Not on the map (2)') ? text : undefined;
    }, 'the map does not list the two names under it', 30_000);
    assert.match(listed, /Springfield — \d+ places have this name — springfield\.txt: The mayors met in Springfield\.\s*Link…/, `Springfield is listed as ambiguous, with Link…: ${listed}`);
    assert.ok(listed.includes('Zorblattown — not in the offline gazetteer'), `Zorblattown is listed as unknown: ${listed}`);
    assert.equal(((await wb.evaluate(readDrawnItems, 'svg circle.dot')) ?? []).length, 0, 'a dot is drawn for a name that was not placed');
  });

  it('stores a confirmed link in the annotation’s kb field', async function () {
    // A copy of its own: the link writes a sidecar, which other suites' copy of the sample must not see.
    const source = path.join(sharedDir() ?? '', 'corpus', 'korea-generals-2006-03-02.txt');
    if (!fs.existsSync(source)) this.skip();
    const uri = writeWorkspaceFile('places/korea-linked.txt', fs.readFileSync(source));
    const editor = await openInEditor(uri);
    const { mentions } = await suggestionsFor(uri);
    const seoul = mentions.find((m) => m.text === 'Seoul' && m.type === 'PLACE');
    assert.ok(seoul, 'precondition: Seoul is suggested as a place');
    editor.selection = new vscode.Selection(editor.document.positionAt(seoul.start), editor.document.positionAt(seoul.end));
    const stored = await vscode.commands.executeCommand<string>('factmark.linkPlace', { kb: 'geonames:1835848' });
    assert.equal(stored, 'geonames:1835848');
    const snapshot = await vscode.commands.executeCommand<AnnotationsSnapshot>('factmark.internal.getAnnotations', uri);
    const a = snapshot.model.annotations.find((x) => x.start === seoul.start && x.type === 'PLACE');
    assert.equal(a?.kb, 'geonames:1835848');
    assert.equal(a?.status, 'confirmed');
  });

  it('shows the places of every open article after "Whole workspace"', async function () {
    const shared = sharedDir();
    const news = shared && path.join(shared, 'corpus', 'news');
    if (!news || !fs.existsSync(news)) this.skip();
    const names = ['APW19980818.0515.txt', 'AP900815-0044.txt'];
    for (const name of names) await openInEditor(writeWorkspaceFile(`news/${name}`, fs.readFileSync(path.join(news, name))));
    await vscode.commands.executeCommand('factmark.showMap');
    const wb = workbench();
    if (wb) {
      const button = await eventually(() => wb.evaluate(readDrawnItems, '#scope'), 'no scope button');
      await clickUntil(wb, button[0], async () => (await wb.evaluate(readPictureText, '#scope')) === 'Active article', 'the scope button does not show the whole workspace');
    } else {
      await vscode.commands.executeCommand('factmark.showMap', { workspace: true });
    }
    const data = await eventually(async () => {
      const d = await vscode.commands.executeCommand<PlaceMap | undefined>('factmark.internal.getMap');
      const documents = new Set(d?.points.flatMap((p) => p.mentions.map((m) => m.document)));
      return names.every((n) => documents.has(n)) ? d : undefined;
    }, 'the workspace map lacks the open articles');
    const ids = data.points.map((p) => p.place.id);
    assert.ok(ids.includes('iso3166:TZ') && ids.includes('iso3166:KW'), `Tanzania and Kuwait are on the map: ${ids.join(' ')}`);
    if (wb) {
      await eventually(async () => ((await wb.evaluate(readDrawnItems, 'svg circle.dot')) ?? []).length === data.points.length, 'the dots do not match the data');
      await wb.screenshot('map-workspace');
    }
  });
});
