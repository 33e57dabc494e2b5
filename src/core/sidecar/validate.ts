/** Checks sidecar data against the published JSON Schema (schema.json) with ajv. */

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from './schema.json';

/** One schema violation, located by its path in the data. */
export interface ShapeError {
  path: (string | number)[];
  message: string;
  /** True when a required key is missing (the path is then its parent). */
  missing: boolean;
}

const LISTS = ['annotations', 'facts'] as const;

interface Validators {
  /** The whole file's schema (given the file with its lists emptied). */
  root: ValidateFunction;
  /** The schema of one entry of each list, as the root schema's `items` refers to it. */
  entry: Record<(typeof LISTS)[number], ValidateFunction>;
}

let validators: Validators | undefined;

/** The published schema, as an object (for tests and for tooling). */
export const SIDECAR_SCHEMA: object = schema;

function compile(): Validators {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(schema, 'sidecar');
  const entry = (list: (typeof LISTS)[number]) => ajv.getSchema(`sidecar${schema.properties[list].items.$ref}`)!;
  return { root: ajv.getSchema('sidecar')!, entry: { annotations: entry('annotations'), facts: entry('facts') } };
}

/** Validate parsed data; returns every violation (empty when valid). */
export function validateShape(data: unknown): ShapeError[] {
  // Compiled once, on first use: compilation costs a few milliseconds.
  validators ??= compile();
  const errors: ErrorObject[] = [];
  const check = (validate: ValidateFunction, value: unknown, at: string) => {
    if (validate(value)) return;
    for (const e of validate.errors ?? []) errors.push(at ? { ...e, instancePath: at + e.instancePath } : e);
  };
  // Entries are checked one at a time, not by the root schema's `items`: ajv gathers the errors of
  // a referenced schema with `concat`, which copies every error so far for each invalid entry, so a
  // sidecar of 40,000 entries without a status took minutes to check (quadratic).
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    const root: Record<string, unknown> = { ...record };
    for (const list of LISTS) if (Array.isArray(record[list])) root[list] = [];
    check(validators.root, root, '');
    // The lists are the root schema's last properties (annotations, then facts): the whole schema
    // reports each list's own errors, then its entries', after the file's; keep that order, as
    // `check` prints the problems in it.
    const fileErrors = errors.splice(0);
    const ofList = (list: string) => (e: ErrorObject) => e.instancePath === `/${list}` || e.instancePath.startsWith(`/${list}/`);
    for (const e of fileErrors) if (!LISTS.some((list) => ofList(list)(e))) errors.push(e);
    for (const list of LISTS) {
      for (const e of fileErrors) if (ofList(list)(e)) errors.push(e);
      const items = record[list];
      if (!Array.isArray(items)) continue;
      for (let i = 0; i < items.length; i++) check(validators.entry[list], items[i], `/${list}/${i}`);
    }
  } else check(validators.root, data, '');
  return errors.map((e) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const missing = e.keyword === 'required';
    let message = e.message ?? 'invalid';
    if (missing) message = `missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
    else if (e.keyword === 'enum') message += ': ' + (e.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    else if (e.keyword === 'const') message += ' ' + JSON.stringify((e.params as { allowedValue: unknown }).allowedValue);
    return { path, message, missing };
  });
}
