import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PlaceMap } from '../../src/core/places';
import type { Timeline } from '../../src/core/timeline';
import { SAMPLE_NAME, closeAllEditors, eventually, suggestionsFor } from '../integration/helpers';
import { parseSvg, readCspViolations, readDrawnItems, readPictureText } from '../integration/pictures';
import { page } from './env';

// The timeline and map panels on the web: webviews of the browser-hosted workbench, fed by the web
// worker extension host; the map's gazetteer is read from the installed extension through
// `vscode.workspace.fs`, and the pictures are saved through it too.

describe('Timeline and map on the web', function () {
  this.timeout(120_000);
  let uri: vscode.Uri;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the web scenario opens a workspace folder');
    uri = vscode.Uri.joinPath(folder.uri, SAMPLE_NAME);
  });

  beforeEach(async () => {
    await closeAllEditors();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await suggestionsFor(uri);
  });

  after(closeAllEditors);

  it('draws the sample article’s dates in time order on the timeline, and saves it as SVG and PNG', async () => {
    await vscode.commands.executeCommand('factmark.showTimeline');
    await eventually(async () => (await vscode.commands.executeCommand<Timeline | undefined>('factmark.internal.getTimeline'))?.items.length, 'the timeline has no data', 30_000);
    const wb = await page();
    const drawn = await eventually(async () => {
      const items = await wb.evaluate(readDrawnItems, 'svg [data-key]');
      return items?.some((d) => d.label === '1953') && items.some((d) => d.label === '2000') ? items : undefined;
    }, 'the timeline does not draw the 1953 armistice and the 2000 summit', 30_000);
    const x = (label: string) => drawn.find((d) => d.label === label)?.x ?? NaN;
    assert.ok(x('1953') < x('2000'), `1953 is drawn left of 2000: ${JSON.stringify(drawn)}`);
    assert.ok(x('2000') < x('02 March 2006'), '2000 is drawn left of the talks');
    assert.equal(await wb.evaluate(readCspViolations), 0, 'the webview logged Content Security Policy violations');
    await wb.screenshot('web-timeline');

    const folder = vscode.Uri.joinPath(uri, '..');
    const svgFile = vscode.Uri.joinPath(folder, 'web-timeline.svg');
    const pngFile = vscode.Uri.joinPath(folder, 'web-timeline.png');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('factmark.picture.exportSvg', svgFile);
      assert.equal(written?.toString(), svgFile.toString(), 'Export Picture as SVG does not say it wrote the file');
      const parsed = await wb.evaluate(parseSvg, new TextDecoder().decode(await vscode.workspace.fs.readFile(svgFile)));
      assert.equal(parsed.error, '', `the saved SVG does not parse: ${parsed.error}`);
      assert.deepEqual(parsed.labels.sort(), drawn.map((d) => d.label).sort(), 'the saved SVG holds other marks than the drawn ones');
      await vscode.commands.executeCommand('factmark.picture.exportPng', pngFile);
      const png = await vscode.workspace.fs.readFile(pngFile);
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the file has no PNG signature');
      assert.ok(png.length > 5000, `the PNG holds a picture (${png.length} bytes)`);
    } finally {
      for (const f of [svgFile, pngFile]) await vscode.workspace.fs.delete(f).then(undefined, () => undefined);
    }
  });

  it('draws the sample article’s places on the map from the offline gazetteer, and lists the one it does not know', async () => {
    await vscode.commands.executeCommand('factmark.showMap');
    const data = await eventually(async () => vscode.commands.executeCommand<PlaceMap | undefined>('factmark.internal.getMap'), 'the map has no data', 30_000);
    assert.ok(data.points.some((p) => p.place.id === 'geonames:1835848'), `Seoul is not on the map: ${data.points.map((p) => p.place.name).join(', ')}`);
    assert.ok(data.points.some((p) => p.place.id === 'iso3166:KP'), 'North Korea is not on the map');
    const wb = await page();
    const dots = await eventually(async () => {
      const d = await wb.evaluate(readDrawnItems, 'svg circle.dot');
      return d && d.length === data.points.length ? d : undefined;
    }, `the map does not draw its ${data.points.length} places as dots`, 30_000);
    assert.ok(dots.some((d) => d.label === 'Seoul'), 'no dot is labelled Seoul');
    assert.ok(((await wb.evaluate(readPictureText, '#apart')) ?? '').includes('Panmunjeom — not in the offline gazetteer'), 'Panmunjeom is not listed under the map as not in the gazetteer');
    assert.equal(await wb.evaluate(readCspViolations), 0, 'the webview logged Content Security Policy violations');
    await wb.screenshot('web-map');
  });
});
