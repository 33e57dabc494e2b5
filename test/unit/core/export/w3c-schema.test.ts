/**
 * The W3C export checked against the Web Annotation WG's own conformance schemas (draft-04, loaded with
 * their ids so that `annotations.json#/...` references resolve) and against the shapes of the
 * Recommendation's examples.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { toW3cCollection } from '../../../../src/core/export/w3c';
import { hardDocument, peersDir, peersPresent } from './fixtures';

const suite = path.join(peersDir, 'w3c-web-annotation-tests');
const examples = path.join(peersDir, 'w3c-annotation-model-rec-examples');

type Validate = (data: unknown) => string[];

/** Loads every schema of the suite and returns a validator running the assertions of a `.test` list. */
function musts(ajv: Ajv, testFile: string): Validate {
  const list = JSON.parse(fs.readFileSync(path.join(suite, testFile), 'utf8')) as { assertions: string[] };
  const checks = list.assertions.map((a) => {
    const schema = JSON.parse(fs.readFileSync(path.join(suite, a), 'utf8')) as { id: string; expectedResult: string };
    assert.equal(schema.expectedResult, 'valid', `${a}: this test only knows "valid" assertions`);
    return { name: a, validate: ajv.getSchema(schema.id) ?? ajv.compile(schema) };
  });
  return (data) => checks.filter((c) => !c.validate(data)).map((c) => `${c.name}: ${JSON.stringify(c.validate.errors?.slice(0, 2))}`);
}

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  for (const f of fs.readdirSync(path.join(suite, 'definitions'))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(suite, 'definitions', f), 'utf8')));
  }
  return ajv;
}

describe('W3C Web Annotation export against the WG schemas', function () {
  // compiling the suite's ~100 schemas takes a while on a busy machine
  this.timeout(30_000);
  let ajv: Ajv;

  before(function () {
    if (!peersPresent('w3c-web-annotation-tests')) {
      console.log(`    (skipped: ${suite} not found)`);
      this.skip();
    }
    ajv = newAjv();
  });

  it('passes every MUST assertion for the collection, its page and each annotation', () => {
    const collection = toW3cCollection([hardDocument()], { includeSuggested: true });
    assert.ok(collection.total > 0);
    assert.deepEqual(musts(ajv, 'collections/collectionMusts.test')(collection), []);
    // an embedded page and its annotations take the collection's @context (JSON-LD); the suite checks each
    // resource as a standalone document, so give them the same context for the check
    const context = { '@context': collection['@context'] };
    assert.deepEqual(musts(ajv, 'collections/pages/pageMusts.test')({ ...context, ...collection.first }), []);
    const annotationMusts = musts(ajv, 'annotations/annotationMusts.test');
    for (const item of collection.first.items) assert.deepEqual(annotationMusts({ ...context, ...item }), [], item.id);
  });

  it('would fail an annotation without a target or with a non-IRI id (the check can fail)', () => {
    const annotationMusts = musts(ajv, 'annotations/annotationMusts.test');
    const item = toW3cCollection([hardDocument()]).first.items[0];
    const { target: _target, ...untargeted } = item;
    assert.notDeepEqual(annotationMusts({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...untargeted }), []);
    assert.notDeepEqual(annotationMusts({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...item, id: 'not an iri' }), []);
  });

  it('implements the optional selector and purpose features it claims (TextQuote/TextPosition selectors, body purposes)', () => {
    const optional = (assertion: string) => {
      const schema = JSON.parse(fs.readFileSync(path.join(suite, 'annotations', assertion), 'utf8')) as { id: string };
      return ajv.getSchema(schema.id) ?? ajv.compile(schema);
    };
    const items = toW3cCollection([hardDocument()]).first.items;
    for (const assertion of ['specificResource/4.2.4-textQuoteSelector.json', 'specificResource/4.2.5-textPositionSelector.json', 'bodiesTargets/4-targSpecificResource.json', 'bodiesTargets/3.3.5-bodyPurpose.json']) {
      const validate = optional(assertion);
      assert.ok(items.every((i) => validate({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...i }) === true), `${assertion}: ${JSON.stringify(validate.errors)}`);
    }
  });
});

describe('W3C Web Annotation export against the Recommendation examples', function () {
  before(function () {
    if (!peersPresent('w3c-annotation-model-rec-examples')) {
      console.log(`    (skipped: ${examples} not found)`);
      this.skip();
    }
  });

  /** For each `type` value, the keys the Recommendation's examples use on objects of that type. */
  function keysByType(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (typeof v !== 'object' || v === null) return;
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string') {
        const keys = out.get(o.type) ?? new Set<string>();
        Object.keys(o).forEach((k) => keys.add(k));
        out.set(o.type, keys);
      }
      Object.values(o).forEach(walk);
    };
    for (const f of fs.readdirSync(examples).filter((f) => f.endsWith('.json'))) walk(JSON.parse(fs.readFileSync(path.join(examples, f), 'utf8')));
    return out;
  }

  it('uses on each typed object only keys that the examples use on objects of the same type, and its one documented extension', () => {
    const known = keysByType();
    // The document's date on the target's source (FORMATS.md): a Dublin Core term through the
    // context's `dcterms` prefix, which no example happens to use.
    known.get('Text')?.add('dcterms:date');
    const problems: string[] = [];
    const walk = (v: unknown, where: string): void => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${where}[${i}]`));
      if (typeof v !== 'object' || v === null) return;
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string') {
        const keys = known.get(o.type);
        if (!keys) problems.push(`${where}: type ${o.type} appears in no example`);
        else for (const k of Object.keys(o)) if (!keys.has(k)) problems.push(`${where}: ${o.type}.${k} appears in no example`);
      }
      for (const [k, x] of Object.entries(o)) walk(x, `${where}.${k}`);
    };
    walk(toW3cCollection([hardDocument()], { includeSuggested: true }), '$');
    assert.deepEqual(problems, []);
  });

  it('embeds the page in `first` with `startIndex` and `items`, as Example 40 does', () => {
    const example = JSON.parse(fs.readFileSync(path.join(examples, 'example40.json'), 'utf8')) as { first: Record<string, unknown> };
    const ours = toW3cCollection([hardDocument()]) as unknown as Record<string, unknown>;
    assert.deepEqual(Object.keys(ours).sort(), Object.keys(example).sort());
    assert.deepEqual(Object.keys(ours.first as object).sort(), Object.keys(example.first).sort());
  });
});
