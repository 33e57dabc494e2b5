import * as assert from 'node:assert/strict';
import type { AnnotatedDocument, Annotation, Fact } from '../../../../src/core/model';
import { buildTree, groupLabel, leafLabel, suggestionsGroup, type GroupNode, type TreeDocument, type TreeNode } from '../../../../src/core/tree';

const TEXT = 'Roh Moo-hyun met Bush in Seoul on Thursday. The Bank of England said in 1953 that Roh would visit Seoul this June.';

function ann(id: string, quote: string, type: string, extra: Partial<Annotation> = {}, from = 0): Annotation {
  const start = TEXT.indexOf(quote, from);
  assert.ok(start >= 0, quote);
  return { id, start, end: start + quote.length, text: quote, type, status: 'confirmed', ...extra };
}

function fact(id: string, quote: string, label: string, entities: string[], date?: string): Fact {
  const start = TEXT.indexOf(quote);
  return { id, start, end: start + quote.length, text: quote, label, entities, date };
}

function doc(name: string, annotations: Annotation[], facts: Fact[] = []): TreeDocument {
  const model: AnnotatedDocument = { path: name, annotations, facts };
  return { key: `file:///w/${name}`, name, model };
}

const article = doc(
  'b-article.txt',
  [
    ann('a1', 'Roh Moo-hyun', 'PERSON'),
    ann('a2', 'Bush', 'PERSON'),
    ann('a3', 'Seoul', 'PLACE'),
    ann('a4', 'Thursday', 'DATE', { value: '2006-03-02' }),
    ann('a5', 'Bank of England', 'ORGANIZATION'),
    ann('a6', 'England', 'PLACE'),
    ann('a7', '1953', 'DATE', { value: '1953' }),
    ann('a8', 'Roh', 'PERSON', { kb: 'Q7223' }, 60),
    ann('a9', 'Seoul', 'PLACE', {}, 60),
    ann('a10', 'this June', 'DATE', { value: '2006-06' }),
    ann('a11', 'Bush', 'PLACE', { status: 'rejected' }),
  ],
  [
    fact('f1', 'Roh Moo-hyun met Bush in Seoul on Thursday.', 'meeting', ['a1', 'a2', 'a3', 'a4'], '2006-03-02'),
    fact('f2', 'The Bank of England said in 1953', 'statement', ['a5', 'a7'], '1953'),
    fact('f3', 'Roh would visit Seoul this June', 'event', ['a8', 'a9'], 'PRESENT_REF'),
  ],
);
const other = doc('a-other.txt', [ann('b1', 'Seoul', 'PLACE')], []);

const labels = (nodes: readonly TreeNode[]) => nodes.map((n) => (n.kind === 'group' ? groupLabel(n) : leafLabel(n)));

