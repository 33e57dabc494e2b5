import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../fixtures/paths';

const root = repoRoot;
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('package.json: the annotating workflow', () => {
  const commands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));

  it('binds keys only to contributed commands, each guarded to plain-text editors (or to the focused Factmark views), without clashes', () => {
    const seen = new Set<string>();
    for (const k of manifest.contributes.keybindings as Array<{ command: string; key: string; when?: string }>) {
      if (!k.command.startsWith('factmark.')) continue;
      assert.ok(commands.has(k.command), `${k.command} is bound but not contributed`);
      // Undo / redo of annotation actions take Ctrl+Z in the Factmark views only (issue 10).
      const inViews = /^(focusedView == factmark\.\w+( \|\| )?)+$/.test(k.when ?? '');
      assert.ok(inViews || /editorLangId == plaintext/.test(k.when ?? ''), `${k.command} has no when clause`);
      const where = `${inViews ? 'view' : 'editor'} ${k.key}`;
      assert.ok(!seen.has(where), `${k.key} is bound twice`);
      seen.add(where);
    }
    for (const type of ['Person', 'Organization', 'Place', 'Date']) {
      assert.ok(manifest.contributes.keybindings.some((k: { command: string }) => k.command === `factmark.tag${type}`), `no key for ${type}`);
    }
  });

  it('puts menu entries only on contributed commands', () => {
    for (const [menu, items] of Object.entries(manifest.contributes.menus as Record<string, Array<{ command?: string }>>)) {
      for (const item of items) if (item.command) assert.ok(commands.has(item.command), `${menu}: ${item.command} is not contributed`);
    }
  });

  it('declares a theme colour with light, dark and high-contrast defaults for every label colour it uses', () => {
    const colours = new Map<string, Record<string, string>>(manifest.contributes.colors.map((c: { id: string; defaults: Record<string, string> }) => [c.id, c.defaults]));
    for (const key of ['person', 'organization', 'place', 'date']) {
      for (const id of [`factmark.${key}`, `factmark.${key}Border`, `factmark.${key}Confirmed`]) {
        assert.deepEqual(Object.keys(colours.get(id) ?? {}).sort(), ['dark', 'highContrast', 'highContrastLight', 'light'], id);
      }
    }
    assert.ok(colours.has('factmark.factLine'));
  });

  it('has a welcome for every state of the view', () => {
    const whens = manifest.contributes.viewsWelcome.filter((w: { view: string }) => w.view === 'factmark.facts').map((w: { when?: string }) => w.when ?? '');
    assert.ok(whens.some((w: string) => w.includes('== empty')));
    assert.ok(whens.some((w: string) => w.includes('== filteredOut')));
  });
});
