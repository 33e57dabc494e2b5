import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Timeline } from '../../../src/core/timeline';
import { closeAllEditors, copySampleArticle, eventually, openInEditor, sharedDir, showSampleIn, suggestionsFor, workspaceDir, writeWorkspaceFile } from '../helpers';
import { clickUntil, parseSvg, pictureHasFocus, readCspViolations, readDrawnItems, readPictureText, readPictureTheme, readPictureValue, scrollPictureTo, zoomPicture } from '../pictures';
import type { TreeRow } from '../../../src/features/tree';
import { luminance, readQuickInput, workbench, type QuickInputState } from '../workbench';

describe('Timeline (issue 16)', function () {
  this.timeout(60_000);
  after(async () => {
    await closeAllEditors();
    for (const name of ['timeline-live.txt', 'timeline-live.txt.factmark.yaml', 'pictures', 'timeline.svg', 'timeline.png']) fs.rmSync(path.join(workspaceDir(), name), { recursive: true, force: true });
  });

  it('draws the Korea article’s dates in order, and a click selects its sentence', async function () {
    const { uri, editor } = await showSampleIn(this, 'factmark.showTimeline');
    const data = await eventually(async () => vscode.commands.executeCommand<Timeline | undefined>('factmark.internal.getTimeline'), 'the timeline has no data');
    const order = (needle: string) => data.items.findIndex((i) => i.quote.includes(needle));
    assert.ok(order('1953 armistice') < order('historic 2000 summit'), 'the armistice comes before the summit');
    assert.ok(order('historic 2000 summit') < data.items.findIndex((i) => i.value === '2006-03-02'), 'the summit comes before the talks');

    const wb = workbench();
    if (!wb) return; // under @vscode/test-electron there is no page to look at
    const drawn = await eventually(() => wb.evaluate(readDrawnItems, 'svg [data-key]'), 'the timeline draws nothing');
    const x = (label: string) => drawn.find((d) => d.label === label)?.x ?? NaN;
    assert.ok(x('1953') < x('2000'), `1953 is drawn left of 2000: ${JSON.stringify(drawn)}`);
    assert.ok(x('2000') < x('02 March 2006'), '2000 is drawn left of the talks');
    await wb.screenshot('timeline-korea');
    // Durations not anchored to a date are listed under the chart with the reason, not put on a guessed day.
    const apart = (await wb.evaluate(readPictureText, '#unplaced')) ?? '';
    assert.match(apart, /^Not on the axis \(3\)/, `the list of dates not on the axis: ${apart}`);
    assert.ok(apart.includes('two-day — a duration (P2D), not anchored to a date'), `"two-day" is listed with its reason: ${apart}`);
    assert.ok(!drawn.some((d) => d.label === 'two-day'), '"two-day" is not drawn on the axis');
    assert.equal(await wb.evaluate(readCspViolations), 0, 'the webview logged Content Security Policy violations');

    // Hovering the 1953 bar shows its sentence; a click selects that sentence in the editor.
    const armistice = drawn.find((d) => d.label === '1953');
    assert.ok(armistice);
    await wb.mouseMove(armistice.x, armistice.y);
    await eventually(async () => /Fighting in the Korean War was halted by an 1953 armistice/.test((await wb.evaluate(readPictureText, '#detail')) ?? ''), 'hovering the 1953 bar does not show its sentence');
    const sentence = 'Fighting in the Korean War was halted by an 1953 armistice - not a permanent peace treaty - three years after the North launched a surprise invasion of the South.';
    let selected = '';
    await clickUntil(wb, armistice, () => {
      const e = vscode.window.activeTextEditor;
      selected = e ? e.document.getText(e.selection) : '';
      return e?.document.uri.toString() === uri.toString() && selected === sentence;
    }, 'clicking the 1953 bar does not select its sentence in the editor').catch(() => assert.fail(`clicking the 1953 bar does not select its sentence in the editor, but ${JSON.stringify(selected)}`));
    assert.ok(editor);
  });

  it('draws the Korea article’s dated facts in order on the axis, and a click on one selects its sentence', async function () {
    const source = path.join(sharedDir() ?? '', 'corpus', 'korea-generals-2006-03-02.txt');
    if (!fs.existsSync(source)) this.skip();
    await closeAllEditors();
    // A copy of its own: the facts write a sidecar, which other suites' copy of the sample must not see.
    const uri = writeWorkspaceFile('pictures/korea-facts.txt', fs.readFileSync(source));
    const editor = await openInEditor(uri);
    await suggestionsFor(uri);
    const text = editor.document.getText();
    const facts = [
      // Tagged out of time order, so that the order drawn is the dates' and not the tagging's.
      { sentence: 'Two-star generals from North and South Korea sat across from each other in the historic truce village of Panmunjeom Thursday, in the heavily fortified Demilitarized Zone that separates the two countries.', label: 'meeting', date: '2006-03-02' },
      { sentence: 'Fighting in the Korean War was halted by an 1953 armistice - not a permanent peace treaty - three years after the North launched a surprise invasion of the South.', label: 'event', date: '1953' },
      { sentence: 'The flow of commercial traffic between the two sides has increased significantly since a historic 2000 summit between North Korean leader Kim Jong Il and then-South Korean President Kim Dae-jung.', label: 'meeting', date: '2000' },
    ];
    const keys: string[] = [];
    for (const f of facts) {
      const start = text.indexOf(f.sentence);
      assert.ok(start >= 0, `precondition: the article has "${f.sentence.slice(0, 30)}…"`);
      const id = await vscode.commands.executeCommand<string>('factmark.createFact', { uri: uri.toString(), start, end: start + f.sentence.length, label: f.label, entities: [], date: f.date });
      keys.push(`${uri.toString()}#${id}`);
    }
    await vscode.commands.executeCommand('factmark.showTimeline');
    const wb = workbench();
    if (!wb) {
      const data = await eventually(async () => (await vscode.commands.executeCommand<Timeline | undefined>('factmark.internal.getTimeline'))?.items.filter((i) => i.kind === 'fact'), 'the timeline has no facts');
      assert.deepEqual(data.map((i) => i.value), ['1953', '2000', '2006-03-02']);
      return;
    }
    const drawn = await eventually(async () => {
      const items = (await wb.evaluate(readDrawnItems, 'svg [data-key]')) ?? [];
      const found = keys.map((k) => items.find((d) => d.key === k));
      return found.every((d) => d) ? (found as NonNullable<(typeof found)[number]>[]) : undefined;
    }, 'the timeline does not draw the three facts', 30_000);
    const [talks, armistice, summit] = drawn;
    assert.ok(armistice.x < summit.x && summit.x < talks.x, `the facts are drawn in time order: 1953 at ${armistice.x}, 2000 at ${summit.x}, the talks at ${talks.x}`);
    assert.equal(await wb.evaluate(readCspViolations), 0, 'the webview logged Content Security Policy violations');

    let selected = '';
    await clickUntil(wb, summit, () => {
      const e = vscode.window.activeTextEditor;
      selected = e ? e.document.getText(e.selection) : '';
      return e?.document.uri.toString() === uri.toString() && selected === facts[2].sentence;
    }, 'clicking the summit fact does not select its sentence').catch(() => assert.fail(`clicking the summit fact does not select its sentence, but ${JSON.stringify(selected)}`));
    await closeAllEditors();
  });

  it('has every picture action as a command: group, zoom fit, scope, export as SVG and PNG', async function () {
    await closeAllEditors();
    await showSampleIn(this, 'factmark.showTimeline');
    const wb = workbench();
    const drawn = wb ? await eventually(() => wb.evaluate(readDrawnItems, 'svg [data-key]'), 'the timeline draws nothing', 30_000) : undefined;
    if (wb && drawn) {
      // Group Timeline By…: the lanes are the article's name, and the page's own control says so.
      await vscode.commands.executeCommand('factmark.timeline.groupBy', { grouping: 'document' });
      await eventually(async () => (await wb.evaluate(readPictureValue, '#grouping')) === 'document' && ((await wb.evaluate(readPictureText, 'svg g[aria-label="y-axis tick label"]')) ?? '').includes('korea-generals-2006-03-02.txt'), 'Group Timeline By document does not draw a lane per article');
      await vscode.commands.executeCommand('factmark.timeline.groupBy', { grouping: 'type' });
      await eventually(async () => (await wb.evaluate(readPictureValue, '#grouping')) === 'type', 'Group Timeline By type does not take');

      // Zoomed in with the wheel, the marks move; Fit Timeline puts them back where they were.
      const layout = async () => ((await wb.evaluate(readDrawnItems, 'svg [data-key]')) ?? []).map((d) => `${d.key}@${Math.round(d.x)}`).sort().join(' ');
      const before = await layout();
      assert.ok(await wb.evaluate(zoomPicture, -800), 'no chart to turn the wheel on');
      await eventually(async () => (await layout()) !== before, 'the wheel does not zoom the timeline');
      let now = '';
      await vscode.commands.executeCommand('factmark.timeline.fit');
      await eventually(async () => (now = await layout()) === before, 'Fit Timeline does not show the whole range again').catch(() => assert.fail(`Fit Timeline does not show the whole range again: ${now} instead of ${before}`));

      // Whole workspace / Active article: the page's button follows.
      await vscode.commands.executeCommand('factmark.picture.toggleWorkspace');
      await eventually(async () => (await wb.evaluate(readPictureText, '#scope')) === 'Active article', 'the scope command does not show the whole workspace');
      await vscode.commands.executeCommand('factmark.picture.toggleWorkspace');
      await eventually(async () => (await wb.evaluate(readPictureText, '#scope')) === 'Whole workspace', 'the scope command does not go back to the article');
    } else {
      await eventually(async () => vscode.commands.executeCommand<Timeline | undefined>('factmark.internal.getTimeline'), 'the timeline has no data');
    }

    // Export Picture as SVG: a well-formed SVG document holding every drawn mark, the 1953 bar among them.
    const svgFile = vscode.Uri.file(path.join(workspaceDir(), 'pictures', 'timeline.svg'));
    fs.mkdirSync(path.dirname(svgFile.fsPath), { recursive: true });
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('factmark.picture.exportSvg', svgFile);
    assert.equal(written?.toString(), svgFile.toString(), 'Export Picture as SVG does not say it wrote the file');
    const svg = fs.readFileSync(svgFile.fsPath, 'utf8');
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, 'the file is not an SVG document');
    if (wb && drawn) {
      const parsed = await wb.evaluate(parseSvg, svg);
      assert.equal(parsed.error, '', `the saved SVG does not parse: ${parsed.error}`);
      assert.equal(parsed.root, 'svg');
      assert.deepEqual(parsed.labels.sort(), drawn.map((d) => d.label).sort(), 'the saved SVG holds other marks than the drawn ones');
      assert.ok(parsed.labels.includes('1953') && parsed.labels.includes('2000'), 'the 1953 and 2000 bars are in the saved SVG');
    } else {
      assert.match(svg, /data-label="1953"/);
    }

    // Export Picture as PNG: a PNG file (its signature), as wide as the picture at twice its resolution.
    const pngFile = vscode.Uri.file(path.join(workspaceDir(), 'pictures', 'timeline.png'));
    await vscode.commands.executeCommand('factmark.picture.exportPng', pngFile);
    const png = fs.readFileSync(pngFile.fsPath);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the file has no PNG signature');
    assert.ok(png.readUInt32BE(16) >= 640 && png.readUInt32BE(20) >= 100, `the PNG is ${png.readUInt32BE(16)} × ${png.readUInt32BE(20)}`);
    assert.ok(png.length > 5000, `the PNG holds a picture (${png.length} bytes)`);
  });

  it("saves the picture from the page's own SVG and PNG buttons, where the Save dialog says", async function () {
    const wb = workbench();
    if (!wb) this.skip();
    await closeAllEditors();
    await showSampleIn(this, 'factmark.showTimeline');
    const drawn = await eventually(() => wb!.evaluate(readDrawnItems, 'svg [data-key]'), 'the timeline draws nothing', 30_000);
    for (const format of ['svg', 'png'] as const) {
      // The Save dialog offers timeline.svg / timeline.png in the workspace folder: the user takes it.
      const file = path.join(workspaceDir(), `timeline.${format}`);
      fs.rmSync(file, { force: true });
      const offered = (q: QuickInputState | undefined) => !!q && q.value.endsWith(`timeline.${format}`);
      await eventually(async () => {
        if (offered(await wb!.evaluate(readQuickInput))) return true;
        // A click while the webview is still taking the focus can be lost: click again until the dialog shows.
        const [button] = (await wb!.evaluate(readDrawnItems, `#export-${format}`)) ?? [];
        if (button) await wb!.mouseClick(button.x, button.y);
        return eventually(async () => offered(await wb!.evaluate(readQuickInput)), 'no Save dialog yet', 5_000).catch(() => false);
      }, `the ${format.toUpperCase()} button does not open a Save dialog offering timeline.${format}`, 30_000);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await eventually(() => fs.existsSync(file) && fs.statSync(file).size > 0, `the ${format.toUpperCase()} button saved nothing to timeline.${format}`, 30_000);
      await eventually(async () => !(await wb!.evaluate(readQuickInput)), 'the Save dialog did not close');
      if (format === 'svg') {
        // The file may still be being written: read it once it parses.
        const parsed = await eventually(async () => {
          const p = await wb!.evaluate(parseSvg, fs.readFileSync(file, 'utf8'));
          return p.error === '' ? p : undefined;
        }, 'the saved SVG does not parse');
        assert.equal(parsed.root, 'svg');
        assert.deepEqual(parsed.labels.sort(), drawn.map((d) => d.label).sort(), 'the saved SVG holds other marks than the drawn ones');
      } else {
        const png = await eventually(() => {
          const bytes = fs.readFileSync(file);
          return bytes.length > 5000 ? bytes : undefined;
        }, 'the saved PNG holds no picture');
        assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the file has no PNG signature');
        assert.ok(png.readUInt32BE(16) >= 640 && png.readUInt32BE(20) >= 100, `the PNG is ${png.readUInt32BE(16)} × ${png.readUInt32BE(20)}`);
      }
    }
  });

  it('reports an export written while another was asked for as written, not failed', async function () {
    const wb = workbench();
    if (!wb) this.skip();
    await closeAllEditors();
    await showSampleIn(this, 'factmark.showTimeline');
    await eventually(() => wb!.evaluate(readDrawnItems, 'svg [data-key]'), 'the timeline draws nothing', 30_000);
    const first = path.join(workspaceDir(), 'timeline.svg');
    const second = vscode.Uri.file(path.join(workspaceDir(), 'pictures', 'timeline-second.svg'));
    fs.rmSync(first, { force: true });
    fs.rmSync(second.fsPath, { force: true });
    fs.mkdirSync(path.dirname(second.fsPath), { recursive: true });
    // The first export waits in its Save dialog while the user asks for a second one elsewhere.
    const outcome = (p: Thenable<vscode.Uri | undefined>) => Promise.resolve(p).then((u) => ({ written: u?.fsPath }), (e: unknown) => ({ error: String(e) }));
    const firstDone = outcome(vscode.commands.executeCommand<vscode.Uri | undefined>('factmark.picture.exportSvg'));
    await eventually(async () => (await wb!.evaluate(readQuickInput))?.value.endsWith('timeline.svg'), 'the first export shows no Save dialog', 30_000);
    const secondDone = await outcome(vscode.commands.executeCommand<vscode.Uri | undefined>('factmark.picture.exportSvg', second));
    assert.deepEqual(secondDone, { written: second.fsPath }, 'the second export is not written');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.deepEqual(await firstDone, { written: first }, 'the first export, written where the Save dialog said, is reported otherwise');
    assert.ok(fs.statSync(first).size > 0, 'the first export wrote nothing');
  });

  it('follows the colour theme: light, dark and high contrast, text readable on the page', async function () {
    const wb = workbench();
    if (!wb) this.skip();
    const uri = copySampleArticle(this);
    await openInEditor(uri);
    await vscode.commands.executeCommand('factmark.showTimeline');
    const config = vscode.workspace.getConfiguration('workbench');
    try {
      for (const [theme, kind, name] of [
        ['Default Light Modern', 'vscode-light', 'timeline-light'],
        ['Default High Contrast', 'vscode-high-contrast', 'timeline-high-contrast'],
        ['Default Dark Modern', 'vscode-dark', 'timeline-dark'],
      ]) {
        await config.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        const seen = await eventually(async () => {
          const t = await wb!.evaluate(readPictureTheme);
          return t?.kind.split(' ').includes(kind) ? t : undefined;
        }, `the timeline does not take the ${theme} theme`);
        assert.ok(Math.abs(luminance(seen.text) - luminance(seen.background)) > 100, `${theme}: axis text ${seen.text} on ${seen.background}`);
        await wb!.screenshot(name, 'iframe.webview');
      }
    } finally {
      await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('filters in step with the Factmark view and the map, both ways', async function () {
    const wb = workbench();
    const source = path.join(sharedDir() ?? '', 'corpus', 'korea-generals-2006-03-02.txt');
    if (!wb || !fs.existsSync(source)) this.skip();
    // A copy of its own: accepting names writes a sidecar, which other suites' copy of the sample must not see.
    const uri = writeWorkspaceFile('pictures/korea-filter.txt', fs.readFileSync(source));
    await openInEditor(uri);
    const { mentions } = await suggestionsFor(uri);
    for (const name of ['Seoul', 'Bush']) {
      const m = mentions.find((x) => x.text === name);
      assert.ok(m, `precondition: ${name} is suggested`);
      await vscode.commands.executeCommand('factmark.acceptSuggestion', { uri: uri.toString(), start: m.start, end: m.end, type: m.type, scope: 'mention' });
    }
    const labels = async () => ((await wb!.evaluate(readDrawnItems, 'svg [data-key]')) ?? []).map((d) => d.label).sort();
    try {
      await vscode.commands.executeCommand('factmark.showTimeline');
      await eventually(async () => (await labels()).includes('2000'), 'the timeline does not draw the 2000 summit', 30_000);

      // The view's filter narrows the drawn timeline, and its text box shows it.
      await vscode.commands.executeCommand('factmark.view.filter', { text: '1953' });
      await eventually(async () => (await labels()).join() === '1953', 'with the view filtered on "1953" the timeline draws more than the 1953 bar', 30_000);
      await eventually(async () => (await wb!.evaluate(readPictureValue, '#text')) === '1953', 'the timeline\'s text box does not show the view\'s filter "1953"');
      await vscode.commands.executeCommand('factmark.view.clearFilter');
      await eventually(async () => (await labels()).includes('2000'), 'clearing the view filter does not bring the summit back', 30_000);

      // Typed into the timeline's text box: the Factmark view lists only Seoul and says it is filtered.
      // Keys go where the focus is: click the box until it has it, so that nothing is typed into the article.
      await eventually(async () => {
        if (await wb!.evaluate(pictureHasFocus, '#text')) return true;
        const [box] = (await wb!.evaluate(readDrawnItems, '#text')) ?? [];
        if (box) await fetch(process.env.FACTMARK_PROBE_URL!, { method: 'POST', body: JSON.stringify({ op: 'mouseClick', x: box.x, y: box.y }) });
        return false;
      }, "the timeline's text box does not take the focus", 30_000);
      // A key can be lost while the webview is still taking the focus; the box shows it, and the user
      // types the word again (select all, retype) until the box says "Seoul".
      await wb!.type('Seoul');
      await eventually(async () => {
        if ((await wb!.evaluate(readPictureValue, '#text')) === 'Seoul') return true;
        if (await wb!.evaluate(pictureHasFocus, '#text')) {
          await wb!.press('Control+a');
          await wb!.type('Seoul');
        }
        return false;
      }, 'the timeline\'s text box does not show the typed "Seoul"', 30_000);
      const leaves = (rows: TreeRow[]): string[] => rows.flatMap((r) => (r.children ? leaves(r.children) : [r.label]));
      await eventually(async () => {
        const tree = await vscode.commands.executeCommand<{ title: string; rows: TreeRow[] }>('factmark.internal.getTree');
        const shown = leaves(tree.rows);
        return tree.title.includes('filtered') && shown.length > 0 && shown.every((l) => l === 'Seoul');
      }, 'typing "Seoul" in the timeline does not filter the Factmark view to Seoul', 30_000);
      // The picture redraws on its own turn after the view: wait for it rather than read it once.
      await eventually(async () => {
        const seoulDates = await labels();
        return seoulDates.length > 0 && !seoulDates.includes('1953');
      }, 'the timeline does not keep only what is about Seoul', 30_000);

      // The map opened now takes the same filter: one dot, Seoul.
      await vscode.commands.executeCommand('factmark.showMap');
      await eventually(async () => {
        const dots = (await wb!.evaluate(readDrawnItems, 'svg circle.dot')) ?? [];
        return dots.length === 1 && dots[0].label === 'Seoul';
      }, 'the map does not follow the filter: one dot, Seoul', 30_000);
      await wb!.screenshot('pictures-filtered');
    } finally {
      await vscode.commands.executeCommand('factmark.view.clearFilter');
      // The text box had focus, so the next editor would open in the panel's group, hidden behind it.
      await closeAllEditors();
    }
  });

  it('draws a date shared by dozens of entries as three rows and a count, which lists them when clicked', async function () {
    const wb = workbench();
    if (!wb) this.skip();
    await closeAllEditors();
    // Forty speakers on one day: forty rows stacked on top of each other would fill the panel with one date.
    const lines = ['The council was founded in 1990.', ...Array.from({ length: 40 }, (_, i) => `Speaker ${i + 1} addressed the council on 5 May 2001.`)];
    const uri = writeWorkspaceFile('pictures/crowded.txt', lines.join('\n') + '\n');
    await openInEditor(uri);
    await suggestionsFor(uri);
    // A new panel (closeAllEditors closed the last): grouped by type, the whole range in view.
    await vscode.commands.executeCommand('factmark.showTimeline');
    try {
      await crowdListed(wb!, uri);
    } finally {
      // The panel may have the focus: the next test's article must not open behind it.
      await closeAllEditors();
    }
  });

  /** The count of forty speakers' day, drawn and clicked, lists them; an entry clicked selects its sentence. */
  async function crowdListed(wb: NonNullable<ReturnType<typeof workbench>>, uri: vscode.Uri): Promise<void> {
    const crowd = await eventually(async () => {
      const [c] = (await wb!.evaluate(readDrawnItems, 'svg rect.crowd')) ?? [];
      return c?.label === '37 more' ? c : undefined;
    }, 'the timeline does not draw "37 more" for the day forty speakers share', 30_000);
    assert.equal(crowd.from, '2001-05-05');
    const drawn = (await wb!.evaluate(readDrawnItems, 'svg [data-key]')) ?? [];
    assert.equal(drawn.length, 4, `the 1990 dot and three of the speakers' dots are drawn one by one: ${drawn.map((d) => d.label).join(', ')}`);
    assert.ok(((await wb!.evaluate(readPictureText, '#chart svg')) ?? '').includes('37 more'), 'the count is written on the chart');
    // Rows are 30 px apart; a dot's and a bar's centres on one row differ by a pixel.
    const rows = new Set([...drawn, crowd].map((d) => Math.round(d.y / 10)));
    assert.ok(rows.size <= 4, `the lane takes at most four rows: ${[...rows].join(', ')}`);

    // Clicked, the count lists the 37 entries under the chart; a click on one selects its sentence.
    await fetch(process.env.FACTMARK_PROBE_URL!, { method: 'POST', body: JSON.stringify({ op: 'mouseClick', x: crowd.x, y: crowd.y }) });
    const listed = await eventually(async () => {
      const entries = (await wb!.evaluate(readDrawnItems, '#crowd li')) ?? [];
      return entries.length === 37 ? entries : undefined;
    }, 'clicking "37 more" does not list its 37 entries', 30_000);
    assert.match((await wb!.evaluate(readPictureText, '#crowd h2')) ?? '', /^37 in DATE, 2001-05-05/);
    const shown = new Set(drawn.map((d) => d.key));
    const first = listed[0];
    assert.ok(listed.every((l) => !shown.has(l.key)), 'the list holds the entries not drawn one by one');
    await fetch(process.env.FACTMARK_PROBE_URL!, { method: 'POST', body: JSON.stringify({ op: 'mouseClick', x: first.x, y: first.y }) });
    let selected = '';
    await eventually(() => {
      const e = vscode.window.activeTextEditor;
      selected = e ? e.document.getText(e.selection) : '';
      return e?.document.uri.toString() === uri.toString() && selected === 'Speaker 4 addressed the council on 5 May 2001.';
    }, 'clicking a listed entry does not select its sentence').catch(() => assert.fail(`clicking a listed entry does not select its sentence, but ${JSON.stringify(selected)}`));
  }

  it('lists 300 of the dates it cannot place with the count of all, and the others at "Show more"', async function () {
    const wb = workbench();
    if (!wb) this.skip();
    await closeAllEditors();
    // 320 durations that no date anchors: more than the page lists at first.
    const lines = Array.from({ length: 320 }, (_, i) => `Round ${i + 1} was a two-day meeting.`);
    const uri = writeWorkspaceFile('pictures/unplaced.txt', lines.join('\n') + '\n');
    await openInEditor(uri);
    await suggestionsFor(uri);
    await vscode.commands.executeCommand('factmark.showTimeline');
    try {
      const listed = () => wb!.evaluate(readDrawnItems, '#unplaced li').then((l) => l?.length ?? 0);
      await eventually(async () => /^Not on the axis \(320\)/.test((await wb!.evaluate(readPictureText, '#unplaced h2')) ?? ''), 'the heading does not count the 320 dates not on the axis', 30_000);
      await eventually(async () => (await listed()) === 300, 'the page does not list 300 of them at first', 30_000);
      assert.match((await wb!.evaluate(readPictureText, '#unplaced .more')) ?? '', /… and 20 more\. Show 20 more/, 'the rest is counted under the list');
      // "Show more" (scrolled to, as the user would) lists the other 20, the last one last.
      await clickUntil(wb!, await eventually(async () => (await wb!.evaluate(scrollPictureTo, '#unplaced .show-more')) && (await wb!.evaluate(readDrawnItems, '#unplaced .show-more'))?.[0], 'no "Show more" button'), async () => (await listed()) === 320, '"Show 20 more" does not list the other 20');
      assert.ok(((await wb!.evaluate(readPictureText, '#unplaced li:last-child')) ?? '').includes('Round 320 was a two-day meeting.'), 'the last listed is the last round');
      assert.equal(await wb!.evaluate(readPictureText, '#unplaced .more'), undefined, 'nothing is left to show');
    } finally {
      await closeAllEditors();
    }
  });

  it('redraws when the article changes: a date typed in appears on the axis', async () => {
    const uri = writeWorkspaceFile('timeline-live.txt', 'The treaty was signed in 1990.\n');
    const editor = await openInEditor(uri);
    await suggestionsFor(uri);
    await vscode.commands.executeCommand('factmark.showTimeline');
    await eventually(async () => (await vscode.commands.executeCommand<Timeline | undefined>('factmark.internal.getTimeline'))?.items.some((i) => i.value === '1990'), 'the timeline lacks 1990');
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'They met again on 5 May 2001.\n'));
    await eventually(async () => {
      const t = await vscode.commands.executeCommand<Timeline | undefined>('factmark.internal.getTimeline');
      return t?.items.some((i) => i.value === '2001-05-05');
    }, 'the date typed in is not on the timeline', 15_000);
    const wb = workbench();
    if (wb) await eventually(async () => ((await wb.evaluate(readDrawnItems, 'svg [data-key]')) ?? []).some((d) => d.from === '2001-05-05'), 'the new date is not drawn');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!editor.document.isDirty);
  });
});