describe('tree model (src/core/tree)', () => {
  it('groups by type: facts first, built-in types in label order, counts in labels, rejections left out', () => {
    const tree = buildTree([article], { grouping: 'type', typeOrder: ['PERSON', 'ORGANIZATION', 'PLACE', 'DATE'] });
    assert.deepEqual(labels(tree.roots), ['Facts (3)', 'PERSON (3)', 'ORGANIZATION (1)', 'PLACE (3)', 'DATE (3)']);
    const people = tree.roots[1] as GroupNode;
    assert.deepEqual(labels(people.children), ['Roh Moo-hyun', 'Bush', 'Roh']);
    assert.deepEqual(tree.totals, { facts: 3, annotations: 10, entities: 9, documents: 1 });
  });

  it('uses the label titles for type groups', () => {
    const tree = buildTree([article], { grouping: 'type', title: (t) => t[0] + t.slice(1).toLowerCase() });
    assert.ok(labels(tree.roots).includes('Person (3)'));
  });

  it('groups by entity: mentions of one entity together, most mentioned first', () => {
    const tree = buildTree([article], { grouping: 'entity' });
    const names = labels(tree.roots);
    assert.equal(names[0], 'Facts (3)');
    assert.equal(names[1], 'Seoul · PLACE (2)');
    const seoul = tree.roots[1] as GroupNode;
    assert.deepEqual(
      seoul.children.map((c) => (c.kind === 'annotation' ? c.annotation.id : '')),
      ['a3', 'a9'],
    );
    // "Bank of England" and the nested "England" are two entities
    assert.ok(names.includes('Bank of England · ORGANIZATION (1)'));
    assert.ok(names.includes('England · PLACE (1)'));
  });

  it('groups by entity one Wikidata item however its id is written (Q42, Wikidata:Q42, its IRI)', () => {
    // An import from W3C or brat kept the file's form of the id: the mentions stood in three groups.
    const imported = doc('c-imported.txt', [
      ann('c1', 'Roh Moo-hyun', 'PERSON', { kb: 'Q7223' }),
      ann('c2', 'Roh', 'PERSON', { kb: 'https://www.wikidata.org/entity/Q7223' }, 60),
      ann('c3', 'Bush', 'PERSON', { kb: 'Wikidata:Q7223' }),
      ann('c4', 'Seoul', 'PLACE', { kb: 'http://www.wikidata.org/entity/Q7223' }),
    ]);
    const tree = buildTree([imported], { grouping: 'entity' });
    const ids = (n: TreeNode) => (n.kind === 'group' ? n.children.map((c) => (c.kind === 'annotation' ? c.annotation.id : '')) : []);
    assert.deepEqual(tree.roots.map(ids), [['c1', 'c3', 'c2'], ['c4']]);
  });

  it('groups by date chronologically, using normalised values, undated last', () => {
    const tree = buildTree([article], { grouping: 'date' });
    assert.deepEqual(labels(tree.roots), ['1953 (2)', '2006-03-02 (2)', '2006-06 (1)', 'No calendar date (1)']);
    const march = tree.roots[1] as GroupNode;
    assert.deepEqual(labels(march.children), ['meeting: Roh Moo-hyun met Bush in Seoul on Thursday.', 'Thursday']);
  });

  it('groups by document, sorted by name, each grouped by type', () => {
    const tree = buildTree([article, other], { grouping: 'document' });
    assert.deepEqual(labels(tree.roots), ['a-other.txt (1)', 'b-article.txt (13)']);
    const b = tree.roots[1] as GroupNode;
    assert.equal(labels(b.children)[0], 'Facts (3)');
    assert.equal(tree.totals.documents, 2);
  });

  it('filters by text and by type', () => {
    const byText = buildTree([article, other], { grouping: 'type', filter: { text: 'seoul' } });
    assert.deepEqual(labels(byText.roots), ['Facts (2)', 'PLACE (3)']);
    const byType = buildTree([article], { grouping: 'type', filter: { types: ['DATE'] } });
    assert.deepEqual(labels(byType.roots), ['DATE (3)']);
    const factsOnly = buildTree([article], { grouping: 'type', filter: { types: ['FACT'] } });
    assert.deepEqual(labels(factsOnly.roots), ['Facts (3)']);
    const kb = buildTree([article], { grouping: 'type', filter: { text: 'q7223' } });
    assert.deepEqual(labels(kb.roots), ['PERSON (1)']);
  });

  it('links every node to its parent and finds the node of an item (for reveal)', () => {
    for (const grouping of ['type', 'entity', 'date', 'document'] as const) {
      const tree = buildTree([article, other], { grouping });
      const ids = new Set<string>();
      const walk = (nodes: readonly TreeNode[], parent: GroupNode | undefined) => {
        for (const n of nodes) {
          assert.equal(n.parent, parent, `${grouping}: parent of ${n.id}`);
          assert.ok(!ids.has(n.id), `${grouping}: duplicate id ${n.id}`);
          ids.add(n.id);
          if (n.kind === 'group') walk(n.children, n);
        }
      };
      walk(tree.roots, undefined);
    }
    const tree = buildTree([article], { grouping: 'type' });
    const node = tree.nodeFor(article.key, 'a9');
    assert.ok(node && node.kind === 'annotation');
    assert.equal(node.annotation.text, 'Seoul');
    assert.equal(node.parent?.name, 'PLACE');
    assert.equal(tree.nodeFor(article.key, 'a11'), undefined, 'a rejected annotation has no node');
  });

  it('lists open suggestions in a group of their own, in text order, under the filter', () => {
    const d = doc('a.txt', []);
    const mentions = [
      { type: 'PLACE', start: 10, end: 16, text: 'Lisbon', source: 'ner' },
      { type: 'DATE', start: 20, end: 26, text: 'Monday', value: '2024-05-13', source: 'dates' },
    ];
    const group = suggestionsGroup([{ doc: d, mentions }])!;
    assert.equal(groupLabel(group), 'Open suggestions (2)');
    assert.deepEqual(group.children.map((n) => (n.kind === 'annotation' ? [n.annotation.text, n.annotation.status, n.annotation.value] : [])), [
      ['Lisbon', 'suggested', undefined],
      ['Monday', 'suggested', '2024-05-13'],
    ]);
    assert.ok(group.children.every((n) => n.parent === group), 'rows know their group (for reveal and menus)');
    assert.equal(suggestionsGroup([{ doc: d, mentions }], { types: ['DATE'] })!.count, 1);
    assert.equal(suggestionsGroup([{ doc: d, mentions }], { text: 'lis' })!.count, 1);
    assert.equal(suggestionsGroup([{ doc: d, mentions: [] }]), undefined, 'no group without suggestions');
  });
});
