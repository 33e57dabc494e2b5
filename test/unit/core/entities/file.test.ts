import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addAlias, addEntity, ENTITIES_SCHEMA, EntitiesNotWritableError, mergeEntities, parseEntities, renameEntity, writeEntities, type EntitiesData } from '../../../../src/core/entities';
import { IdMaker } from '../../../../src/core/ids';
import { repoRoot } from '../../../fixtures/paths';

const data = (): EntitiesData => ({
  version: 1,
  entities: [
    { id: 'e-roh', name: 'Roh Moo-hyun', type: 'PERSON', aliases: ['Roh', 'President Roh'], kb: ['Q4286'] },
    { id: 'e-us', name: 'United States', type: 'PLACE', aliases: ['U.S.'] },
    { id: 'e-bush41', name: 'George Bush', type: 'PERSON', note: 'President 1989-1993' },
    { id: 'e-park', name: 'Park Chan-bong', type: 'PERSON' },
  ],
});

describe('the entities file (src/core/entities)', () => {
  it('writes a new file in name order, one block per entity, and reads it back', () => {
    const text = writeEntities(undefined, data());
    assert.match(text, /^# Factmark entities/);
    const names = [...text.matchAll(/^ {4}name: (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(names, ['George Bush', 'Park Chan-bong', 'Roh Moo-hyun', 'United States']);
    assert.match(text, /aliases: \[Roh, President Roh\]/);
    assert.match(text, /kb: \[Q4286\]\n\n {2}- id: e-us/);
    const back = parseEntities(text);
    assert.deepEqual(back.diagnostics, []);
    assert.equal(back.writable, true);
    assert.deepEqual(new Set(back.data!.entities.map((e) => JSON.stringify(e))), new Set(data().entities.map((e) => JSON.stringify(e))));
  });

  it('quotes what a YAML 1.1 reader would turn into something else', () => {
    const text = writeEntities(undefined, { version: 1, entities: [{ id: 'e-1', name: 'No', type: 'PERSON', aliases: ['2006'] }] });
    assert.match(text, /name: "No"/);
    assert.match(text, /aliases: \["2006"\]/);
    assert.equal(parseEntities(text).data!.entities[0].name, 'No');
  });

  it('keeps comments, order and unknown keys, changes only the edited entry, and writes nothing for no change', () => {
    const original = writeEntities(undefined, data())
      .replace('  - id: e-us', '  # the country, not the government\n  - id: e-us')
      .replace('    type: PLACE', '    type: PLACE\n    wikipedia: United_States # kept');
    assert.equal(writeEntities(original, parseEntities(original).data!), original, 'no change, same text');
    const edited = writeEntities(original, addAlias(parseEntities(original).data!, 'e-roh', 'Mr. Roh'));
    assert.match(edited, /# the country, not the government\n {2}- id: e-us/);
    assert.match(edited, /wikipedia: United_States # kept/);
    assert.match(edited, /aliases: \[Roh, President Roh, Mr\. Roh\]/);
    const changed = diffLines(original, edited);
    assert.deepEqual(changed, ['-    aliases: [Roh, President Roh]', '+    aliases: [Roh, President Roh, Mr. Roh]']);
  });

  it('renames by changing the name line and keeping the old name as an alias', () => {
    const original = writeEntities(undefined, data());
    const edited = writeEntities(original, renameEntity(parseEntities(original).data!, 'e-park', 'Park Chan Bong'));
    assert.deepEqual(diffLines(original, edited), ['-    name: Park Chan-bong', '+    name: Park Chan Bong', '+    aliases: [Park Chan-bong]']);
  });

  it('a merge writes the new aliases in their place (before the note), and the merged entry leaves with its blank line', () => {
    const original = '# keep me\nfactmark-entities: 1\nentities:\n  - id: e-park\n    name: Park\n    type: PERSON\n\n  - id: e-pcb\n    name: Park Chan-bong\n    type: PERSON\n    note: delegate\n';
    const edited = writeEntities(original, mergeEntities(parseEntities(original).data!, 'e-park', 'e-pcb').data);
    assert.equal(edited, '# keep me\nfactmark-entities: 1\nentities:\n  - id: e-pcb\n    name: Park Chan-bong\n    type: PERSON\n    aliases: [Park]\n    note: delegate\n');
  });

  it('two people editing the file on two branches merge cleanly in git (independent changes)', function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip();
    const base = writeEntities(undefined, data());
    const d = () => parseEntities(base).data!;
    // Mine: an alias for Roh, and a new entity (Kim Jong Il).
    let mine = addAlias(d(), 'e-roh', 'Mr. Roh');
    mine = addEntity(mine, { name: 'Kim Jong Il', type: 'PERSON' }, new IdMaker([], () => 0.1)).data;
    // Theirs: a kb id for the United States, and another new entity (Ban Ki-moon, first by name).
    let theirs = d();
    theirs = { ...theirs, entities: theirs.entities.map((e) => (e.id === 'e-us' ? { ...e, kb: ['Q30'] } : e)) };
    theirs = addEntity(theirs, { name: 'Ban Ki-moon', type: 'PERSON' }, new IdMaker([], () => 0.5)).data;
    const merged = mergeFile(base, writeEntities(base, mine), writeEntities(base, theirs));
    assert.equal(merged.status, 0, `git merge-file reported conflicts:\n${merged.text}`);
    const back = parseEntities(merged.text);
    assert.deepEqual(back.diagnostics, []);
    const byName = new Map(back.data!.entities.map((e) => [e.name, e]));
    assert.deepEqual([...byName.keys()].sort(), ['Ban Ki-moon', 'George Bush', 'Kim Jong Il', 'Park Chan-bong', 'Roh Moo-hyun', 'United States']);
    assert.deepEqual(byName.get('Roh Moo-hyun')!.aliases, ['Roh', 'President Roh', 'Mr. Roh']);
    assert.deepEqual(byName.get('United States')!.kb, ['Q30']);
  });

  it('reports a malformed file with its line and column, never throws, and refuses to overwrite it', () => {
    const text = 'factmark-entities: 1\nentities:\n  - id: e-1\n    name: [Roh\n    type: PERSON\n';
    const r = parseEntities(text);
    assert.equal(r.writable, false);
    assert.ok(r.diagnostics.length > 0);
    assert.equal(r.diagnostics[0].code, 'YAML_SYNTAX');
    assert.ok(r.diagnostics[0].line >= 3, `located at line ${r.diagnostics[0].line}`);
    assert.throws(() => writeEntities(text, data()), EntitiesNotWritableError);
    for (const bad of ['', ':', '- a', 'factmark-entities: 2\n', 'factmark-entities: 1\nentities: *x\n', 'x: !!binary aGk=\n', '\u0000\uFFFF']) {
      const p = parseEntities(bad);
      assert.ok(p.diagnostics.length > 0 || p.data, `something said for ${JSON.stringify(bad)}`);
    }
    const alias = parseEntities('factmark-entities: 1\nentities:\n  - &a {id: e-1, name: X, type: PERSON}\n  - *a\n');
    assert.equal(alias.writable, false);
    assert.deepEqual(alias.diagnostics.map((d) => [d.code, d.line]), [['ALIAS', 3]]);
    const tag = parseEntities('factmark-entities: 1\nentities:\n  - !!js/function x\n');
    assert.equal(tag.writable, false);
    const v2 = parseEntities('factmark-entities: 2\n');
    assert.equal(v2.writable, false);
    assert.equal(v2.diagnostics[0].code, 'VERSION');
  });

  it('reports an invalid entry where it is, loads the others and keeps it verbatim on write', () => {
    const text = writeEntities(undefined, data()).replace('    name: Park Chan-bong\n', '');
    const r = parseEntities(text);
    assert.equal(r.writable, true);
    assert.deepEqual(r.invalid, [1]);
    assert.equal(r.data!.entities.length, 3);
    const d = r.diagnostics.find((x) => x.code === 'SCHEMA')!;
    assert.match(d.message, /entities\[1\].*name/);
    assert.equal(text.split('\n')[d.line].trim(), '- id: e-park');
    const written = writeEntities(text, addAlias(r.data!, 'e-us', 'USA'));
    assert.match(written, /- id: e-park\n {4}type: PERSON/);
  });

  it('reports a duplicate id and ignores the second entry', () => {
    const text = writeEntities(undefined, data()).replace('id: e-park', 'id: e-roh');
    const r = parseEntities(text);
    const dup = r.diagnostics.find((d) => d.code === 'DUPLICATE_ID')!;
    assert.ok(dup);
    assert.equal(r.data!.entities.filter((e) => e.id === 'e-roh').length, 1);
  });

  it('publishes a JSON Schema that requires id, name and type', () => {
    const s = ENTITIES_SCHEMA as { definitions: { entity: { required: string[] } } };
    assert.deepEqual(s.definitions.entity.required, ['id', 'name', 'type']);
  });
});

/** Lines removed (-) and added (+) between two texts, by a longest-common-subsequence diff. */
function diffLines(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs = x.map(() => new Array<number>(y.length + 1).fill(0));
  lcs.push(new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
    }
    else if (i < x.length && (j === y.length || lcs[i + 1][j] >= lcs[i][j + 1])) out.push('-' + x[i++]);
    else out.push('+' + y[j++]);
  }
  return out;
}

/** `git merge-file -p mine base theirs`: the merged text and git's exit status (0: no conflict). */
function mergeFile(base: string, mine: string, theirs: string): { status: number; text: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factmark-entities-'));
  try {
    for (const [n, t] of [['base', base], ['mine', mine], ['theirs', theirs]]) fs.writeFileSync(path.join(dir, n), t);
    try {
      return { status: 0, text: execFileSync('git', ['merge-file', '-p', 'mine', 'base', 'theirs'], { cwd: dir, encoding: 'utf8' }) };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { status: err.status, text: err.stdout };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the entities schema in the package', () => {
  it('is contributed for factmark.entities.yaml and copied beside the bundle', () => {
    const root = repoRoot;
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string; url: string }[] } };
    const entry = manifest.contributes.yamlValidation.find((v) => v.fileMatch === 'factmark.entities.yaml');
    assert.equal(entry?.url, './dist/entities.schema.json');
    const built = path.join(root, 'dist/entities.schema.json');
    assert.ok(fs.existsSync(built), `${built} is missing: run "npm run build" first`);
    assert.deepEqual(JSON.parse(fs.readFileSync(built, 'utf8')), ENTITIES_SCHEMA);
  });
});

describe('the entities writer escapes what a YAML 1.1 reader takes for a line break', () => {
  it('writes NEL, U+2028/2029 and C1 controls in a note escaped, never raw, and reads them back', () => {
    const note = 'a\u0085b\u2028c\u2029d\u0080e';
    const out = writeEntities(undefined, { version: 1, entities: [{ id: 'kim', name: 'Kim', type: 'PERSON', note }] });
    // PyYAML reads a raw NEL inside double quotes as a line break folded into a space
    assert.doesNotMatch(out, /[\u007f-\u009f\u2028\u2029]/);
    assert.equal(parseEntities(out).data?.entities[0].note, note);
  });
});
