import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoRoot } from '../../fixtures/paths';

const root = repoRoot;
const grammarPath = (name: string) => path.join(root, 'syntaxes', name);

/** Loads the plain-text base grammar with Factmark's injection, as VS Code does. */
async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      const file = { 'text.plain': 'plaintext.tmLanguage.json', 'text.factmark.injection': 'factmark.injection.tmLanguage.json' }[scope];
      return file ? textmate.parseRawGrammar(fs.readFileSync(grammarPath(file), 'utf8'), grammarPath(file)) : null;
    },
    getInjections: (scope) => (scope === 'text.plain' ? ['text.factmark.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar('text.plain');
  assert.ok(grammar);
  return grammar;
}

/** The pieces of `line` whose scopes include one starting with `prefix`. */
function scoped(grammar: textmate.IGrammar, line: string, prefix: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  const pieces: string[] = [];
  for (const t of tokens) {
    if (t.scopes.some((s) => s.startsWith(prefix))) pieces.push(line.slice(t.startIndex, t.endIndex));
  }
  return pieces;
}

describe('plain-text grammar (syntaxes/)', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('scopes straight and typographic quotations as quoted speech', () => {
    const quote = (line: string) => scoped(grammar, line, 'string.quoted.double.speech').join('');
    assert.equal(quote('He called it a "peace regime." Then left.'), '"peace regime."');
    assert.equal(quote('She said “we will meet” today.'), '“we will meet”');
  });

  it('ends an unclosed quotation at the end of its line', () => {
    const { ruleStack } = grammar.tokenizeLine('"An opening quote with no end', textmate.INITIAL);
    const next = grammar.tokenizeLine('Next line is plain.', ruleStack);
    assert.ok(next.tokens.every((t) => !t.scopes.some((s) => s.startsWith('string.quoted'))));
  });

  it('scopes explicit calendar dates and leaves bare numbers alone', () => {
    const dates = (line: string) => scoped(grammar, line, 'constant.numeric.date');
    assert.deepEqual(dates('02 March 2006'), ['02 March 2006']);
    assert.deepEqual(dates('On March 2, 2006 and 2006-03-02T10:30 and 2/3/2006.'), ['March 2, 2006', '2006-03-02T10:30', '2/3/2006']);
    assert.deepEqual(dates('Some 1,500 people and 40 migrants in 2021.'), []);
  });
});
