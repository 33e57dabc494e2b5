import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Mention } from '../../../src/core/model';
import {
  EXTENSION_ID,
  closeAllEditors,
  copySampleArticle,
  eventually,
  expectedColour,
  openInEditor,
  sameColour,
  suggestionsFor,
  writeWorkspaceFile,
} from '../helpers';
import { readRenderedDecorations, workbench, type RenderedDecoration } from '../workbench';

const COLOUR_OF: Record<string, string> = {
  PERSON: 'factmark.person',
  ORGANIZATION: 'factmark.organization',
  PLACE: 'factmark.place',
  DATE: 'factmark.date',
};

function find(mentions: readonly Mention[], type: string, text: string): Mention | undefined {
  return mentions.find((m) => m.type === type && m.text === text);
}

describe('Highlights on the sample article', function () {
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;

  before(async function () {
    uri = copySampleArticle(this);
    editor = await openInEditor(uri);
  });

  after(closeAllEditors);

  it('activates Factmark when a plain-text article is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'Factmark is not installed in this host');
    await eventually(() => ext.isActive, 'Factmark did not activate on a plain-text document');
  });

  it('suggests North Korea and South Korea as places', async () => {
    const { mentions } = await suggestionsFor(uri);
    assert.ok(find(mentions, 'PLACE', 'North Korea'), 'North Korea is not suggested as a place');
    assert.ok(find(mentions, 'PLACE', 'South Korea'), 'South Korea is not suggested as a place');
  });

  it("normalises dates against the article's own date (02 March 2006)", async () => {
    const result = await suggestionsFor(uri);
    assert.equal(result.documentDate, '2006-03-02');
    const expected: Array<[string, string]> = [
      ['02 March 2006', '2006-03-02'],
      ['Thursday', '2006-03-02'],
      ['1953', '1953'],
      ['this June', '2006-06'],
    ];
    for (const [text, value] of expected) {
      const m = find(result.mentions, 'DATE', text);
      assert.ok(m, `"${text}" is not suggested as a date`);
      assert.equal(m.value, value, `"${text}" normalised to ${m.value}, expected ${value}`);
    }
  });

  it('suggests the people and organisations of the article, each exactly on its text', async () => {
    const { mentions } = await suggestionsFor(uri);
    const text = editor.document.getText();
    for (const name of ['Roh Moo-hyun', 'Bush', 'Park Chan-bong', 'Kim Jong Il', 'Kim Dae-jung']) {
      assert.ok(find(mentions, 'PERSON', name), `${name} is not suggested as a person`);
    }
    assert.ok(find(mentions, 'ORGANIZATION', 'Ministry of Unification'), 'the Ministry of Unification is not suggested');
    assert.ok(!mentions.some((m) => m.text.includes('Chan-') && m.type === 'PLACE'), '"Park Chan-" is tagged as a place');
    for (const m of mentions) {
      assert.equal(text.slice(m.start, m.end), m.text, `${m.type} "${m.text}" is not where it claims to be`);
    }
  });

  it('draws the highlights in the editor, each in its type colour', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    await vscode.window.showTextDocument(editor.document);
    const { mentions } = await suggestionsFor(uri);
    const visible = editor.visibleRanges[0];
    const shown = mentions.filter((m) => visible.contains(editor.document.positionAt(m.end)));
    assert.ok(shown.length >= 3, `expected several suggestions on screen, got ${shown.length}`);
    const rendered = await eventually(async () => {
      const r = await wb.evaluate(readRenderedDecorations);
      return r.length >= shown.length ? r : undefined;
    }, 'the editor did not paint the suggestions');
    for (const m of shown) {
      const drawn = rendered.filter((d: RenderedDecoration) => m.text.startsWith(d.text) || m.text.endsWith(d.text));
      assert.ok(drawn.length > 0, `"${m.text}" (${m.type}) is not drawn; drawn: ${rendered.map((d) => d.text).join(' | ')}`);
      const colour = expectedColour(COLOUR_OF[m.type]);
      assert.ok(
        drawn.some((d) => sameColour(d.background, colour)),
        `"${m.text}" is drawn in ${drawn.map((d) => d.background).join(', ')}, not in the ${m.type} colour`,
      );
    }
    await wb.screenshot('sample-article-highlights');
  });

  it('shows the type and the normalised date on hover', async () => {
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('Thursday') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const content = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(content, /Date/);
    assert.match(content, /2006-03-02/);
  });

  it('shows the hover card when the mouse rests on a highlight', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    await vscode.commands.executeCommand('notifications.clearAll');
    // The editor may still be painting (a notification cleared, a redraw): wait for the highlight.
    let rendered: RenderedDecoration[] = [];
    const thursday = await eventually(async () => (rendered = await wb.evaluate(readRenderedDecorations)).find((d) => d.text === 'Thursday'), '"Thursday" is not drawn').catch(() =>
      assert.fail(`"Thursday" is not drawn; drawn: ${rendered.map((d) => d.text).join(' | ')}`),
    );
    // The card of the editor, not a tooltip another suite's mouse left showing (an Explorer row's):
    // wait for the hover that is inside the editor's part of the page.
    await wb.mouseMove(thursday.left + thursday.width / 2, thursday.top + thursday.height / 2);
    const card = await eventually(
      () => wb.evaluate(() => Array.from(document.querySelectorAll('.monaco-editor .monaco-hover:not(.hidden)')).map((h) => h.textContent ?? '').join('')),
      'no hover card appeared',
    );
    assert.match(card, /Date/);
    assert.match(card, /2006-03-02/);
    await eventually(() => wb.isStill('.monaco-editor .monaco-hover:not(.hidden)'), 'the hover card did not finish fading in');
    await wb.screenshot('hover-date');
    await wb.mouseMove(5, 5);
  });

  it('moves suggestions with an edit and recognises the new text', async () => {
    const before = editor.document.getText();
    const insertAt = editor.document.positionAt(before.indexOf('Legally,'));
    const inserted = 'Talks resumed on Friday. ';
    await editor.edit((b) => b.insert(insertAt, inserted));
    const after = editor.document.getText();
    const result = await suggestionsFor(uri);
    assert.equal(result.version, editor.document.version, 'suggestions were not recomputed for the edited text');
    const year = find(result.mentions, 'DATE', '1953');
    assert.ok(year, '"1953" lost its suggestion after the edit');
    assert.equal(year.start, after.indexOf('1953'));
    assert.ok(find(result.mentions, 'DATE', 'Friday'), 'the inserted "Friday" is not suggested');
    await vscode.commands.executeCommand('undo');
  });

  it('clears the highlights when suggestions are turned off, and restores them', async function () {
    const wb = workbench();
    const config = vscode.workspace.getConfiguration('factmark');
    try {
      await config.update('suggestions.enabled', false, vscode.ConfigurationTarget.Global);
      const off = await eventually(async () => {
        const r = await suggestionsFor(uri);
        return r.skipped ? r : undefined;
      }, 'suggestions stayed on');
      assert.equal(off.mentions.length, 0);
      if (wb) await eventually(async () => (await wb.evaluate(readRenderedDecorations)).length === 0, 'highlights still drawn');
    } finally {
      await config.update('suggestions.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    const on = await eventually(async () => {
      const r = await suggestionsFor(uri);
      return r.mentions.length > 0 ? r : undefined;
    }, 'suggestions did not come back');
    assert.ok(find(on.mentions, 'PLACE', 'North Korea'));
    if (wb) await eventually(async () => (await wb.evaluate(readRenderedDecorations)).length > 0, 'highlights not drawn again');
  });
});

describe('Highlights on a long article', function () {
  let editor: vscode.TextEditor;

  before(async function () {
    // about 200 KB and 3,000 suggestions: large enough that what the editor shows is recognised and
    // drawn first, and that only the lines near the view are decorated
    const sample = copySampleArticle(this);
    const text = Array.from({ length: 100 }, () => fs.readFileSync(sample.fsPath, 'utf8')).join('\n\n');
    editor = await openInEditor(writeWorkspaceFile('long-article.txt', text));
  });

  after(closeAllEditors);

  it('draws the highlights where the editor shows them, at the top and after a jump to the end', async function () {
    const wb = workbench();
    if (!wb) return this.skip();
    const uri = editor.document.uri;
    const { mentions } = await suggestionsFor(uri);
    assert.ok(mentions.length > 2000, `expected a long article's worth of suggestions, got ${mentions.length}`);
    const drawnText = async () => (await wb.evaluate(readRenderedDecorations)).map((d) => d.text);
    await eventually(async () => (await drawnText()).length > 0, 'no highlight drawn at the top of the article');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenter);
    await eventually(() => editor.visibleRanges[editor.visibleRanges.length - 1].end.line >= end.line - 1, 'the editor did not scroll to the end');
    const shownAtEnd = mentions.filter((m) => editor.visibleRanges.some((r) => r.contains(editor.document.positionAt(m.end))));
    assert.ok(shownAtEnd.length >= 3, `expected suggestions on screen at the end, got ${shownAtEnd.length}`);
    const drawn = await eventually(async () => {
      const d = await drawnText();
      return shownAtEnd.every((m) => d.some((t) => m.text.startsWith(t) || m.text.endsWith(t))) ? d : undefined;
    }, 'the suggestions at the end of the article are not drawn');
    assert.ok(drawn.length >= shownAtEnd.length);
  });
});

describe('Documents Factmark does not recognise', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('factmark').update('suggestions.maxFileSizeKB', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('skips a document over the size limit and says so in the status bar', async () => {
    await vscode.workspace.getConfiguration('factmark').update('suggestions.maxFileSizeKB', 1, vscode.ConfigurationTarget.Global);
    const uri = writeWorkspaceFile('long-report.txt', 'The delegation from North Korea met in Seoul on Thursday.\n'.repeat(60));
    await openInEditor(uri);
    const result = await suggestionsFor(uri);
    assert.match(result.skipped ?? '', /1 KB limit/);
    assert.equal(result.mentions.length, 0);
    const wb = workbench();
    if (wb) {
      await eventually(
        () => wb.evaluate(() => /Factmark: not recognised/.test(document.querySelector('.statusbar')?.textContent ?? '')),
        'the status bar does not say the document was skipped',
      );
    }
  });

  it('skips a binary file instead of recognising its bytes', async () => {
    const bytes = Buffer.concat([Buffer.from('North Korea and South Korea. '.repeat(30)), Buffer.alloc(64, 0)]);
    const uri = writeWorkspaceFile('capture.txt', bytes);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const result = await suggestionsFor(uri);
    assert.match(result.skipped ?? '', /binary/);
  });

  it('leaves relative dates unresolved in a document without a date of its own', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'The ministers met on Thursday in Valletta.' });
    await vscode.window.showTextDocument(document);
    const result = await suggestionsFor(document.uri);
    assert.equal(result.documentDate, undefined);
    const thursday = find(result.mentions, 'DATE', 'Thursday');
    assert.ok(thursday, '"Thursday" is not suggested as a date');
    assert.ok(!thursday.value || !/^\d{4}/.test(thursday.value), `"Thursday" was guessed as ${thursday.value}`);
  });
});
